package org.silkgrant.document;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.silkgrant.shared.TranslatedException;

/** An upload larger than its kind allows; translated with the limit in MB (the API answers {@code 413}). */
public class FileTooLargeException extends TranslatedException {

    private static final BigDecimal MEGABYTE = BigDecimal.valueOf(1024L * 1024L);

    private final long maxBytes;

    public FileTooLargeException(long maxBytes) {
        // A string, not a number: MessageFormat would group digits by locale ("20,5" vs "20.5" is wanted as written).
        super("document.tooLarge", megabytes(maxBytes));
        this.maxBytes = maxBytes;
    }

    public long maxBytes() {
        return maxBytes;
    }

    static String megabytes(long bytes) {
        return BigDecimal.valueOf(bytes).divide(MEGABYTE, 2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    @Override
    public int httpStatus() {
        return 413;
    }

    @Override
    public String problemType() {
        return "too-large";
    }

    @Override
    public String field() {
        return "file";
    }
}
