package org.silkgrant.audit.web;

import java.util.List;

import org.silkgrant.audit.AuditLog;
import org.silkgrant.audit.AuditRecord;
import org.springframework.data.domain.Page;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The audit record for the audit admin only: not even the system or security admin reads it. */
@RestController
@Tag(name = "Audit", description = "The audit record (audit admin)")
class AuditApiController {

    private final AuditLog log;

    AuditApiController(AuditLog log) {
        this.log = log;
    }

    /** One page of the record, newest first. */
    record AuditPage(List<AuditRecord> content, int page, int size, long totalElements) {
    }

    @GetMapping("/api/v1/audit-events")
    @PreAuthorize("hasRole('AUDIT_ADMIN')")
    @Operation(summary = "The audit record, newest first, filtered by a search in action or actor")
    AuditPage events(@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        Page<AuditRecord> result = log.read(q, page, size);
        return new AuditPage(result.getContent(), result.getNumber(), result.getSize(), result.getTotalElements());
    }
}
