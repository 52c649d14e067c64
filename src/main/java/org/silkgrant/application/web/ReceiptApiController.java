package org.silkgrant.application.web;

import org.silkgrant.application.ApplicationManagement;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The public key that checks receipt signatures offline (docs/receipts.md). */
@RestController
@Tag(name = "Receipts", description = "Checking a submission receipt")
class ReceiptApiController {

    private final ApplicationManagement applications;

    ReceiptApiController(ApplicationManagement applications) {
        this.applications = applications;
    }

    @GetMapping(path = "/api/v1/receipts/public-key", produces = "application/x-pem-file")
    @Operation(summary = "The SM2 public key (PEM) that signs receipts; anyone may fetch it")
    String publicKey() {
        return applications.receiptPublicKey();
    }
}
