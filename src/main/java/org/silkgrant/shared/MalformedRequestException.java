package org.silkgrant.shared;

/** A request that cannot be read at all (JSON with a syntax error, no body where one is needed): {@code 400}. */
public class MalformedRequestException extends TranslatedException {

    public MalformedRequestException(String messageKey, Object... arguments) {
        super(messageKey, arguments);
    }

    @Override
    public int httpStatus() {
        return 400;
    }

    @Override
    public String problemType() {
        return "malformed";
    }
}
