package org.silkgrant.application.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

import org.silkgrant.application.ApplicationStatus;
import org.silkgrant.application.OfficeFilter;
import org.silkgrant.application.OfficeRow;
import org.silkgrant.application.OfficeTable;
import org.silkgrant.call.CallManagement;
import org.silkgrant.call.CallView;
import org.silkgrant.organization.OrganizationType;
import org.springframework.data.domain.Page;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The program office's table of a call's applications: filters in the query string (so a view can be bookmarked
 * and shared), the counts per status as links, sortable columns, paging, and the 汇总表 of the same view.
 */
@Controller
@RequestMapping("/office/calls/{code}")
@PreAuthorize("hasRole('PROGRAM_OFFICER')")
class OfficeTablePageController {

    static final int PAGE_SIZE = 50;

    private final OfficeTable table;
    private final CallManagement calls;
    private final SummaryWorkbook workbook;

    OfficeTablePageController(OfficeTable table, CallManagement calls, SummaryWorkbook workbook) {
        this.table = table;
        this.calls = calls;
        this.workbook = workbook;
    }

    /** One row of the page, its texts ready to show. */
    record PageRow(Long id, String receiptNumber, String submittedAt, String title, String organization,
            String organizationType, String leader, String scope, String scopeTitle, String field, String countries,
            String fiscal, String selfRaised, ApplicationStatus status) {
    }

    /** A status badge: how many, and the table narrowed to that status. */
    record StatusCount(ApplicationStatus status, long count, String href, boolean active) {
    }

    @GetMapping("/applications")
    String table(@PathVariable String code, @ModelAttribute("filter") OfficeFilter filter,
            @RequestParam(defaultValue = "RECEIPT_NUMBER") OfficeTable.Sort sort,
            @RequestParam(defaultValue = "false") boolean desc, @RequestParam(defaultValue = "0") int page,
            Model model, Locale locale) {
        CallView call = calls.get(code);
        OfficeLabels labels = OfficeLabels.of(call.definition(), locale);
        Page<OfficeRow> rows = table.rows(code, filter, sort, desc, Math.max(page, 0), PAGE_SIZE);
        OfficeTable.Counts counts = table.counts(code);
        String base = "/office/calls/" + code + "/applications";

        model.addAttribute("call", call);
        model.addAttribute("callTitle", call.definition().title().in(locale));
        model.addAttribute("labels", labels);
        model.addAttribute("page", rows);
        model.addAttribute("rows", rows.getContent().stream().map(r -> row(r, labels)).toList());
        model.addAttribute("total", counts.total());
        model.addAttribute("counts", counts.byStatus().entrySet().stream().filter(e -> e.getValue() > 0)
                .map(e -> new StatusCount(e.getKey(), e.getValue(),
                        href(base, filter.withStatus(Set.of(e.getKey())), sort, desc, 0),
                        filter.status().equals(Set.of(e.getKey()))))
                .toList());
        model.addAttribute("allHref", href(base, filter.withStatus(null), sort, desc, 0));
        model.addAttribute("statuses", Arrays.asList(ApplicationStatus.values()));
        model.addAttribute("here", href(base, filter, sort, desc, rows.getNumber()));
        model.addAttribute("organizationTypes", OrganizationType.values());
        model.addAttribute("countries", Countries.preferred(locale));
        model.addAttribute("sort", sort);
        model.addAttribute("desc", desc);
        Map<String, String> sortHrefs = new HashMap<>();
        for (OfficeTable.Sort by : OfficeTable.Sort.values()) {
            sortHrefs.put(by.name(), href(base, filter, by, by == sort && !desc, 0));
        }
        model.addAttribute("sortHrefs", sortHrefs);
        model.addAttribute("previousHref", href(base, filter, sort, desc, rows.getNumber() - 1));
        model.addAttribute("nextHref", href(base, filter, sort, desc, rows.getNumber() + 1));
        model.addAttribute("exportHref", href(base + ".xlsx", filter, sort, desc, 0));
        model.addAttribute("resetHref", base);
        return "application/office";
    }

    @GetMapping("/applications.xlsx")
    ResponseEntity<StreamingResponseBody> export(@PathVariable String code, @ModelAttribute OfficeFilter filter,
            @RequestParam(defaultValue = "RECEIPT_NUMBER") OfficeTable.Sort sort,
            @RequestParam(defaultValue = "false") boolean desc, Locale locale) {
        return workbook.download(calls.get(code), filter, sort, desc, locale);
    }

    private static PageRow row(OfficeRow r, OfficeLabels labels) {
        return new PageRow(r.id(), r.receiptNumber(), r.submittedAt() == null ? null
                : EditorModel.DATE_TIME.format(r.submittedAt().atZone(EditorModel.BEIJING)), r.title(),
                r.organizationName(), r.organizationType(), r.leaderName(), r.scope(), labels.scopes().get(r.scope()),
                labels.field(r.field()), labels.countries(r.partnerCountries()), amount(r.fiscal()),
                amount(r.selfRaised()), r.status());
    }

    private static String amount(BigDecimal value) {
        return value == null ? "" : value.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    /** The same view with another sort or page: every filter that is set, encoded, in the query string. */
    static String href(String base, OfficeFilter filter, OfficeTable.Sort sort, boolean desc, int page) {
        StringJoiner query = new StringJoiner("&");
        filter.status().stream().sorted().forEach(s -> param(query, "status", s));
        param(query, "category", filter.category());
        param(query, "scope", filter.scope());
        param(query, "field", filter.field());
        param(query, "organization", filter.organization());
        param(query, "organizationType", filter.organizationType());
        param(query, "country", filter.country());
        param(query, "fiscalMin", filter.fiscalMin());
        param(query, "fiscalMax", filter.fiscalMax());
        param(query, "selfRaisedMin", filter.selfRaisedMin());
        param(query, "selfRaisedMax", filter.selfRaisedMax());
        if (sort != OfficeTable.Sort.RECEIPT_NUMBER) {
            param(query, "sort", sort);
        }
        if (desc) {
            param(query, "desc", true);
        }
        if (page > 0) {
            param(query, "page", page);
        }
        return query.length() == 0 ? base : base + "?" + query;
    }

    private static void param(StringJoiner query, String name, Object value) {
        if (value != null) {
            String text = value instanceof BigDecimal amount ? amount.toPlainString() : value.toString();
            // URLEncoder also encodes "+", which a query string would otherwise read as a space.
            query.add(name + "=" + URLEncoder.encode(text, StandardCharsets.UTF_8));
        }
    }
}
