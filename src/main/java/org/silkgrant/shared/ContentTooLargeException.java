package org.silkgrant.shared;

/** A request body beyond what the server reads for it (a JSON body over the limit, nested too deeply): {@code 413}. */
public class ContentTooLargeException extends TranslatedException {

    public ContentTooLargeException(String messageKey, Object... arguments) {
        super(messageKey, arguments);
    }

    @Override
    public int httpStatus() {
        return 413;
    }

    @Override
    public String problemType() {
        return "too-large";
    }
}
