package org.silkgrant.shared;

/** The client has done this too often for now (e.g. registrations from one address): {@code 429}. */
public class TooManyRequestsException extends TranslatedException {

    public TooManyRequestsException(String messageKey, Object... arguments) {
        super(messageKey, arguments);
    }

    @Override
    public int httpStatus() {
        return 429;
    }

    @Override
    public String problemType() {
        return "too-many-requests";
    }
}
