package org.silkgrant.shared;

/**
 * A search text as a SQL {@code LIKE} pattern that matches it literally anywhere in a value: {@code %}, {@code _} and
 * the escape character itself are escaped, so {@code name=%} finds names containing a percent sign and not every name.
 * Queries use it as {@code like :pattern escape '\'}.
 */
public final class LikePattern {

    /** The escape character every query names in its {@code escape} clause. */
    public static final char ESCAPE = '\\';

    private LikePattern() {
    }

    /** {@code %<text, escaped>%}; {@code null} stays {@code null} (an absent filter). */
    public static String containing(String text) {
        return text == null ? null : "%" + escaped(text) + "%";
    }

    /** The text with {@code \}, {@code %} and {@code _} preceded by the escape character. */
    public static String escaped(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        text.chars().forEach(c -> {
            if (c == ESCAPE || c == '%' || c == '_') {
                out.append(ESCAPE);
            }
            out.append((char) c);
        });
        return out.toString();
    }
}
