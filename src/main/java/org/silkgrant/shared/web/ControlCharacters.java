package org.silkgrant.shared.web;

import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.silkgrant.shared.FieldViolationException;
import org.silkgrant.shared.StrictJson;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Invisible control characters (U+0000 … U+001F but tab, line feed and carriage return, and U+007F) in request
 * parameters. Nobody types them and PostgreSQL refuses a NUL in a text column, so they never reach a service:
 * <ul>
 * <li>the API refuses a query or form parameter holding one with {@code 422} naming the parameter
 * ({@code CONTROL_CHARACTER}), after authorisation; JSON bodies are refused the same way by {@link StrictJson};</li>
 * <li>pages remove them from every form field and query parameter before any controller reads it: what a person
 * pasted from another program is saved as it looks.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class ControlCharacters implements WebMvcConfigurer {

    /** After authorisation (order 10, account's AuthorizationBeforeBinding) and before the arguments are bound. */
    static final int ORDER = 20;

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new RefusedInApi()).addPathPatterns("/api/**").order(ORDER);
    }

    @Bean
    FilterRegistrationBean<RemovedFromPages> controlCharactersRemovedFromPages() {
        FilterRegistrationBean<RemovedFromPages> registration = new FilterRegistrationBean<>(new RemovedFromPages());
        // Before the security chain, so the sign-in form's fields are clean too.
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }

    /** The API: a parameter with a control character is a field error. */
    static final class RefusedInApi implements HandlerInterceptor {

        @Override
        public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
            for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
                boolean refused = StrictJson.hasControlCharacter(parameter.getKey());
                for (String value : parameter.getValue()) {
                    refused |= StrictJson.hasControlCharacter(value);
                }
                if (refused) {
                    throw new FieldViolationException(StrictJson.withoutControlCharacters(parameter.getKey()),
                            "CONTROL_CHARACTER", "input.field.controlCharacter");
                }
            }
            return true;
        }
    }

    /** Pages: every parameter without control characters. */
    static final class RemovedFromPages extends OncePerRequestFilter {

        @Override
        protected boolean shouldNotFilter(HttpServletRequest request) {
            return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            chain.doFilter(new Cleaned(request), response);
        }
    }

    /** A request whose parameters are read without control characters; everything else as sent. */
    private static final class Cleaned extends HttpServletRequestWrapper {

        private Map<String, String[]> parameters;

        Cleaned(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getParameter(String name) {
            String[] values = getParameterMap().get(name);
            return values == null || values.length == 0 ? null : values[0];
        }

        @Override
        public String[] getParameterValues(String name) {
            String[] values = getParameterMap().get(name);
            return values == null ? null : values.clone();
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.enumeration(getParameterMap().keySet());
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            // The container reads every parameter (multipart form fields too) at the first call; cleaned once then.
            if (parameters == null) {
                Map<String, String[]> original = super.getParameterMap();
                Map<String, String[]> clean = new LinkedHashMap<>();
                original.forEach((name, values) -> {
                    String[] copy = new String[values.length];
                    for (int i = 0; i < values.length; i++) {
                        copy[i] = StrictJson.withoutControlCharacters(values[i]);
                    }
                    clean.merge(StrictJson.withoutControlCharacters(name), copy, (a, b) -> a);
                });
                parameters = Collections.unmodifiableMap(clean);
            }
            return parameters;
        }
    }
}
