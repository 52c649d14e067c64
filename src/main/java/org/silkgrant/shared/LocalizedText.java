package org.silkgrant.shared;

import java.util.Locale;

/** A user-visible text in the three UI languages: Chinese (the default), English and Russian. */
public record LocalizedText(String zh, String en, String ru) {

    /** The text for the locale, falling back to Chinese, the language every definition must carry. */
    public String in(Locale locale) {
        if (locale != null) {
            switch (locale.getLanguage()) {
                case "en" -> { return en; }
                case "ru" -> { return ru; }
                default -> { }
            }
        }
        return zh;
    }
}
