package org.silkgrant.application.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Map;

import org.silkgrant.account.SilkGrantUser;
import org.silkgrant.application.ApplicationManagement;
import org.silkgrant.application.ApplicationPdf;
import org.silkgrant.application.ApplicationView;
import org.silkgrant.application.NotReadyException;
import org.silkgrant.application.Receipt;
import org.silkgrant.application.SubmissionPreview;
import org.silkgrant.call.CallDefinition;
import org.silkgrant.call.CallManagement;
import org.silkgrant.document.FileStore;
import org.silkgrant.shared.FieldViolationException;
import org.silkgrant.shared.StateConflictException;
import org.silkgrant.shared.TranslatedException;
import org.springframework.context.MessageSource;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The editor's last steps as pages for a browser session: attach files, download them, confirm what submission
 * freezes and submit with the receipt shown, and the PDF. The JSON API offers the same to other systems.
 */
@Controller
@RequestMapping("/applications/{id}")
class SubmissionPageController {

    private final ApplicationManagement applications;
    private final ApplicationPdf pdf;
    private final MessageSource messages;

    private final org.silkgrant.application.PdfQueue queue;
    private final CallManagement calls;
    private final ChecklistLines lines;

    SubmissionPageController(ApplicationManagement applications, ApplicationPdf pdf, MessageSource messages,
            org.silkgrant.application.PdfQueue queue, CallManagement calls, ChecklistLines lines) {
        this.calls = calls;
        this.lines = lines;
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

    /**
     * The confirmation before the irreversible step: what submission freezes (sections with their state, the
     * attachments by name, size and digests, the version), what still blocks it, and the leader's pledge.
     */
    @GetMapping("/submit")
    String confirmation(@AuthenticationPrincipal SilkGrantUser user, @PathVariable Long id, Model model, Locale locale) {
        SubmissionPreview preview;
        try {
            preview = applications.submissionPreview(user, id);
        } catch (StateConflictException e) {
            // Submitted already (or otherwise frozen): the editor shows the receipt.
            return "redirect:/applications/" + id + "#section-submission";
        }
        ApplicationView application = applications.get(user, id);
        CallDefinition call = calls.get(application.callCode()).definition();
        model.addAttribute("app", application);
        model.addAttribute("preview", preview);
        model.addAttribute("leaderName", user.fullName());
        model.addAttribute("blockers", lines.blocking(preview.checklist(), id, locale));
        model.addAttribute("warnings", lines.warnings(preview.checklist(), id, locale));
        SubmissionSummary summary = new SubmissionSummary(messages, locale, call);
        Map<String, SubmissionPreview.SectionState> byName = new java.util.HashMap<>();
        preview.sections().forEach(st -> byName.put(st.name(), st));
        model.addAttribute("sections", EditorModel.ORDER.stream().map(name -> summary.section(byName.get(name.path())))
                .toList());
        model.addAttribute("files", preview.attachments().stream().map(summary::file).toList());
        return "application/submit";
    }

    /**
     * Submits what the leader confirmed on the confirmation page, and nothing else: without the confirmed version and
     * the ticked pledge the leader is sent to the confirmation page; when the application changed since, too. The JSON
     * API's submit is unchanged (API.md).
     */
    @PostMapping("/submit")
    String submit(@AuthenticationPrincipal SilkGrantUser user, @PathVariable Long id,
            @RequestParam(required = false) String confirmedVersion, @RequestParam(required = false) String pledge,
            Locale locale, RedirectAttributes redirect) {
        Long confirmed = number(confirmedVersion);
        if (confirmed == null || !"true".equals(pledge)) {
            // Who may submit is decided before anything about the confirmation (404, 403, or already submitted).
            try {
                applications.submissionPreview(user, id);
            } catch (StateConflictException e) {
                return "redirect:/applications/" + id + "#section-submission";
            }
            redirect.addFlashAttribute("confirmError", messages.getMessage(
                    confirmed == null ? "submitConfirm.needed" : "submitConfirm.pledgeRequired", null, locale));
            return "redirect:/applications/" + id + "/submit";
        }
        try {
            Receipt receipt = applications.submit(user, id, confirmed);
            redirect.addFlashAttribute("submitNotice", messages.getMessage("submission.done",
                    new Object[] {receipt.number()}, locale));
            return "redirect:/applications/" + id + "#section-submission";
        } catch (NotReadyException e) {
            redirect.addFlashAttribute("confirmError", messages.getMessage("application.notReady", null, locale));
        } catch (TranslatedException e) {
            if (e.httpStatus() == 404) {
                throw e;
            }
            redirect.addFlashAttribute("confirmError", messages.getMessage(e.messageKey(), e.arguments(), locale));
        }
        return "redirect:/applications/" + id + "/submit";
    }

    private static Long number(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
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
