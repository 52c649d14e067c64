package org.silkgrant.review.assignment;

import java.text.Normalizer;
import java.util.Locale;

/** How names, credit codes and keywords are compared: the same text typed in different ways gives the same key. */
public final class Names {

    private Names() {
    }

    /**
     * NFKC (full-width letters, digits and punctuation become half-width), lower case, and every character that is
     * neither a letter nor a digit removed: {@code "新疆大学（ 科研处 ）"} and {@code "新疆大学(科研处)"} give the same key.
     * Null gives the empty string.
     */
    public static String normalise(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        StringBuilder key = new StringBuilder(folded.length());
        folded.codePoints().filter(Character::isLetterOrDigit).forEach(key::appendCodePoint);
        return key.toString();
    }

    /** A credit code or identity key compared exactly but for case, width and separators; null when blank. */
    static String code(String code) {
        String key = normalise(code);
        return key.isEmpty() ? null : key;
    }

    /** An ISO country code, upper case; null when blank. */
    static String country(String country) {
        if (country == null || country.isBlank()) {
            return null;
        }
        return country.strip().toUpperCase(Locale.ROOT);
    }
}
