package org.silkgrant.document;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSDocument;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdfparser.PDFParser;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.silkgrant.document.UnsafeFileException.Reason;

/**
 * A PDF read object by object with PDFBox and refused when it carries active content: JavaScript anywhere (actions,
 * the document's JavaScript name tree, form field scripts, {@code javascript:} links), actions that start programs,
 * open or import other files or send form data, embedded files, XFA forms; and when anything but padding follows its
 * last {@code %%EOF} (a page or a script appended to a PDF). Links to web pages and e-mail addresses stay: readers ask
 * before following them. PDFs that open only with a password are refused (they can be checked by no one); a PDF
 * that only restricts printing or copying opens without one and is checked like any other.
 * <p>
 * Bounded: the file is at most its kind's size; PDFBox reads it from disk with a small stream cache; the objects are
 * counted ({@code pdf-max-objects}); what PDFBox decompresses to find them is limited ({@link PdfDecodeBudget}); the
 * walk is iterative, visits every object once and stops after a fixed number of values.
 */
final class PdfInspection {

    private static final byte[] EOF_MARKER = "%%EOF".getBytes(StandardCharsets.US_ASCII);
    private static final int TAIL_CHUNK = 64 * 1024;
    private static final long STREAM_CACHE_BYTES = 16L * 1024 * 1024;
    /** Values (names, numbers, strings …) visited per allowed object, so that the walk is bounded by the object limit. */
    private static final int VALUES_PER_OBJECT = 64;

    private static final Set<String> SCRIPT_KEYS = Set.of("JS", "JavaScript");
    private static final Set<String> EMBEDDED_KEYS = Set.of("EmbeddedFiles", "EmbeddedFile", "EF", "RichMediaContent");
    private static final Set<String> EMBEDDED_SUBTYPES = Set.of("FileAttachment", "RichMedia");
    private static final Set<String> REFUSED_ACTIONS = Set.of("Launch", "GoToR", "GoToE", "ImportData", "SubmitForm",
            "RichMediaExecute");
    private static final Set<String> LINK_SCHEMES = Set.of("http", "https", "mailto");
    private static final COSName URI = COSName.getPDFName("URI");

    private PdfInspection() {
    }

    /** The objects: active content, within the object and decode limits ({@link #trailingData} comes first). */
    static void inspect(Path file, FilesProperties.Inspection limits) throws IOException {
        PdfDecodeBudget.Outcome<Reason> outcome;
        try {
            outcome = PdfDecodeBudget.within(limits.pdfMaxDecodedSize().toBytes(), () -> structure(file, limits));
        } catch (InvalidPasswordException e) {
            throw new UnsafeFileException(Reason.PDF_ENCRYPTED);
        } catch (UnsafeFileException e) {
            throw e;
        } catch (Exception | StackOverflowError e) {
            // PDFBox's lenient parser still fails on some damage (and recurses on deeply nested arrays).
            throw new UnsafeFileException(Reason.PDF_DAMAGED);
        }
        if (!outcome.withinBudget()) {
            throw new UnsafeFileException(Reason.TOO_COMPLEX);
        }
        if (outcome.result() != null) {
            throw new UnsafeFileException(outcome.result());
        }
    }

