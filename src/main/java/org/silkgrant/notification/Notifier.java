package org.silkgrant.notification;

import org.silkgrant.application.ApplicationTransitioned;
import org.silkgrant.award.NoticePublished;
import org.silkgrant.award.ObjectionAnswered;
import org.silkgrant.award.ObjectionFiled;
import org.silkgrant.organization.OrganizationEvent;
import org.silkgrant.account.AccountManagement;
import org.silkgrant.account.Role;
import org.silkgrant.review.ExpertsAssigned;
import org.silkgrant.review.ReviewConflictDeclared;
import org.silkgrant.review.ReviewReminderDue;
import org.silkgrant.review.ReviewSheetReopened;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Writes the inbox notices of an application's transition or an organisation's verification once the change has
 * committed (never for one rolled back), in a transaction of its own that also publishes each person's mail. The
 * event publication registry keeps the event until this listener has succeeded.
 */
@Component
class Notifier {

    private final Audience audience;
    private final Inbox inbox;
    private final AccountManagement accounts;

    Notifier(Audience audience, Inbox inbox, AccountManagement accounts) {
        this.audience = audience;
        this.inbox = inbox;
        this.accounts = accounts;
    }

    /** Each expert with new assignments in a round: how many, and until when. */
    @ApplicationModuleListener
    void on(ExpertsAssigned event) {
        event.newAssignmentsByUser().forEach((userId, count) -> inbox.deliver(new Notification(userId,
                Kind.EXPERT_ASSIGNED, null, Notification.arguments(event.callCode(), null,
                        String.valueOf(event.roundNumber()), Audience.deadline(event.deadline()), count, null),
                null, java.util.Map.of(), "review:round:" + event.roundId() + ":assigned:" + userId + ":"
                        + event.at().toEpochMilli())));
    }

    /** The expert whose submitted score sheet the program officer reopened, with the officer's reason. */
    @ApplicationModuleListener
    void on(ReviewSheetReopened event) {
        inbox.deliver(new Notification(event.expertUserId(), Kind.SHEET_REOPENED, event.applicationId(),
                Notification.arguments(event.callCode(), null, null, null, null, null), event.reason(),
                java.util.Map.of(), "review:sheet:" + event.assignmentId() + ":reopened:" + event.at().toEpochMilli()));
    }

    /** The program officers: an expert declared a conflict, so the application lacks an expert until a re-run. */
    @ApplicationModuleListener
    void on(ReviewConflictDeclared event) {
        accounts.recipientsWithRole(Role.PROGRAM_OFFICER, null).forEach(officer -> inbox.deliver(new Notification(
                officer.id(), Kind.CONFLICT_DECLARED, event.applicationId(), Notification.arguments(
                        event.applicationTitle(), event.expertName(), null, null, null, null), event.reason(),
                java.util.Map.of(), "review:round:" + event.roundId() + ":declared:" + event.applicationId() + ":"
                        + event.expertName())));
    }

    @ApplicationModuleListener
    void on(ApplicationTransitioned event) {
        audience.of(event).forEach(inbox::deliver);
    }

    @ApplicationModuleListener
    void on(NoticePublished event) {
        audience.of(event).forEach(inbox::deliver);
    }

    @ApplicationModuleListener
    void on(ObjectionFiled event) {
        audience.of(event).forEach(inbox::deliver);
    }

    @ApplicationModuleListener
    void on(ObjectionAnswered event) {
        audience.of(event).forEach(inbox::deliver);
    }

    /** An expert's review reminder (the review module decided it is due and not sent before). */
    @ApplicationModuleListener
    void on(ReviewReminderDue event) {
        inbox.deliver(new Notification(event.userId(), Kind.REMINDER_REVIEW, null,
                Notification.arguments(event.callCode(), null, null, Audience.deadline(event.deadline()),
                        event.unfinished(), event.hours()), null, java.util.Map.of(),
                "reminder:" + Kind.REMINDER_REVIEW + ":round:" + event.roundId() + ":expert:" + event.expertId() + ":"
                        + event.deadline().toEpochMilli() + ":" + event.hours()));
    }

    @ApplicationModuleListener
    void on(OrganizationEvent event) {
        audience.of(event).forEach(inbox::deliver);
    }
}
