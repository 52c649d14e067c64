package org.silkgrant.shared;

/** A move the object's current state does not allow (already decided, already submitted …): {@code 409}. */
public class StateConflictException extends RuntimeException {

    private final String messageKey;
    private final Object[] arguments;

    public StateConflictException(String messageKey, Object... arguments) {
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
