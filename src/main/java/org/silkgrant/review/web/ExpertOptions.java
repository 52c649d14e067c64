package org.silkgrant.review.web;

import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** The choices of the expert forms: countries and languages, named in the page's language. */
final class ExpertOptions {

    /** A code and its name in the page's language. */
    record Option(String code, String name) {
    }

    /** China first, then the SCO members and the region's other partners; then every other country by name. */
    private static final List<String> PREFERRED_COUNTRIES = List.of("CN", "RU", "KZ", "KG", "TJ", "UZ", "MN", "PK",
            "IN", "IR", "BY", "TM", "AF", "AZ", "TR");

    /** Languages offered as boxes to tick; any other ISO 639-1 code is kept when a profile already has it. */
    static final List<String> LANGUAGES = List.of("zh", "en", "ru", "kk", "ky", "uz", "tg", "mn", "ug", "ur", "fa",
            "tr", "ar", "fr", "de");

    private ExpertOptions() {
    }

    static List<Option> countries(Locale locale) {
        Collator collator = Collator.getInstance(locale);
        List<Option> options = new ArrayList<>(PREFERRED_COUNTRIES.stream().map(c -> country(c, locale)).toList());
        options.addAll(Stream.of(Locale.getISOCountries()).filter(c -> !PREFERRED_COUNTRIES.contains(c))
                .map(c -> country(c, locale)).sorted(Comparator.comparing(Option::name, collator)).toList());
        return options;
    }

    static List<Option> languages(List<String> extra, Locale locale) {
        List<String> codes = new ArrayList<>(LANGUAGES);
        extra.stream().filter(c -> !codes.contains(c)).forEach(codes::add);
        return codes.stream().map(c -> new Option(c, Locale.forLanguageTag(c).getDisplayLanguage(locale))).toList();
    }

    static String countryName(String code, Locale locale) {
        return code == null ? "" : new Locale("", code).getDisplayCountry(locale);
    }

    private static Option country(String code, Locale locale) {
        return new Option(code, new Locale("", code).getDisplayCountry(locale));
    }
}
