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

    /** The organisation's sign-off deadline: the call deadline moved by the call's sign-off period. */
    public Instant orgSignOffDeadline() {
        return deadline == null ? null : deadline.plus(definition.routing().orgSignOffPeriod());
    }

    /** The recommending department's deadline. */
    public Instant recommendationDeadline() {
        return deadline == null ? null : deadline.plus(definition.routing().recommendationPeriod());
    }

    /**
     * The last moment a leader may submit: the call deadline, or the organisation's sign-off deadline when the
     * call makes that an internal deadline before it (a leader must not submit what can no longer be signed off).
     */
    public Instant submissionDeadline() {
        Instant signOff = orgSignOffDeadline();
        return deadline == null || signOff == null || !signOff.isBefore(deadline) ? deadline : signOff;
    }

    /** An instant in the call's own time zone, for display. */
    public ZonedDateTime local(Instant instant) {
        return instant == null ? null : instant.atZone(definition.timeZone());
    }
}
