package org.silkgrant.shared;

/** The server is at its limit for this kind of work right now; the client should try again shortly: {@code 503}. */
public class BusyException extends TranslatedException {

    public BusyException(String messageKey, Object... arguments) {
        super(messageKey, arguments);
    }

    @Override
    public int httpStatus() {
        return 503;
    }

    @Override
    public String problemType() {
        return "busy";
    }
}
