package org.silkgrant.document;

import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.silkgrant.document.UnsafeFileException.Reason;

/**
 * The content checks of an upload whose type is allowed, by type (docs/security.md, "Uploads"). Every check refuses
 * rather than repairs: the stored file is byte for byte what the applicant sent, so its SHA-256 and SM3 digests (and
 * any signature inside a PDF) stay meaningful, and the applicant can save a clean copy in seconds.
 */
final class UploadInspection {

    /** Bytes at each end of a file searched for web page or script markup. */
    static final int MARKUP_SCAN_BYTES = 1024;

    /** Markup that makes a browser or a script host read a file as a page: tags, then what must follow them. */
    private static final List<String> TAGS = List.of("<html", "<head", "<body", "<script", "<iframe", "<frameset",
            "<object", "<embed", "<svg", "<style", "<title", "<div", "<table", "<font", "<!doctype");
    private static final List<String> WORDS = List.of("<?php", "javascript:", "vbscript:");

    private static final Set<String> ZIP_BASED = Set.of(ContentTypes.DOCX, ContentTypes.XLSX, ContentTypes.PPTX,
            ContentTypes.DOCM, ContentTypes.XLSM, ContentTypes.PPTM, "application/zip", "application/x-tika-ooxml");

    private UploadInspection() {
    }

    /**
     * Refuses the file when its content is unsafe for its type; types without checks of their own (plain text) pass.
     *
     * @throws UnsafeFileException naming the reason
     */
    static void inspect(Path file, String mediaType, FilesProperties.Inspection limits) throws IOException {
        boolean pdf = "application/pdf".equals(mediaType);
        boolean png = "image/png".equals(mediaType);
        boolean jpeg = "image/jpeg".equals(mediaType);
        boolean zip = ZIP_BASED.contains(mediaType);
        if (!(pdf || png || jpeg || zip)) {
            return;
        }
        if (pdf) {
            // What follows the end names the appended page more precisely than the markup in it.
            PdfInspection.trailingData(file);
        }
        markup(file);
        if (pdf) {
            PdfInspection.inspect(file, limits);
        } else if (png) {
            ImageInspection.png(file, limits.imageMaxPixels());
        } else if (jpeg) {
            ImageInspection.jpeg(file, limits.imageMaxPixels());
        } else {
            ZipInspection.contents(file, limits);
        }
    }

    /** Refuses a file that carries page or script markup in its first or last kilobyte (a polyglot). */
    static void markup(Path file) throws IOException {
        long size = Files.size(file);
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            byte[] head = new byte[(int) Math.min(MARKUP_SCAN_BYTES, size)];
            in.readFully(head);
            byte[] tail = new byte[(int) Math.min(MARKUP_SCAN_BYTES, size)];
            in.seek(size - tail.length);
            in.readFully(tail);
            if (hasMarkup(head) || hasMarkup(tail)) {
                throw new UnsafeFileException(Reason.MARKUP);
            }
        }
    }

    static boolean hasMarkup(byte[] bytes) {
        // Latin-1 keeps one char per byte, so binary data cannot hide a tag behind a decoding error.
        String text = new String(bytes, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
        for (String word : WORDS) {
            if (text.contains(word)) {
                return true;
            }
        }
        for (String tag : TAGS) {
            for (int at = text.indexOf(tag); at >= 0; at = text.indexOf(tag, at + 1)) {
                int next = at + tag.length();
                // "<html>" or "<html lang=…>", not "<htmlx": binary data rarely spells a whole tag.
                if (next < text.length() && " \t\r\n\f>/".indexOf(text.charAt(next)) >= 0) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether the rest of the stream is only whitespace and NUL padding (what writers leave after the end). */
    static boolean onlyPadding(InputStream rest) throws IOException {
        byte[] buffer = new byte[8192];
        int read;
        while ((read = rest.read(buffer)) > 0) {
            for (int i = 0; i < read; i++) {
                if (!padding(buffer[i])) {
                    return false;
                }
            }
        }
        return true;
    }

    static boolean padding(byte b) {
        return b == 0 || b == ' ' || b == '\t' || b == '\r' || b == '\n' || b == '\f';
    }
}
