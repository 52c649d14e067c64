package org.silkgrant.application.web;

import org.silkgrant.account.SilkGrantUser;
import org.silkgrant.application.ApplicationPdf;
import org.silkgrant.document.FileStore;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** API.md: {@code GET /api/v1/applications/{id}/pdf}, the application (申报书) as a PDF/A document. */
@RestController
@RequestMapping("/api/v1/applications")
@Tag(name = "Applications")
class ApplicationPdfController {

    private static final String ATTACHMENT = "attachment";

    private final ApplicationPdf pdf;
    private final org.silkgrant.application.PdfQueue queue;

    ApplicationPdfController(ApplicationPdf pdf, org.silkgrant.application.PdfQueue queue) {
        this.pdf = pdf;
        this.queue = queue;
    }

    @GetMapping(path = "/{id}/pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "The application as PDF/A-2u, watermarked 「草稿」 while editable; 404 when it is not the caller's")
    java.util.concurrent.CompletableFuture<ResponseEntity<byte[]>> pdf(@PathVariable Long id,
            @AuthenticationPrincipal SilkGrantUser user) {
        return queue.submit(() -> pdf.render(user, id)).thenApply(ApplicationPdfController::response);
    }

    private static ResponseEntity<byte[]> response(ApplicationPdf.Rendered rendered) {
        // FileStore builds the RFC 6266 header (ASCII fallback and UTF-8 name, quotes escaped); shown in the browser.
        String disposition = "inline" + FileStore.contentDisposition(rendered.fileName()).substring(ATTACHMENT.length());
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition)
                .header("X-Content-Type-Options", "nosniff")
                .cacheControl(CacheControl.noStore())
                .body(rendered.pdf());
    }
}