    /** Only whitespace and NUL may follow the last {@code %%EOF}; a PDF without one is incomplete. */
    static void trailingData(Path file) throws IOException {
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            long last = lastNonPadding(in);
            byte[] tail = new byte[EOF_MARKER.length];
            if (last + 1 >= EOF_MARKER.length) {
                in.seek(last + 1 - EOF_MARKER.length);
                in.readFully(tail);
                if (java.util.Arrays.equals(tail, EOF_MARKER)) {
                    return;
                }
            }
            throw new UnsafeFileException(containsEofMarker(in) ? Reason.TRAILING_DATA : Reason.PDF_DAMAGED);
        }
    }

    /** The position of the last byte that is not padding, -1 when there is none; reads backwards in chunks. */
    private static long lastNonPadding(RandomAccessFile in) throws IOException {
        byte[] chunk = new byte[TAIL_CHUNK];
        for (long end = in.length(); end > 0; ) {
            int length = (int) Math.min(chunk.length, end);
            in.seek(end - length);
            in.readFully(chunk, 0, length);
            for (int i = length - 1; i >= 0; i--) {
                if (!UploadInspection.padding(chunk[i])) {
                    return end - length + i;
                }
            }
            end -= length;
        }
        return -1;
    }

    private static boolean containsEofMarker(RandomAccessFile in) throws IOException {
        in.seek(0);
        byte[] chunk = new byte[TAIL_CHUNK + EOF_MARKER.length];
        int kept = 0;
        int read;
        while ((read = in.read(chunk, kept, chunk.length - kept)) > 0) {
            int length = kept + read;
            for (int i = 0; i + EOF_MARKER.length <= length; i++) {
                if (matches(chunk, i)) {
                    return true;
                }
            }
            // Keep the last bytes: a marker may straddle two reads.
            kept = Math.min(EOF_MARKER.length - 1, length);
            System.arraycopy(chunk, length - kept, chunk, 0, kept);
        }
        return false;
    }

    private static boolean matches(byte[] chunk, int at) {
        for (int k = 0; k < EOF_MARKER.length; k++) {
            if (chunk[at + k] != EOF_MARKER[k]) {
                return false;
            }
        }
        return true;
    }

    /** The first reason to refuse found in the document's objects, or null. */
    private static Reason structure(Path file, FilesProperties.Inspection limits) throws IOException {
        PDFParser parser = new PDFParser(new RandomAccessReadBufferedFile(file), "", null, null,
                MemoryUsageSetting.setupMainMemoryOnly(STREAM_CACHE_BYTES).streamCache);
        try (PDDocument document = parser.parse(true)) {
            COSDocument cos = document.getDocument();
            Map<COSObjectKey, Long> xref = cos.getXrefTable();
            if (xref.size() > limits.pdfMaxObjects()) {
                return Reason.TOO_COMPLEX;
            }
            long budget = (long) limits.pdfMaxObjects() * VALUES_PER_OBJECT;
            Set<COSBase> seen = Collections.newSetFromMap(new IdentityHashMap<>());
            Deque<COSBase> todo = new ArrayDeque<>();
            todo.push(cos.getTrailer());
            for (COSObjectKey key : new ArrayList<>(xref.keySet())) {
                todo.push(cos.getObjectFromPool(key));
            }
            while (!todo.isEmpty()) {
                COSBase value = todo.pop();
                if (value == null || !seen.add(value)) {
                    continue;
                }
                if (--budget < 0) {
                    return Reason.TOO_COMPLEX;
                }
                if (value instanceof COSObject reference) {
                    todo.push(reference.getObject());
                } else if (value instanceof COSDictionary dictionary) {
                    Reason reason = refused(dictionary);
                    if (reason != null) {
                        return reason;
                    }
                    dictionary.getValues().forEach(todo::push);
                } else if (value instanceof COSArray array) {
                    for (int i = 0; i < array.size(); i++) {
                        todo.push(array.get(i));
                    }
                }
            }
            return null;
        }
    }

    /** Why this dictionary makes the PDF unsafe, or null. */
    static Reason refused(COSDictionary dictionary) {
        for (COSName key : dictionary.keySet()) {
            String name = key.getName();
            if (SCRIPT_KEYS.contains(name)) {
                return Reason.PDF_SCRIPT;
            }
            if (EMBEDDED_KEYS.contains(name)) {
                return Reason.PDF_EMBEDDED;
            }
            if ("XFA".equals(name)) {
                return Reason.PDF_XFA;
            }
        }
        if (dictionary.getDictionaryObject(COSName.TYPE) instanceof COSName type
                && EMBEDDED_KEYS.contains(type.getName())) {
            return Reason.PDF_EMBEDDED;
        }
        if (dictionary.getDictionaryObject(COSName.SUBTYPE) instanceof COSName subtype
                && EMBEDDED_SUBTYPES.contains(subtype.getName())) {
            return Reason.PDF_EMBEDDED;
        }
        if (dictionary.getDictionaryObject(COSName.S) instanceof COSName action) {
            String kind = action.getName();
            if ("JavaScript".equals(kind)) {
                return Reason.PDF_SCRIPT;
            }
            if (REFUSED_ACTIONS.contains(kind)) {
                return Reason.PDF_ACTION;
            }
            if ("URI".equals(kind) && dictionary.getDictionaryObject(URI) instanceof COSString uri) {
                return link(uri.getString());
            }
        }
        return null;
    }

    /** A link with a scheme other than the web's and e-mail's ({@code javascript:}, {@code file:}, UNC paths). */
    private static Reason link(String uri) {
        // Readers ignore controls and spaces in a scheme ("java\tscript:"), so the check does too.
        String compact = uri.replaceAll("[\\x00-\\x20]", "").toLowerCase(Locale.ROOT);
        if (compact.startsWith("javascript:") || compact.startsWith("vbscript:")) {
            return Reason.PDF_SCRIPT;
        }
        int colon = compact.indexOf(':');
        String scheme = colon > 0 && compact.substring(0, colon).matches("[a-z][a-z0-9+.-]*")
                ? compact.substring(0, colon) : null;
        if (compact.startsWith("\\\\") || compact.startsWith("//") || scheme != null && !LINK_SCHEMES.contains(scheme)) {
            return Reason.PDF_ACTION;
        }
        return null;
    }
}
