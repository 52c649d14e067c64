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
}
