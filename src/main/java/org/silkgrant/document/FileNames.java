package org.silkgrant.document;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Makes an uploaded file's name safe to keep, show and send back in a download header. */
final class FileNames {

    static final int MAX_LENGTH = 120;
    private static final String FORBIDDEN = "<>:\"/\\|?*";
    /** An extension worth keeping: a dot and up to ten letters or digits ({@code .pdf}, {@code .docx}, {@code .7z}). */
    private static final Pattern EXTENSION = Pattern.compile("\\.[\\p{L}\\p{N}]{1,10}");
    private static final Pattern ENDS = Pattern.compile("^[. ]+|[. ]+$");
    private static final Pattern TRAILING = Pattern.compile("[. ]+$");
    private static final String ATTR_CHARS = "!#$&+-.^_`|~";

    private FileNames() {
    }

    /** The name without path, control or reserved characters, at most 120 characters, never empty. */
    static String sanitize(String originalName) {
        String name = originalName == null ? "" : Normalizer.normalize(originalName, Normalizer.Form.NFC);
        // Browsers send C:\Users\…\name from old IE and ../ from crafted requests: only the last segment is a name.
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        StringBuilder kept = new StringBuilder();
        name.codePoints().forEach(c -> {
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                kept.append(' ');
            } else if (FORBIDDEN.indexOf(c) < 0 && visible(c)) {
                kept.appendCodePoint(c);
            }
        });
        // Composed again: removing a mark between a letter and its accent leaves them to be joined.
        // Ends trimmed before the extension is looked for: "a .pdf." must come out as "a.pdf", and stay so.
        name = TRAILING.matcher(Normalizer.normalize(kept.toString(), Normalizer.Form.NFC).replaceAll(" {2,}", " ")
                .strip()).replaceAll("");
        int dot = name.lastIndexOf('.');
        String extension = dot >= 0 && EXTENSION.matcher(name.substring(dot)).matches() ? name.substring(dot) : "";
        String base = trimEnds(name.substring(0, name.length() - extension.length()));
        int room = MAX_LENGTH - extension.length();
        if (base.codePointCount(0, base.length()) > room) {
            base = trimEnds(base.substring(0, base.offsetByCodePoints(0, room)));
        }
        return (base.isEmpty() ? "file" : base) + extension;
    }

    /**
     * {@link #sanitize(String)}, and the name ends in an extension of the type the content was detected as: when it
     * does not ("invoice", U+202E, "fdp.exe" holding a PDF), the real one is added ({@code invoicefdp.exe.pdf}), so the
     * name shown and the program a download opens in agree with what the file is. Types without known extensions
     * keep the name as it is.
     */
    static String sanitize(String originalName, String mediaType) {
        String name = sanitize(originalName);
        List<String> extensions = ContentTypes.extensions(mediaType);
        int dot = name.lastIndexOf('.');
        String extension = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        if (extensions.isEmpty() || extensions.contains(extension)) {
            return name;
        }
        String real = "." + extensions.get(0);
        int room = MAX_LENGTH - real.length();
        String base = name.codePointCount(0, name.length()) <= room ? name
                : trimEnds(name.substring(0, name.offsetByCodePoints(0, room)));
        return (base.isEmpty() ? "file" : base) + real;
    }

    /** {@code attachment; filename="<ASCII fallback>"; filename*=UTF-8''<percent-encoded>} as RFC 6266 asks. */
    static String contentDisposition(String fileName) {
        StringBuilder fallback = new StringBuilder();
        StringBuilder encoded = new StringBuilder();
        fileName.codePoints().forEach(c -> {
            // Quotes and backslashes would end or escape the quoted string; % is decoded by some browsers.
            boolean plain = c > 0x20 && c < 0x7f && c != '"' && c != '\\' && c != '%' || c == ' ';
            fallback.append(plain ? (char) c : '_');
        });
        for (byte b : fileName.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c < 0x80 && (Character.isLetterOrDigit(c) || ATTR_CHARS.indexOf(c) >= 0)) {
                encoded.append((char) c);
            } else {
                encoded.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return "attachment; filename=\"" + fallback + "\"; filename*=UTF-8''" + encoded;
    }

    private static boolean visible(int c) {
        return switch (Character.getType(c)) {
            // C0 and C1 controls with NUL (which PostgreSQL text refuses), every bidi control (U+202A–U+202E,
            // U+2066–U+2069, U+200E/U+200F, U+061C: U+202E makes "fdp.exe" read as "exe.pdf") and other format marks
            // (zero-width spaces, U+FEFF), broken surrogates, private-use and unassigned code points show nothing or
            // something misleading.
            case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE, Character.UNASSIGNED -> false;
            default -> true;
        };
    }

    private static String trimEnds(String text) {
        // Windows drops trailing dots and spaces, and a leading dot hides a file on Unix.
        return ENDS.matcher(text).replaceAll("");
    }
}
