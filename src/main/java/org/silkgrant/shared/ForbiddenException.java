package org.silkgrant.shared;

/** The user may see the object but their role may not do this to it: {@code 403} with a translated reason. */
public class ForbiddenException extends TranslatedException {

    public ForbiddenException(String messageKey, Object... arguments) {
        super(messageKey, arguments);
    }

    @Override
    public int httpStatus() {
        return 403;
    }

    @Override
    public String problemType() {
        return "forbidden";
    }
}
