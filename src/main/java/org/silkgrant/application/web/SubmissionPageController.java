package org.silkgrant.application.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;

import org.silkgrant.account.SilkGrantUser;
import org.silkgrant.application.ApplicationManagement;
import org.silkgrant.application.ApplicationPdf;
import org.silkgrant.application.NotReadyException;
import org.silkgrant.application.Receipt;
import org.silkgrant.document.FileStore;
import org.silkgrant.shared.FieldViolationException;
import org.silkgrant.shared.TranslatedException;
import org.springframework.context.MessageSource;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The editor's last steps as pages for a browser session: attach files, download them, submit with the receipt
 * shown, and the PDF. The JSON API offers the same to other systems.
 */
@Controller
@RequestMapping("/applications/{id}")
class SubmissionPageController {

    private final ApplicationManagement applications;
    private final ApplicationPdf pdf;
    private final MessageSource messages;

    private final org.silkgrant.application.PdfQueue queue;

    SubmissionPageController(ApplicationManagement applications, ApplicationPdf pdf, MessageSource messages,
            org.silkgrant.application.PdfQueue queue) {
        this.queue = queue;
        this.applications = applications;
        this.pdf = pdf;
        this.messages = messages;
    }

    @PostMapping("/attachments")
    String attach(@AuthenticationPrincipal SilkGrantUser user, @PathVariable Long id,
            @RequestParam(required = false) String kind, @RequestParam(required = false) MultipartFile file,
            Locale locale, RedirectAttributes redirect) throws IOException {
        try {
            if (file == null || file.isEmpty()) {
                throw new FieldViolationException("file", "REQUIRED", "application.attachment.file.REQUIRED");
            }
            String kept;
            try (InputStream content = file.getInputStream()) {
                // The name as kept (controls and direction marks removed, the real extension), not as sent.
                kept = applications.attach(user, id, kind, file.getOriginalFilename(), content).fileName();
            }
            redirect.addFlashAttribute("filesNotice", messages.getMessage("submission.attached",
                    new Object[] {kept}, locale));
        } catch (FieldViolationException e) {
            redirect.addFlashAttribute("filesError", String.join(" ", e.violations().stream()
                    .map(v -> messages.getMessage(v.messageKey(), v.arguments(), locale)).toList()));
        } catch (TranslatedException e) {
            if (e.httpStatus() == 404) {
                throw e;
            }
            redirect.addFlashAttribute("filesError", messages.getMessage(e.messageKey(), e.arguments(), locale));
        }
        return "redirect:/applications/" + id + "#section-attachments";
    }

    @GetMapping("/attachments/{attachmentId}")
    ResponseEntity<InputStreamResource> download(@AuthenticationPrincipal SilkGrantUser user, @PathVariable Long id,
            @PathVariable Long attachmentId) {
        ApplicationManagement.Download download = applications.download(user, id, attachmentId);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, FileStore.contentDisposition(download.fileName()))
                .contentType(MediaType.parseMediaType(download.mediaType()))
                .body(new InputStreamResource(download.content()));
    }

    @PostMapping("/submit")
    String submit(@AuthenticationPrincipal SilkGrantUser user, @PathVariable Long id, Locale locale,
            RedirectAttributes redirect) {
        try {
            Receipt receipt = applications.submit(user, id);
            redirect.addFlashAttribute("submitNotice", messages.getMessage("submission.done",
                    new Object[] {receipt.number()}, locale));
        } catch (NotReadyException e) {
            List<String> failing = e.checklist().failing().stream()
                    .map(r -> r.rule() + ": " + messages.getMessage(r.messageKey(), r.arguments().toArray(), r.messageKey(), locale))
                    .toList();
            redirect.addFlashAttribute("submitErrors", failing);
        } catch (TranslatedException e) {
            if (e.httpStatus() == 404) {
                throw e;
            }
            redirect.addFlashAttribute("submitErrors", List.of(messages.getMessage(e.messageKey(), e.arguments(), locale)));
        }
        return "redirect:/applications/" + id + "#section-submission";
    }

    @GetMapping("/pdf")
    java.util.concurrent.CompletableFuture<ResponseEntity<byte[]>> pdf(@AuthenticationPrincipal SilkGrantUser user,
            @PathVariable Long id) {
        return queue.submit(() -> pdf.render(user, id)).thenApply(rendered -> ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        FileStore.contentDisposition(rendered.fileName()).replaceFirst("^attachment", "inline"))
                .cacheControl(CacheControl.noStore())
                .contentType(MediaType.APPLICATION_PDF)
                .body(rendered.pdf()));
    }
}
