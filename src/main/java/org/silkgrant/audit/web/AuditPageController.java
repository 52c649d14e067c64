package org.silkgrant.audit.web;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.silkgrant.audit.AuditFilter;
import org.silkgrant.audit.AuditLog;
import org.silkgrant.audit.AuditRecord;
import org.springframework.data.domain.Page;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The audit admin's reading of the audit record, newest first, filtered; its CSV export; and the verification of
 * its hash chain.
 */
@Controller
@PreAuthorize("hasRole('AUDIT_ADMIN')")
class AuditPageController {

    static final int PAGE_SIZE = 50;
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** A row of the record with its time in Beijing time. */
    record Row(AuditRecord record, String time) {

        static Row of(AuditRecord record) {
            Instant at = record.at();
            return new Row(record, at == null ? null : FORMAT.format(at.atZone(AuditFilter.ZONE)));
        }
    }

    private final AuditLog log;
    private final AuditCsv csv;

    AuditPageController(AuditLog log, AuditCsv csv) {
        this.log = log;
        this.csv = csv;
    }

    @GetMapping("/audit")
    String audit(@ModelAttribute("filter") AuditFilter filter, @RequestParam(defaultValue = "0") int page,
            Model model) {
        Page<AuditRecord> result = log.read(filter, page, PAGE_SIZE);
        String query = query(filter);
        model.addAttribute("q", filter.q() == null ? "" : filter.q());
        model.addAttribute("rows", result.getContent().stream().map(Row::of).toList());
        model.addAttribute("result", result);
        // The filter as a query string ending in '&' (or empty), for the paging and export links.
        model.addAttribute("query", query.isEmpty() ? "" : query + "&");
        model.addAttribute("exportQuery", query);
        return "audit/audit";
    }

    /** The dashboard's panel: the latest failed security events (sign-in failures, lockouts, refusals). */
    @GetMapping("/audit/panel")
    String panel(Model model) {
        AuditFilter failures = new AuditFilter(null, null, null, null, null, "FAILURE", null, null);
        model.addAttribute("rows", log.read(failures, 0, 8).getContent().stream().map(Row::of).toList());
        return "audit/panel :: panel";
    }

    @GetMapping("/audit/export.csv")
    void export(@ModelAttribute AuditFilter filter, Authentication admin, HttpServletRequest request,
            HttpServletResponse response, Locale locale) throws IOException {
        csv.write(filter, admin.getName(), request, response, locale);
    }

    @PostMapping("/audit/verification")
    String verify(Authentication admin, HttpServletRequest request, RedirectAttributes redirect) {
        redirect.addFlashAttribute("verification", log.verify(admin.getName(), request.getRemoteAddr()));
        return "redirect:/audit#verification";
    }

    private static String query(AuditFilter filter) {
        return filter.parameters().entrySet().stream()
                .map(p -> p.getKey() + "=" + URLEncoder.encode(p.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
