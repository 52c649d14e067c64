package org.silkgrant.shared;

/** A move the object's current state does not allow (already decided, already submitted …): {@code 409}. */
public class StateConflictException extends TranslatedException {

    public StateConflictException(String messageKey, Object... arguments) {
        super(messageKey, arguments);
    }

    @Override
    public int httpStatus() {
        return 409;
    }

    @Override
    public String problemType() {
        return "wrong-state";
    }
}
