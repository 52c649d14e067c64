package org.silkgrant.review.scoring;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.silkgrant.call.CallDefinition;
import org.silkgrant.call.CallManagement;
import org.silkgrant.review.ReviewReminderDue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Review deadline reminders (docs/review.md "Reminders"): at each hour mark of the call's {@code review.reminderHours}
 * before a round's deadline, every expert who still holds ASSIGNED or CONFIRMED assignments of that round is told
 * once. The row in {@code review_reminder_sent} is inserted first, in the transaction that publishes the
 * {@link ReviewReminderDue} event; its unique key decides, whichever node and however often the job runs.
 */
@Component
class ReviewReminders {

    private static final Logger log = LoggerFactory.getLogger(ReviewReminders.class);

    private final CallManagement calls;
    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final Clock clock;

    ReviewReminders(CallManagement calls, JdbcTemplate jdbc, ApplicationEventPublisher events,
            PlatformTransactionManager transactions, Clock clock) {
        this.calls = calls;
        this.jdbc = jdbc;
        this.events = events;
        this.transaction = new TransactionTemplate(transactions);
        this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    @Scheduled(cron = "${silkgrant.review.reminder-cron:0 10 * * * *}", zone = "Asia/Shanghai")
    @SchedulerLock(name = "review-reminders", lockAtMostFor = "PT30M", lockAtLeastFor = "PT1M")
    public void run() {
        int sent = sendDue();
        if (sent > 0) {
            log.info("Sent {} review deadline reminders", sent);
        }
    }

    private record Due(long roundId, String callCode, int roundNumber, Instant deadline, long expertId, long userId,
            int unfinished) {
    }

    /** Sends the reminders due now and not sent before; returns how many this run sent. */
    int sendDue() {
        Instant now = clock.instant();
        List<Due> due = new ArrayList<>();
        jdbc.query("select r.id, r.call_code, r.number, r.deadline, a.expert_id, e.user_id, count(*) "
                + "from review_round r join review_assignment a on a.round_id = r.id join expert e on e.id = a.expert_id "
                + "where r.deadline > ? and a.status in ('ASSIGNED', 'CONFIRMED') "
                + "group by r.id, r.call_code, r.number, r.deadline, a.expert_id, e.user_id order by r.id, a.expert_id",
                rs -> {
                    due.add(new Due(rs.getLong(1), rs.getString(2), rs.getInt(3), ReviewSheets.instant(rs, 4),
                            rs.getLong(5), rs.getLong(6), rs.getInt(7)));
                }, now.atOffset(ZoneOffset.UTC));
        int sent = 0;
        for (Due d : due) {
            List<Integer> marks = calls.find(d.callCode()).map(c -> c.definition().review())
                    .map(CallDefinition.Review::reminderHours).orElse(List.of());
            Optional<Integer> mark = markDue(marks, d.deadline(), now);
            if (mark.isPresent() && remind(d, mark.get())) {
                sent++;
            }
        }
        return sent;
    }

    /** The smallest hour mark whose window the deadline has entered, while it has not passed. */
    static Optional<Integer> markDue(List<Integer> marks, Instant deadline, Instant now) {
        if (marks == null || deadline == null || !now.isBefore(deadline)) {
            return Optional.empty();
        }
        Duration left = Duration.between(now, deadline);
        return marks.stream().filter(h -> h != null && h > 0 && left.compareTo(Duration.ofHours(h)) <= 0)
                .min(Comparator.naturalOrder());
    }

    private boolean remind(Due d, int hours) {
        OffsetDateTime at = d.deadline().atOffset(ZoneOffset.UTC);
        Integer known = jdbc.queryForObject("select count(*) from review_reminder_sent where round_id = ? "
                + "and expert_id = ? and deadline = ? and hour_mark = ?", Integer.class, d.roundId(), d.expertId(), at,
                hours);
        if (known != null && known > 0) {
            return false;
        }
        try {
            transaction.executeWithoutResult(status -> {
                jdbc.update("insert into review_reminder_sent (round_id, expert_id, deadline, hour_mark, sent_at) "
                        + "values (?, ?, ?, ?, ?)", d.roundId(), d.expertId(), at, hours,
                        clock.instant().atOffset(ZoneOffset.UTC));
                events.publishEvent(new ReviewReminderDue(d.userId(), d.expertId(), d.roundId(), d.callCode(),
                        d.roundNumber(), d.deadline(), hours, d.unfinished()));
            });
            return true;
        } catch (DataIntegrityViolationException alreadySent) {
            return false;
        }
    }
}
