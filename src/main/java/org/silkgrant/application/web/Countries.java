package org.silkgrant.application.web;

import java.text.Collator;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/** The countries a foreign partner may be in (ISO 3166-1 alpha-2), named in the page's language. */
final class Countries {

    /** A country: its code and its name in the page's language. */
    record Country(String code, String name) {
    }

    /**
     * Offered first: the Altai neighbours of the G3 scope, then the other SCO members, observers and dialogue
     * partners, then further Belt and Road partners of the region.
     */
    static final List<String> PREFERRED = List.of(
            "RU", "KZ", "MN",
            "KG", "TJ", "UZ", "PK", "IN", "IR", "BY", "AF",
            "AZ", "AM", "KH", "NP", "TR", "LK", "EG", "QA", "SA", "KW", "MV", "MM", "AE", "BH", "LA",
            "TM", "GE", "BD", "MY", "TH", "VN", "ID", "SG", "RS", "HU", "IT", "GR");

    /** China is where the applicant is, never a foreign partner's country. */
    private static final Set<String> NOT_FOREIGN = Set.of("CN");

    /** The sorted lists per page language: named and sorted with a collator once, not on every editor render. */
    private static final Map<Locale, List<Country>> OTHERS = new ConcurrentHashMap<>();

    private Countries() {
    }

    static List<Country> preferred(Locale locale) {
        return PREFERRED.stream().map(code -> country(code, locale)).toList();
    }

    /** Every other ISO country, by name in the page's language. */
    static List<Country> others(Locale locale) {
        return OTHERS.computeIfAbsent(locale, Countries::sortedOthers);
    }

    private static List<Country> sortedOthers(Locale locale) {
        Collator collator = Collator.getInstance(locale);
        return Stream.of(Locale.getISOCountries())
                .filter(code -> !PREFERRED.contains(code) && !NOT_FOREIGN.contains(code))
                .map(code -> country(code, locale))
                .sorted(Comparator.comparing(Country::name, collator))
                .toList();
    }

    private static Country country(String code, Locale locale) {
        return new Country(code, new Locale("", code).getDisplayCountry(locale));
    }
}
