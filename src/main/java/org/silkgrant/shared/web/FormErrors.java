package org.silkgrant.shared.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.silkgrant.shared.FieldViolationException;
import org.springframework.context.MessageSource;

/**
 * Field errors of a form, translated, by field name; pages put them in the model as {@code errors} and the
 * {@code fragments :: errors(field)} fragment shows them beside the field.
 */
public final class FormErrors {

    private FormErrors() {
    }

    public static Map<String, List<String>> of(FieldViolationException e, MessageSource messages, Locale locale) {
        Map<String, List<String>> errors = new LinkedHashMap<>();
        for (FieldViolationException.Violation v : e.violations()) {
            errors.computeIfAbsent(v.field(), f -> new ArrayList<>())
                    .add(messages.getMessage(v.messageKey(), v.arguments(), v.messageKey(), locale));
        }
        return errors;
    }
}
