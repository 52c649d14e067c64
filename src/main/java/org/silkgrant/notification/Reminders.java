package org.silkgrant.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.silkgrant.account.AccountManagement;
import org.silkgrant.account.AccountManagement.Recipient;
import org.silkgrant.account.Role;
import org.silkgrant.application.ApplicationManagement;
import org.silkgrant.application.ApplicationManagement.Pending;
import org.silkgrant.application.ApplicationStatus;
import org.silkgrant.call.CallManagement;
import org.silkgrant.call.CallView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reminders before the deadlines of each call, at the hour marks of its routing block (e.g. 72 h and 24 h): to
 * leaders whose application is still a draft or returned, to organisation admins with applications awaiting
 * sign-off, to recommenders with applications awaiting recommendation. Each reminder is sent once: the row in
 * {@code reminder_sent} is inserted first and its unique key decides, whichever node and however often the job runs.
 */
@Component
class Reminders {

    private static final Logger log = LoggerFactory.getLogger(Reminders.class);

    private final CallManagement calls;
    private final ApplicationManagement applications;
    private final AccountManagement accounts;
    private final Inbox inbox;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock;

    Reminders(CallManagement calls, ApplicationManagement applications, AccountManagement accounts, Inbox inbox,
            JdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock) {
        this.calls = calls;
        this.applications = applications;
        this.accounts = accounts;
        this.inbox = inbox;
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    @Scheduled(cron = "${silkgrant.notification.reminder-cron:0 5 * * * *}", zone = "Asia/Shanghai")
    @SchedulerLock(name = "notification-reminders", lockAtMostFor = "PT30M", lockAtLeastFor = "PT1M")
    public void run() {
        int sent = sendDue();
        if (sent > 0) {
            log.info("Sent {} deadline reminders", sent);
        }
    }

    /** Sends the reminders due now and not sent before; returns how many were sent by this run. */
    int sendDue() {
        Instant now = clock.instant();
        int sent = 0;
        for (CallView call : calls.calls()) {
            if (call.deadline() == null || call.definition().routing() == null) {
                continue;
            }
            List<Integer> marks = call.definition().routing().reminderHours();
            if (marks == null || marks.isEmpty()) {
                continue;
            }
            sent += drafts(call, marks, now);
            sent += signOffQueues(call, marks, now);
            sent += recommendationQueues(call, marks, now);
        }
        return sent;
    }

    /**
     * Each unsubmitted application against its own deadline: the call's, or after a return the revision deadline,
     * or the office's extension.
     */
    private int drafts(CallView call, List<Integer> marks, Instant now) {
        int sent = 0;
        for (Pending draft : applications.inStatus(call.code(), EnumSet.of(ApplicationStatus.DRAFT, ApplicationStatus.RETURNED))) {
            Instant deadline = draft.deadline();
            Optional<Integer> mark = markDue(marks, deadline, now);
            if (mark.isEmpty()) {
                continue;
            }
            Optional<Recipient> leader = accounts.recipient(draft.leaderId());
            if (leader.isPresent() && remind(Kind.REMINDER_DRAFT, "application:" + draft.applicationId(), deadline,
                    mark.get(), leader.get().id(), draft.applicationId(), draft.title(), null)) {
                sent++;
            }
        }
        return sent;
    }

    private int signOffQueues(CallView call, List<Integer> marks, Instant now) {
        Instant deadline = call.orgSignOffDeadline();
        Optional<Integer> mark = markDue(marks, deadline, now);
        if (mark.isEmpty()) {
            return 0;
        }
        Map<Long, Long> waiting = applications.inStatus(call.code(), EnumSet.of(ApplicationStatus.SUBMITTED)).stream()
                .collect(Collectors.groupingBy(Pending::organizationId, Collectors.counting()));
        int sent = 0;
        for (Map.Entry<Long, Long> organization : waiting.entrySet()) {
            for (Recipient admin : accounts.recipientsWithRole(Role.ORG_ADMIN, organization.getKey())) {
                if (remind(Kind.REMINDER_SIGN_OFF, "user:" + admin.id() + ":" + call.code(), deadline, mark.get(),
                        admin.id(), null, call.code(), organization.getValue().intValue())) {
                    sent++;
                }
            }
        }
        return sent;
    }

    private int recommendationQueues(CallView call, List<Integer> marks, Instant now) {
        Instant deadline = call.recommendationDeadline();
        Optional<Integer> mark = markDue(marks, deadline, now);
        if (mark.isEmpty()) {
            return 0;
        }
        Map<String, Long> waiting = applications.inStatus(call.code(), EnumSet.of(ApplicationStatus.ORG_APPROVED)).stream()
                .filter(p -> p.recommendingDepartment() != null)
                .collect(Collectors.groupingBy(Pending::recommendingDepartment, Collectors.counting()));
        int sent = 0;
        for (Map.Entry<String, Long> department : waiting.entrySet()) {
            for (Recipient recommender : accounts.recommendersOf(department.getKey())) {
                if (remind(Kind.REMINDER_RECOMMENDATION, "user:" + recommender.id() + ":" + call.code() + ":"
                        + department.getKey(), deadline, mark.get(), recommender.id(), null, call.code(),
                        department.getValue().intValue())) {
                    sent++;
                }
            }
        }
        return sent;
    }

    /** The smallest hour mark whose window the deadline has entered, while it has not passed. */
    static Optional<Integer> markDue(List<Integer> marks, Instant deadline, Instant now) {
        if (deadline == null || !now.isBefore(deadline)) {
            return Optional.empty();
        }
        Duration left = Duration.between(now, deadline);
        return marks.stream().filter(h -> h != null && h > 0 && left.compareTo(Duration.ofHours(h)) <= 0)
                .min(Comparator.naturalOrder());
    }

    /**
     * Records the reminder and delivers it in one transaction; false when it was sent before (by this node or
     * another: the unique key of {@code reminder_sent} refuses the second insert).
     */
    private boolean remind(Kind kind, String subject, Instant deadline, int hours, Long recipientId, Long applicationId,
            String title, Integer count) {
        OffsetDateTime at = deadline.atOffset(ZoneOffset.UTC);
        Integer known = jdbc.queryForObject("select count(*) from reminder_sent where kind = ? and subject = ? "
                + "and deadline = ? and hour_mark = ?", Integer.class, kind.name(), subject, at, hours);
        if (known != null && known > 0) {
            return false;
        }
        try {
            transaction.executeWithoutResult(status -> {
                jdbc.update("insert into reminder_sent (kind, subject, deadline, hour_mark, sent_at) values (?, ?, ?, ?, ?)",
                        kind.name(), subject, at, hours, clock.instant().atOffset(ZoneOffset.UTC));
                inbox.deliver(new Notification(recipientId, kind, applicationId,
                        Notification.arguments(title, null, null, Audience.deadline(deadline), count, hours), null,
                        Map.of(), "reminder:" + kind + ":" + subject + ":" + deadline.toEpochMilli() + ":" + hours));
            });
            return true;
        } catch (DataIntegrityViolationException alreadySent) {
            return false;
        }
    }
}
