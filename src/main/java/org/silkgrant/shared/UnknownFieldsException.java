package org.silkgrant.shared;

import java.util.List;

/**
 * A request body with fields its schema does not have (a misspelt {@code departmnet}): refused as malformed, {@code 400},
 * naming every unknown field, before anything is changed. Pages show the messages like other field errors.
 */
public class UnknownFieldsException extends FieldViolationException {

    public UnknownFieldsException(List<Violation> violations) {
        super(violations);
    }
}
