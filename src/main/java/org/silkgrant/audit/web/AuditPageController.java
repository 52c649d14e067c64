package org.silkgrant.audit.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.silkgrant.audit.AuditLog;
import org.silkgrant.audit.AuditRecord;
import org.springframework.data.domain.Page;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The audit admin's reading of the audit record, newest first, searchable by action or actor. */
@Controller
@PreAuthorize("hasRole('AUDIT_ADMIN')")
class AuditPageController {

    static final int PAGE_SIZE = 50;
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** A row of the record with its time in Beijing time. */
    record Row(AuditRecord record, String time) {

        static Row of(AuditRecord record) {
            Instant at = record.at();
            return new Row(record, at == null ? null : FORMAT.format(at.atZone(ZONE)));
        }
    }

    private final AuditLog log;

    AuditPageController(AuditLog log) {
        this.log = log;
    }

    @GetMapping("/audit")
    String audit(@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page, Model model) {
        Page<AuditRecord> result = log.read(q, page, PAGE_SIZE);
        model.addAttribute("q", q == null ? "" : q.strip());
        model.addAttribute("rows", result.getContent().stream().map(Row::of).toList());
        model.addAttribute("result", result);
        return "audit/audit";
    }
}
