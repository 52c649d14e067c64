package org.silkgrant.application.web;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.silkgrant.call.CallDefinition;

/** The call's categories, scopes and fields by code, titled in the request's language, for the office's table. */
record OfficeLabels(Map<String, String> categories, Map<String, String> scopes, Map<String, String> fields,
        Locale locale, Map<String, String> countryNames) {

    static OfficeLabels of(CallDefinition call, Locale locale) {
        Map<String, String> categories = new LinkedHashMap<>();
        Map<String, String> scopes = new LinkedHashMap<>();
        for (CallDefinition.Category category : call.categories()) {
            categories.put(category.code(), category.title().in(locale));
            category.scopes().forEach(s -> scopes.put(s.code(), s.title().in(locale)));
        }
        Map<String, String> fields = new LinkedHashMap<>();
        call.fields().forEach(f -> fields.put(f.code(), f.title().in(locale)));
        return new OfficeLabels(categories, scopes, fields, locale, new HashMap<>());
    }

    /** "G3 阿尔泰…": the code the office speaks of, and the title. */
    String scope(String code) {
        if (code == null) {
            return "";
        }
        String title = scopes.get(code);
        return title == null ? code : code + " " + title;
    }

    String field(String code) {
        return code == null ? "" : fields.getOrDefault(code, code);
    }

    /** The partner countries by name in the request's language (each name looked up once per export). */
    String countries(List<String> codes) {
        String separator = "zh".equals(locale.getLanguage()) ? "、" : ", ";
        return codes.stream()
                .map(code -> countryNames.computeIfAbsent(code, c -> new Locale("", c).getDisplayCountry(locale)))
                .collect(Collectors.joining(separator));
    }
}
