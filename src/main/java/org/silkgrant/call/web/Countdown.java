package org.silkgrant.call.web;

import java.time.Duration;
import java.time.Instant;

/** Time left until a deadline, in whole days, hours and minutes, for the countdown shown beside a call. */
record Countdown(long days, long hours, long minutes, boolean over) {

    static Countdown until(Instant deadline, Instant now) {
        if (deadline == null) {
            return null;
        }
        Duration left = Duration.between(now, deadline);
        if (left.isNegative() || left.isZero()) {
            return new Countdown(0, 0, 0, true);
        }
        return new Countdown(left.toDays(), left.toHoursPart(), left.toMinutesPart(), false);
    }
}
