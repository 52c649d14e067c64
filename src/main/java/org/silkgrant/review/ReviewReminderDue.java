package org.silkgrant.review;

import java.time.Instant;

/**
 * An expert still holds unsubmitted reviews of a round whose deadline is within {@code hours} hours; published once
 * per expert, round, deadline and hour mark (docs/review.md "Reminders"). The notification module tells the expert.
 *
 * @param userId     the expert's account
 * @param unfinished how many of the expert's assignments of the round are not submitted
 */
public record ReviewReminderDue(Long userId, Long expertId, Long roundId, String callCode, int roundNumber,
        Instant deadline, int hours, int unfinished) {
}
