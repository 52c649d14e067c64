package org.silkgrant.document;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Field;
import java.util.Map;
import java.util.concurrent.Callable;

import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.filter.DecodeOptions;
import org.apache.pdfbox.filter.DecodeResult;
import org.apache.pdfbox.filter.Filter;
import org.apache.pdfbox.filter.FilterFactory;

/**
 * A limit on what PDFBox decompresses for the current thread while an upload is checked. Reading a PDF's objects
 * decodes its object streams and cross-reference streams whole into memory, and PDFBox's filters have no limit of
 * their own: a 20 MB upload of nested Flate streams would expand to terabytes. So every filter PDFBox knows is
 * wrapped, once, in one that counts the decoded bytes against the budget of the running check and fails past it;
 * outside a check (the PDF renderer, on other threads) the wrappers pass everything through unchanged.
 */
final class PdfDecodeBudget {

    private static final ThreadLocal<long[]> REMAINING = new ThreadLocal<>();

    static {
        install();
    }

    private PdfDecodeBudget() {
    }

    /** The decoded bytes ran out; PDFBox sees an I/O failure and stops. */
    static final class Exceeded extends IOException {

        private static final long serialVersionUID = 1L;

        Exceeded() {
            super("decoded data over the inspection budget");
        }
    }

    /**
     * Runs {@code work} with at most {@code maxBytes} decoded by PDFBox on this thread.
     *
     * @return what {@code work} returns, and whether the budget held (PDFBox's lenient parser swallows some I/O
     *         failures, so the budget is asked after the work, not only caught)
     */
    static <T> Outcome<T> within(long maxBytes, Callable<T> work) throws Exception {
        long[] remaining = {maxBytes};
        REMAINING.set(remaining);
        try {
            T result = work.call();
            return new Outcome<>(result, remaining[0] >= 0);
        } catch (Exceeded e) {
            return new Outcome<>(null, false);
        } catch (Exception e) {
            if (remaining[0] < 0) {
                return new Outcome<>(null, false);
            }
            throw e;
        } finally {
            REMAINING.remove();
        }
    }

    /** The result of a budgeted run. */
    record Outcome<T>(T result, boolean withinBudget) {
    }

    @SuppressWarnings("unchecked")
    private static void install() {
        try {
            Field field = FilterFactory.class.getDeclaredField("filters");
            field.setAccessible(true);
            Map<COSName, Filter> filters = (Map<COSName, Filter>) field.get(FilterFactory.INSTANCE);
            synchronized (filters) {
                filters.replaceAll((name, filter) -> filter instanceof Budgeted ? filter : new Budgeted(filter));
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            // A PDFBox upgrade moved the field: PdfInspectionTests' bomb fails, and uploads must not go unbounded.
            throw new IllegalStateException("cannot limit PDFBox's decoding; check PdfDecodeBudget against PDFBox "
                    + org.apache.pdfbox.util.Version.getVersion(), e);
        }
    }

    private static OutputStream counted(OutputStream decoded) {
        long[] remaining = REMAINING.get();
        if (remaining == null) {
            return decoded;
        }
        return new FilterOutputStream(decoded) {

            @Override
            public void write(int b) throws IOException {
                spend(1);
                out.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                spend(len);
                out.write(b, off, len);
            }

            private void spend(long bytes) throws Exceeded {
                remaining[0] -= bytes;
                if (remaining[0] < 0) {
                    throw new Exceeded();
                }
            }
        };
    }

    /** One of PDFBox's filters, decoding into a counted stream. */
    private static final class Budgeted extends Filter {

        private final Filter filter;

        Budgeted(Filter filter) {
            this.filter = filter;
        }

        @Override
        public DecodeResult decode(InputStream encoded, OutputStream decoded, COSDictionary parameters, int index)
                throws IOException {
            return filter.decode(encoded, counted(decoded), parameters, index);
        }

        @Override
        public DecodeResult decode(InputStream encoded, OutputStream decoded, COSDictionary parameters, int index,
                DecodeOptions options) throws IOException {
            return filter.decode(encoded, counted(decoded), parameters, index, options);
        }

        @Override
        protected void encode(InputStream input, OutputStream encoded, COSDictionary parameters) throws IOException {
            filter.encode(input, encoded, parameters, 0);
        }
    }
}
