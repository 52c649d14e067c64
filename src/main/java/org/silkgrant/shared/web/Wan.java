package org.silkgrant.shared.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

import org.springframework.stereotype.Component;

/**
 * Amounts in 万元 as pages show them, {@code ${@wan.of(amount)}}: grouped, with two decimals — and with the third and
 * fourth where the amount has them, so that no yuan of an exact amount disappears in the display (1,200.00; 0.3001;
 * -0.0001). Never rounds.
 */
@Component("wan")
public class Wan {

    /** The amount as shown; empty for none. */
    public String of(BigDecimal amount) {
        return amount == null ? "" : format(amount);
    }

    /** The same text for messages composed on the server. */
    public static String format(BigDecimal amount) {
        DecimalFormat format = new DecimalFormat("#,##0.00##", DecimalFormatSymbols.getInstance(Locale.ROOT));
        format.setRoundingMode(RoundingMode.UNNECESSARY);
        return format.format(amount);
    }
}
