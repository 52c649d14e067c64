package org.silkgrant.review;

import java.util.List;

/**
 * An Excel import refused: every bad row with its row number (as Excel numbers it) and reasons; nothing was
 * imported. The API answers {@code 422} with the row errors.
 */
public class ExpertImportException extends RuntimeException {

    /**
     * One reason one row is refused.
     *
     * @param row        the sheet's row number, 1 being the header
     * @param field      the column's field name ({@code email}, {@code fields} …), or {@code file} for the whole file
     * @param messageKey translated with {@code arguments}
     */
    public record RowError(int row, String field, String code, String messageKey, Object... arguments) {
    }

    private final List<RowError> errors;

    public ExpertImportException(List<RowError> errors) {
        super(errors.size() + " row errors");
        this.errors = List.copyOf(errors);
    }

    public List<RowError> errors() {
        return errors;
    }
}
