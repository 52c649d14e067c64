package org.silkgrant.audit.web;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.silkgrant.audit.AuditFilter;
import org.silkgrant.audit.AuditLog;
import org.silkgrant.audit.AuditRecord;
import org.silkgrant.audit.ChainVerification;
import org.springframework.data.domain.Page;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The audit record for the audit admin only: not even the system or security admin reads it. */
@RestController
@PreAuthorize("hasRole('AUDIT_ADMIN')")
@Tag(name = "Audit", description = "The audit record (audit admin)")
class AuditApiController {

    private final AuditLog log;
    private final AuditCsv csv;

    AuditApiController(AuditLog log, AuditCsv csv) {
        this.log = log;
        this.csv = csv;
    }

    /** One page of the record, newest first. */
    record AuditPage(List<AuditRecord> content, int page, int size, long totalElements) {
    }

    @GetMapping("/api/v1/audit-events")
    @Operation(summary = "The audit record, newest first; q searches action or actor, the other parameters match "
            + "exactly, from/to are days in Beijing time (both included)")
    AuditPage events(@ModelAttribute AuditFilter filter, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        org.silkgrant.shared.Paging.check(page, size, AuditLog.MAX_PAGE_SIZE);
        Page<AuditRecord> result = log.read(filter, page, size);
        return new AuditPage(result.getContent(), result.getNumber(), result.getSize(), result.getTotalElements());
    }

    @GetMapping("/api/v1/audit-events.csv")
    @Operation(summary = "The records the filter matches as CSV (UTF-8 with BOM), oldest first; the export is recorded")
    void export(@ModelAttribute AuditFilter filter, Authentication admin, HttpServletRequest request,
            HttpServletResponse response, Locale locale) throws IOException {
        csv.write(filter, admin.getName(), request, response, locale);
    }

    @GetMapping("/api/v1/audit/verification")
    @Operation(summary = "Walks the SM3 hash chain and reports the first changed, unlinked or missing record; "
            + "the verification is recorded")
    ChainVerification verification(Authentication admin, HttpServletRequest request) {
        return log.verify(admin.getName(), request.getRemoteAddr());
    }
}
