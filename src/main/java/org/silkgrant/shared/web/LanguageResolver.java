package org.silkgrant.shared.web;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.servlet.i18n.CookieLocaleResolver;

/**
 * The language of a request: the one chosen on any page (kept in a cookie); otherwise Chinese for pages and the
 * caller's {@code Accept-Language} for the API. Only the three UI languages are ever chosen.
 */
class LanguageResolver extends CookieLocaleResolver {

    static final List<Locale> SUPPORTED = List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH, Locale.forLanguageTag("ru"));
    static final String COOKIE = "silkgrant-lang";

    LanguageResolver() {
        super(COOKIE);
        setCookieMaxAge(java.time.Duration.ofDays(365));
        setCookieHttpOnly(true);
        setCookieSameSite("Lax");
        setDefaultLocaleFunction(LanguageResolver::defaultFor);
    }

    static Locale supported(Locale requested) {
        if (requested == null) {
            return SUPPORTED.get(0);
        }
        return SUPPORTED.stream().filter(l -> l.getLanguage().equals(requested.getLanguage())).findFirst()
                .orElse(SUPPORTED.get(0));
    }

    private static Locale defaultFor(HttpServletRequest request) {
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/") && request.getHeader("Accept-Language") != null) {
            for (java.util.Enumeration<Locale> locales = request.getLocales(); locales.hasMoreElements(); ) {
                Locale candidate = locales.nextElement();
                if (SUPPORTED.stream().anyMatch(l -> l.getLanguage().equals(candidate.getLanguage()))) {
                    return supported(candidate);
                }
            }
        }
        return SUPPORTED.get(0);
    }

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        return supported(super.resolveLocale(request));
    }

    @Override
    public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
        super.setLocale(request, response, locale == null ? null : supported(locale));
    }
}
