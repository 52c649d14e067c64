package org.silkgrant.review.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.silkgrant.document.FileStore;
import org.silkgrant.review.scoring.ReviewRanking.CallRanking;
import org.silkgrant.review.scoring.ReviewRanking.Group;
import org.silkgrant.review.scoring.ReviewRanking.Row;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * The ranking as an Excel workbook: one sheet, a translated header row, then every ranked row of every category and
 * scope, each group followed by a line with the fiscal funds its applications request together. Scores are numeric
 * cells (2 decimals, the z-score 3), amounts numeric cells in 万元 shown with 2 to 4 decimals; text is written as text
 * cells, so a title such as "=1+1" is shown and never evaluated. A call's ranking is at most a few thousand rows: an in-memory workbook.
 */
@Component
class RankingWorkbook {

    static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final List<String> COLUMNS = List.of("category", "scope", "rank", "receiptNumber", "title", "organization",
            "sheets", "expected", "mean", "trimmedMean", "normalizedScore", "spread", "disagreement", "requestedWan");
    private static final int[] WIDTHS = {10, 8, 6, 18, 48, 36, 8, 8, 10, 10, 10, 10, 10, 14};
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmm");

    private final MessageSource messages;
    private final Clock clock;

    RankingWorkbook(MessageSource messages, Clock clock) {
        this.messages = messages;
        this.clock = clock;
    }

    ResponseEntity<byte[]> download(CallRanking ranking, Locale locale) {
        String name = messages.getMessage("scoring.export.fileName", new Object[] {ranking.callCode(),
                FILE_TIME.format(clock.instant().atZone(ZoneId.of("Asia/Shanghai")))}, locale);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(MEDIA_TYPE))
                .header(HttpHeaders.CONTENT_DISPOSITION, FileStore.contentDisposition(name))
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(write(ranking, locale));
    }

    byte[] write(CallRanking ranking, Locale locale) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet(messages.getMessage("scoring.export.sheet", null, locale));
            Font bold = workbook.createFont();
            bold.setBold(true);
            CellStyle heading = workbook.createCellStyle();
            heading.setFont(bold);
            CellStyle two = workbook.createCellStyle();
            two.setDataFormat(workbook.createDataFormat().getFormat("0.00"));
            CellStyle three = workbook.createCellStyle();
            three.setDataFormat(workbook.createDataFormat().getFormat("0.000"));
            CellStyle money = workbook.createCellStyle();
            money.setDataFormat(workbook.createDataFormat().getFormat("#,##0.00##"));
            CellStyle total = workbook.createCellStyle();
            total.setDataFormat(workbook.createDataFormat().getFormat("#,##0.00##"));
            total.setFont(bold);
            org.apache.poi.ss.usermodel.Row header = sheet.createRow(0);
            for (int i = 0; i < COLUMNS.size(); i++) {
                Cell cell = header.createCell(i);
                cell.setCellValue(messages.getMessage("scoring.column." + COLUMNS.get(i), null, locale));
                cell.setCellStyle(heading);
                sheet.setColumnWidth(i, WIDTHS[i] * 256);
            }
            sheet.createFreezePane(0, 1);
            String yes = messages.getMessage("scoring.disagreement.yes", null, locale);
            int next = 1;
            for (Group group : ranking.groups()) {
                for (Row r : group.rows()) {
                    org.apache.poi.ss.usermodel.Row line = sheet.createRow(next++);
                    text(line, 0, group.category());
                    text(line, 1, group.scope());
                    line.createCell(2).setCellValue(r.rank());
                    text(line, 3, r.receiptNumber());
                    text(line, 4, r.title());
                    text(line, 5, r.organizationName());
                    line.createCell(6).setCellValue(r.sheets());
                    line.createCell(7).setCellValue(r.expected());
                    number(line, 8, r.mean(), two);
                    number(line, 9, r.trimmedMean(), two);
                    number(line, 10, r.normalizedScore(), three);
                    number(line, 11, r.spread(), two);
                    text(line, 12, r.disagreement() ? yes : "");
                    number(line, 13, r.requestedFiscal(), money);
                }
                org.apache.poi.ss.usermodel.Row sum = sheet.createRow(next++);
                text(sum, 0, group.category());
                text(sum, 1, group.scope());
                text(sum, 4, messages.getMessage("scoring.export.requestedTotal", new Object[] {group.rows().size()},
                        locale));
                sum.getCell(4).setCellStyle(heading);
                number(sum, 13, group.requestedTotal(), total);
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A text cell: POI stores the string as a string, so "=1+1" or "@cmd" is shown, not evaluated. */
    private static void text(org.apache.poi.ss.usermodel.Row row, int column, String value) {
        row.createCell(column).setCellValue(value == null ? "" : value);
    }

    /** A numeric cell; empty when there is no value (no trimmed mean under 5 sheets). */
    private static void number(org.apache.poi.ss.usermodel.Row row, int column, BigDecimal value, CellStyle style) {
        Cell cell = row.createCell(column);
        if (value != null) {
            cell.setCellValue(value.doubleValue());
            cell.setCellStyle(style);
        }
    }
}
