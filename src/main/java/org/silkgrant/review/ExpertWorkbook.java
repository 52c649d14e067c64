package org.silkgrant.review;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.silkgrant.call.CallDefinition;
import org.silkgrant.call.CallView;
import org.silkgrant.shared.CreditCode;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The Excel side of the registry: the import template and the reading of a filled-in file. Columns are read by
 * position; the header row is checked so that another spreadsheet is refused as a whole rather than row by row.
 */
@Component
class ExpertWorkbook {

    /** The columns of the import sheet, in order; each named by the profile field it fills. */
    enum Column {
        fullName(true), organizationName(true), organizationCode(false), country(true), title(false), fields(true),
        keywords(false), languages(true), email(true);

        final boolean required;

        Column(boolean required) {
            this.required = required;
        }

        String messageKey() {
            return "expert." + name();
        }
    }

    /** One filled-in row: its number as Excel shows it and the profile it holds. */
    record Row(int number, ExpertForm form) {
    }

    /** More rows are refused as a whole; an office imports its pool in a few thousand at most. */
    static final int MAX_ROWS = 2000;

    private static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

    static {
        // The upload was inspected before it was stored (entries, expanded size and ratio: docs/security.md); POI's
        // own guards stay on while it reads, at the same ratio and tighter than its 4 GB entry default.
        ZipSecureFile.setMinInflateRatio(0.01);
        ZipSecureFile.setMaxEntrySize(256L * 1024 * 1024);
        ZipSecureFile.setMaxFileCount(10_000);
    }

    private final MessageSource messages;

    ExpertWorkbook(MessageSource messages) {
        this.messages = messages;
    }

    /** The header of a column: Chinese with the English in brackets, the same in every template. */
    String header(Column column) {
        return messages.getMessage(column.messageKey(), null, CHINESE) + " ("
                + messages.getMessage(column.messageKey(), null, Locale.ENGLISH) + ")";
    }

    byte[] template(CallView call, Locale locale) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            CellStyle text = workbook.createCellStyle();
            text.setDataFormat(workbook.createDataFormat().getFormat("@"));

            Sheet experts = workbook.createSheet(sheetName("expertImport.sheet.experts"));
            headerRow(experts, bold, text);
            experts.createFreezePane(0, 1);

            Sheet example = workbook.createSheet(sheetName("expertImport.sheet.example"));
            headerRow(example, bold, text);
            String first17 = "12650000458000123";
            String[] values = {messages.getMessage("expertImport.example.name", null, locale),
                    messages.getMessage("expertImport.example.organization", null, locale),
                    first17 + CreditCode.checkCharacter(first17), "CN",
                    messages.getMessage("expertImport.example.title", null, locale),
                    call.definition().fields().stream().limit(2).map(CallDefinition.Item::code)
                            .reduce((a, b) -> a + ", " + b).orElse(""),
                    messages.getMessage("expertImport.example.keywords", null, locale), "zh, en, ru",
                    "expert.example@example.org"};
            org.apache.poi.ss.usermodel.Row row = example.createRow(1);
            for (int i = 0; i < values.length; i++) {
                Cell cell = row.createCell(i);
                cell.setCellStyle(text);
                cell.setCellValue(values[i]);
            }

