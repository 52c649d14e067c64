package org.silkgrant.call;

import java.time.Instant;

/** Where a call stands at a moment: no dates yet, not yet open, accepting applications, or closed. */
public enum CallStatus {
    UNSCHEDULED, UPCOMING, OPEN, CLOSED;

    static CallStatus at(Instant now, Instant opensAt, Instant deadline) {
        if (opensAt == null || deadline == null) {
            return UNSCHEDULED;
        }
        if (now.isBefore(opensAt)) {
            return UPCOMING;
        }
        return now.isBefore(deadline) ? OPEN : CLOSED;
    }
}
