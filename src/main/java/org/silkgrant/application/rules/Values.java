package org.silkgrant.application.rules;

import java.math.BigDecimal;

/** How the rules read text fields and show money. */
final class Values {

    private Values() {
    }

    static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    /** An amount in 万元 as a message argument: no exponent, no trailing zeros ("200", "0.0001"). */
    static String plain(BigDecimal amount) {
        return amount.stripTrailingZeros().toPlainString();
    }
}
