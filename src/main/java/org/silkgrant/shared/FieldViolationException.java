package org.silkgrant.shared;

import java.util.List;

/**
 * Input that breaks a rule, naming each field: the API answers {@code 422} with {@code errors}, pages show the
 * translated message beside the field. Nothing already saved is changed.
 */
public class FieldViolationException extends RuntimeException {

    /** One broken rule on one field; {@code messageKey} is translated with {@code arguments}. */
    public record Violation(String field, String code, String messageKey, Object... arguments) {
    }

    private final List<Violation> violations;

    public FieldViolationException(List<Violation> violations) {
        super(violations.stream().map(v -> v.field() + ": " + v.code()).toList().toString());
        this.violations = List.copyOf(violations);
    }

    public FieldViolationException(String field, String code, String messageKey, Object... arguments) {
        this(List.of(new Violation(field, code, messageKey, arguments)));
    }

    public List<Violation> violations() {
        return violations;
    }
}
