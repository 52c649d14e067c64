package org.silkgrant.call;

import java.time.Instant;
import java.time.ZonedDateTime;

/**
 * A call as stored: its definition, the schedule the office set, and its status at the time of reading.
 *
 * @param demo whether this is a demonstration call seeded in demo mode
 */
public record CallView(CallDefinition definition, Instant opensAt, Instant deadline, CallStatus status, boolean demo,
        long version) {

    public String code() {
        return definition.code();
    }

    /** The opening time in the call's own time zone, for display. */
    public ZonedDateTime localOpensAt() {
        return opensAt == null ? null : opensAt.atZone(definition.timeZone());
    }

    /** The deadline in the call's own time zone, for display. */
    public ZonedDateTime localDeadline() {
        return deadline == null ? null : deadline.atZone(definition.timeZone());
    }
}
