package org.silkgrant.shared;

/** An identifier (credit code, ID number, division code) that fails validation, named by field and error code. */
public class InvalidIdentifierException extends RuntimeException {

    private final String field;
    private final String code;

    /**
     * @param field the identifier's field name, e.g. {@code creditCode}
     * @param code  the upper-case error code, e.g. {@code CHECK_CHARACTER}
     */
    public InvalidIdentifierException(String field, String code) {
        // The rejected value may be personal data (an ID number), so the message carries only field and code.
        super(field + ": " + code);
        this.field = field;
        this.code = code;
    }

    public String field() {
        return field;
    }

    public String code() {
        return code;
    }

    /** The message bundle key, e.g. {@code identifier.creditCode.CHECK_CHARACTER}. */
    public String messageKey() {
        return "identifier." + field + "." + code;
    }
}