            Sheet fields = workbook.createSheet(sheetName("expertImport.sheet.fields"));
            org.apache.poi.ss.usermodel.Row head = fields.createRow(0);
            String[] heads = {messages.getMessage("expertImport.fieldCode", null, CHINESE) + " ("
                    + messages.getMessage("expertImport.fieldCode", null, Locale.ENGLISH) + ")", "中文", "English", "Русский"};
            for (int i = 0; i < heads.length; i++) {
                Cell cell = head.createCell(i);
                cell.setCellValue(heads[i]);
                cell.setCellStyle(bold);
            }
            int r = 1;
            for (CallDefinition.Item item : call.definition().fields()) {
                org.apache.poi.ss.usermodel.Row line = fields.createRow(r++);
                line.createCell(0).setCellValue(item.code());
                line.createCell(1).setCellValue(item.title().zh());
                line.createCell(2).setCellValue(item.title().en());
                line.createCell(3).setCellValue(item.title().ru());
            }
            r++;
            fields.createRow(r++).createCell(0).setCellValue(
                    messages.getMessage("expertImport.notes.call", new Object[] {call.code()}, locale));
            for (String note : List.of("required", "creditCode", "codes", "languages", "email", "atomic")) {
                fields.createRow(r++).createCell(0).setCellValue(
                        messages.getMessage("expertImport.notes." + note, null, locale));
            }
            for (int i = 0; i < Column.values().length; i++) {
                experts.setColumnWidth(i, 24 * 256);
                example.setColumnWidth(i, 24 * 256);
            }
            fields.setColumnWidth(0, 30 * 256);
            for (int i = 1; i < 4; i++) {
                fields.setColumnWidth(i, 28 * 256);
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String sheetName(String key) {
        return messages.getMessage(key, null, CHINESE) + " (" + messages.getMessage(key, null, Locale.ENGLISH) + ")";
    }

    private void headerRow(Sheet sheet, CellStyle bold, CellStyle text) {
        org.apache.poi.ss.usermodel.Row header = sheet.createRow(0);
        for (Column column : Column.values()) {
            Cell cell = header.createCell(column.ordinal());
            cell.setCellValue(header(column) + (column.required ? " *" : ""));
            cell.setCellStyle(bold);
            // Text cells: a credit code or a field code is never turned into a number or a date.
            sheet.setDefaultColumnStyle(column.ordinal(), text);
        }
    }

    /**
     * The filled-in rows of the first sheet (blank rows skipped).
     *
     * @throws ExpertImportException when the file cannot be read as a workbook, its header is not the template's,
     *                               or it holds more than {@value #MAX_ROWS} rows
     */
    List<Row> read(InputStream in) throws IOException {
        XSSFWorkbook workbook;
        try {
            workbook = new XSSFWorkbook(in);
        } catch (IOException | RuntimeException e) {
            // POI signals damaged or hostile packages (zip bombs included) with assorted runtime exceptions.
            throw fileError(1, "UNREADABLE", "expertImport.file.UNREADABLE");
        }
        try (workbook) {
            if (workbook.getNumberOfSheets() == 0) {
                throw fileError(1, "HEADER", "expertImport.file.HEADER", "");
            }
            Sheet sheet = workbook.getSheetAt(0);
            DataFormatter formatter = new DataFormatter(Locale.ROOT);
            org.apache.poi.ss.usermodel.Row header = sheet.getRow(0);
            List<ExpertImportException.RowError> headerErrors = new ArrayList<>();
            for (Column column : Column.values()) {
                String value = header == null ? "" : cell(header, column, formatter);
                String zh = messages.getMessage(column.messageKey(), null, CHINESE);
                String en = messages.getMessage(column.messageKey(), null, Locale.ENGLISH);
                if (!value.contains(zh) && !value.toLowerCase(Locale.ROOT).contains(en.toLowerCase(Locale.ROOT))) {
                    headerErrors.add(new ExpertImportException.RowError(1, column.name(), "HEADER",
                            "expertImport.file.HEADER", header(column)));
                }
            }
            if (!headerErrors.isEmpty()) {
                throw new ExpertImportException(headerErrors);
            }
            List<Row> rows = new ArrayList<>();
            for (int i = 1; i <= sheet.getLastRowNum(); i++) {
                org.apache.poi.ss.usermodel.Row row = sheet.getRow(i);
                if (row == null) {
                    continue;
                }
                String[] values = new String[Column.values().length];
                boolean blank = true;
                for (Column column : Column.values()) {
                    values[column.ordinal()] = cell(row, column, formatter);
                    blank &= values[column.ordinal()].isBlank();
                }
                if (blank) {
                    continue;
                }
                if (rows.size() == MAX_ROWS) {
                    throw fileError(i + 1, "TOO_MANY_ROWS", "expertImport.file.TOO_MANY_ROWS", MAX_ROWS);
                }
                rows.add(new Row(i + 1, new ExpertForm(values[0], values[1], values[2], values[3], values[4],
                        ExpertForm.splitCodes(values[5]), ExpertForm.splitKeywords(values[6]),
                        ExpertForm.splitCodes(values[7]), values[8])));
            }
            return rows;
        }
    }

    /** A cell's text without invisible control characters (a NUL, which PostgreSQL refuses in a text column). */
    private static String cell(org.apache.poi.ss.usermodel.Row row, Column column, DataFormatter formatter) {
        Cell cell = row.getCell(column.ordinal());
        return cell == null ? "" : org.silkgrant.shared.StrictJson.withoutControlCharacters(formatter.formatCellValue(cell))
                .strip();
    }

    private static ExpertImportException fileError(int row, String code, String key, Object... arguments) {
        return new ExpertImportException(List.of(new ExpertImportException.RowError(row, "file", code, key, arguments)));
    }
}
