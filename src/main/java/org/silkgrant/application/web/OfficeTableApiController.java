package org.silkgrant.application.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.silkgrant.application.ApplicationStatus;
import org.silkgrant.application.OfficeFilter;
import org.silkgrant.application.OfficeRow;
import org.silkgrant.application.OfficeTable;
import org.silkgrant.call.CallManagement;
import org.springframework.data.domain.Page;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The program office's table of a call's applications and its 汇总表, for other systems. Filters are query
 * parameters: {@code status} (repeatable), {@code category}, {@code scope}, {@code field}, {@code organization}
 * (part of the name), {@code organizationType}, {@code country}, {@code fiscalMin}, {@code fiscalMax},
 * {@code selfRaisedMin}, {@code selfRaisedMax}; {@code sort} (RECEIPT_NUMBER, SUBMITTED_AT, FISCAL) and
 * {@code desc}.
 */
@RestController
@RequestMapping("/api/v1/calls/{code}")
@PreAuthorize("hasRole('PROGRAM_OFFICER')")
@Tag(name = "Office", description = "The program office's table of a call's applications and its Excel export")
class OfficeTableApiController {

    static final int MAX_SIZE = 200;

    private final OfficeTable table;
    private final CallManagement calls;
    private final SummaryWorkbook workbook;

    OfficeTableApiController(OfficeTable table, CallManagement calls, SummaryWorkbook workbook) {
        this.table = table;
        this.calls = calls;
        this.workbook = workbook;
    }

    /** A page of rows with the call's counts per status (drafts counted, never listed). */
    record TablePage(List<OfficeRow> content, int page, int size, long totalElements, int totalPages,
            Map<ApplicationStatus, Long> counts, long total) {
    }

    @GetMapping("/applications")
    @Operation(summary = "The call's submitted applications, filtered, sorted and paged, with counts per status; "
            + "403 unless a program officer, 404 for an unknown call")
    TablePage table(@PathVariable String code, @ModelAttribute OfficeFilter filter,
            @RequestParam(defaultValue = "RECEIPT_NUMBER") OfficeTable.Sort sort,
            @RequestParam(defaultValue = "false") boolean desc, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        org.silkgrant.shared.Paging.check(page, size, MAX_SIZE);
        Page<OfficeRow> rows = table.rows(code, filter, sort, desc, page, size);
        OfficeTable.Counts counts = table.counts(code);
        return new TablePage(rows.getContent(), rows.getNumber(), rows.getSize(), rows.getTotalElements(),
                rows.getTotalPages(), counts.byStatus(), counts.total());
    }

    @GetMapping("/applications.xlsx")
    @Operation(summary = "The 汇总表 of the filtered rows as .xlsx, streamed; headers in the request's language")
    ResponseEntity<StreamingResponseBody> export(@PathVariable String code, @ModelAttribute OfficeFilter filter,
            @RequestParam(defaultValue = "RECEIPT_NUMBER") OfficeTable.Sort sort,
            @RequestParam(defaultValue = "false") boolean desc, Locale locale) {
        return workbook.download(calls.get(code), filter, sort, desc, locale);
    }
}
