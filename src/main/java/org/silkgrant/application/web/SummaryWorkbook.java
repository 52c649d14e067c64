package org.silkgrant.application.web;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.silkgrant.application.ApplicationStatus;
import org.silkgrant.application.OfficeFilter;
import org.silkgrant.application.OfficeRow;
import org.silkgrant.application.OfficeTable;
import org.silkgrant.call.CallView;
import org.silkgrant.document.FileStore;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * Writes the 汇总表 of a call's applications as .xlsx while reading them: POI's streaming workbook keeps a window
 * of {@value #WINDOW} rows in memory and flushes older ones to a compressed temporary file, which is deleted when
 * the workbook has been written. Text goes into text cells, so a title starting with "=" stays text, never a
 * formula; money goes into numeric cells formatted 0.00 (万元).
 */
@Component
class SummaryWorkbook {

    static final int WINDOW = 100;
    static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final List<String> COLUMNS = List.of("receiptNumber", "title", "organization", "leader", "scope", "field",
            "partnerCountries", "fiscal", "selfRaised", "status");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmm");
    private static final int[] WIDTHS = {18, 48, 36, 12, 30, 24, 24, 14, 14, 14};

    private final OfficeTable table;
    private final MessageSource messages;
    private final Clock clock;

    SummaryWorkbook(OfficeTable table, MessageSource messages, Clock clock) {
        this.table = table;
        this.messages = messages;
        this.clock = clock;
    }

    /**
     * The download: headers now, the workbook written on the response's own thread while the rows are read, so
     * neither the rows nor the file are ever whole in memory.
     */
    ResponseEntity<StreamingResponseBody> download(CallView call, OfficeFilter filter, OfficeTable.Sort sort,
            boolean descending, Locale locale) {
        Instant at = clock.instant();
        StreamingResponseBody body = out -> write(out, call, filter, sort, descending, at, locale);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(MEDIA_TYPE))
                .header(HttpHeaders.CONTENT_DISPOSITION, FileStore.contentDisposition(fileName(call, at, locale)))
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(body);
    }

    /** The file's name: the call, the word for 汇总表 and the export time in Beijing. */
    String fileName(CallView call, Instant at, Locale locale) {
        return messages.getMessage("office.export.fileName",
                new Object[] {call.code(), FILE_TIME.format(at.atZone(EditorModel.BEIJING))}, locale);
    }

    /**
     * Writes the workbook of every row the filter lets through, in the table's order, to {@code out}.
     *
     * @return the number of application rows written
     */
    long write(OutputStream out, CallView call, OfficeFilter filter, OfficeTable.Sort sort, boolean descending,
            Instant at, Locale locale) throws IOException {
        OfficeLabels labels = OfficeLabels.of(call.definition(), locale);
        SXSSFWorkbook workbook = new SXSSFWorkbook(WINDOW);
        workbook.setCompressTempFiles(true);
        try {
            SXSSFSheet sheet = workbook.createSheet(messages.getMessage("office.export.sheet", null, locale));
            Font bold = workbook.createFont();
            bold.setBold(true);
            CellStyle heading = workbook.createCellStyle();
            heading.setFont(bold);
            CellStyle money = workbook.createCellStyle();
            money.setDataFormat(workbook.createDataFormat().getFormat("0.00"));

            Row title = sheet.createRow(0);
            Cell titleCell = title.createCell(0);
            titleCell.setCellValue(messages.getMessage("office.export.title", new Object[] {
                    call.definition().title().in(locale), TIME.format(at.atZone(EditorModel.BEIJING))}, locale));
            titleCell.setCellStyle(heading);
            sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, COLUMNS.size() - 1));
            Row header = sheet.createRow(1);
            for (int i = 0; i < COLUMNS.size(); i++) {
                Cell cell = header.createCell(i);
                cell.setCellValue(messages.getMessage("office.column." + COLUMNS.get(i), null, locale));
                cell.setCellStyle(heading);
                sheet.setColumnWidth(i, WIDTHS[i] * 256);
            }
            sheet.createFreezePane(0, 2);

            Map<ApplicationStatus, String> statuses = new EnumMap<>(ApplicationStatus.class);
            for (ApplicationStatus status : ApplicationStatus.values()) {
                statuses.put(status, messages.getMessage("applications.status." + status, null, locale));
            }
            int[] next = {2};
            long written = table.forEach(call.code(), filter, sort, descending, row -> {
                Row line = sheet.createRow(next[0]++);
                text(line, 0, row.receiptNumber());
                text(line, 1, row.title());
                text(line, 2, row.organizationName());
                text(line, 3, row.leaderName());
                text(line, 4, labels.scope(row.scope()));
                text(line, 5, labels.field(row.field()));
                text(line, 6, labels.countries(row.partnerCountries()));
                amount(line, 7, row.fiscal(), money);
                amount(line, 8, row.selfRaised(), money);
                text(line, 9, statuses.get(row.status()));
            });
            workbook.write(out);
            return written;
        } finally {
            workbook.dispose();
            workbook.close();
        }
    }

    /** A text cell: POI stores the string as a string, so "=1+1" or "@cmd" is shown, not evaluated. */
    private static void text(Row row, int column, String value) {
        row.createCell(column).setCellValue(value == null ? "" : value);
    }

    private static void amount(Row row, int column, BigDecimal value, CellStyle money) {
        Cell cell = row.createCell(column);
        if (value != null) {
            // A double holds every amount of numeric(14,4) in 万元 to the displayed two decimals and beyond.
            cell.setCellValue(value.doubleValue());
            cell.setCellStyle(money);
        }
    }
}
