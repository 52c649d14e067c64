package org.silkgrant.shared;

/** An exception whose user-facing text is a message key with arguments, translated where it is shown. */
public abstract class TranslatedException extends RuntimeException {

    private final String messageKey;
    private final Object[] arguments;

    protected TranslatedException(String messageKey, Object... arguments) {
        super(messageKey);
        this.messageKey = messageKey;
        this.arguments = arguments;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] arguments() {
        return arguments.clone();
    }

    /** The HTTP status the API answers with (API.md): 404, 409, 413, 415 … */
    public abstract int httpStatus();

    /** The last part of the problem type URI, e.g. {@code not-found}. */
    public abstract String problemType();

    /**
     * The input field the failure is about ({@code file} for an upload), or null; the API then adds
     * {@code errors: [{field, code, message}]} to the problem as for a {@code 422}.
     */
    public String field() {
        return null;
    }
}
