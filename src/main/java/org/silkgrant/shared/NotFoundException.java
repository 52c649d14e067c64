package org.silkgrant.shared;

/**
 * Thrown when an object does not exist or is not the caller's to see; both look the same from outside.
 * Pages render it as the 404 page, the API as a {@code 404} problem.
 */
public class NotFoundException extends TranslatedException {

    public NotFoundException(String messageKey, Object... arguments) {
        super(messageKey, arguments);
    }

    @Override
    public int httpStatus() {
        return 404;
    }

    @Override
    public String problemType() {
        return "not-found";
    }
}
