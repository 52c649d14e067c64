package org.silkgrant.shared.web;

import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What the shared page layout needs on every page: the current language and the ones to switch to. */
@ControllerAdvice(annotations = Controller.class)
class LayoutAdvice {

    /** A language the user can switch to, with its own name (中文, English, Русский) as the label. */
    record Language(String tag, String label, boolean current) {
    }

    /** Each supported language's own name, worked out once. */
    private static final List<String> LABELS = LanguageResolver.SUPPORTED.stream().map(LayoutAdvice::label).toList();

    @ModelAttribute("languages")
    List<Language> languages(Locale locale) {
        List<Locale> supported = LanguageResolver.SUPPORTED;
        return java.util.stream.IntStream.range(0, supported.size())
                .mapToObj(i -> new Language(supported.get(i).toLanguageTag(), LABELS.get(i),
                        supported.get(i).getLanguage().equals(locale.getLanguage())))
                .toList();
    }

    @ModelAttribute("htmlLang")
    String htmlLang(Locale locale) {
        return LanguageResolver.supported(locale).toLanguageTag();
    }

    private static String label(Locale locale) {
        String name = locale.getDisplayLanguage(locale);
        return locale.getLanguage().equals("zh") ? "中文" : Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
}
