package org.silkgrant.award;

import org.silkgrant.shared.TranslatedException;

/** Too many verification codes asked for one e-mail address or from one client address in the last hour: {@code 429}. */
class TooManyCodesException extends TranslatedException {

    TooManyCodesException(String messageKey, Object... arguments) {
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
