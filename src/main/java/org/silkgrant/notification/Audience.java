package org.silkgrant.notification;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.silkgrant.account.AccountManagement;
import org.silkgrant.account.AccountManagement.Recipient;
import org.silkgrant.account.Role;
import org.silkgrant.application.ApplicationStatus;
import org.silkgrant.application.ApplicationTransitioned;
import org.silkgrant.award.NoticePublished;
import org.silkgrant.award.ObjectionAnswered;
import org.silkgrant.award.ObjectionFiled;
import org.silkgrant.organization.OrganizationEvent;
import org.springframework.stereotype.Component;

/**
 * Who is concerned by an event, and what each of them is told (docs/notifications.md). The person who acted is
 * never told about their own act, but for the leader's receipt of a submission; someone concerned twice (a leader
 * who is also the admin) is told once.
 */
@Component
class Audience {

    /** Deadlines are shown in the time of the calls (Asia/Shanghai), whatever the reader's language. */
    static final ZoneId CALL_TIME = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter DEADLINE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final AccountManagement accounts;

    Audience(AccountManagement accounts) {
        this.accounts = accounts;
    }

    List<Notification> of(ApplicationTransitioned event) {
        Map<Long, Kind> told = new LinkedHashMap<>();
        Long org = event.organizationId();
        switch (event.transition()) {
            case SUBMIT -> {
                leader(event, told, Kind.SUBMIT_RECEIPT);
                all(accounts.recipientsWithRole(Role.ORG_ADMIN, org), told, Kind.SUBMITTED);
            }
            case APPROVE -> {
                leader(event, told, Kind.APPROVE);
                all(event.recommendingDepartment() == null ? accounts.recipientsWithRole(Role.PROGRAM_OFFICER, null)
                        : accounts.recommendersOf(event.recommendingDepartment()), told, Kind.APPROVE_QUEUE);
            }
            case RETURN -> leader(event, told, Kind.RETURN);
            case RECOMMEND -> {
                leader(event, told, Kind.RECOMMEND);
                all(accounts.recipientsWithRole(Role.ORG_ADMIN, org), told, Kind.RECOMMEND);
                all(accounts.recipientsWithRole(Role.PROGRAM_OFFICER, null), told, Kind.RECOMMEND);
            }
            case ACCEPT, REJECT, EXTEND, FUND, DECLINE, AWARD -> {
                Kind kind = Kind.valueOf(event.transition().name());
                leader(event, told, kind);
                all(accounts.recipientsWithRole(Role.ORG_ADMIN, org), told, kind);
            }
            case WITHDRAW -> {
                all(accounts.recipientsWithRole(Role.ORG_ADMIN, org), told, Kind.WITHDRAW);
                if (Set.of(ApplicationStatus.ORG_APPROVED, ApplicationStatus.RECOMMENDED).contains(event.fromStatus())) {
                    all(accounts.recipientsWithRole(Role.PROGRAM_OFFICER, null), told, Kind.WITHDRAW);
                }
            }
        }
        removeActor(told, event.actor());
        List<String> arguments = Notification.arguments(event.title(), event.actorName(), event.receiptNumber(),
                deadline(event.deadline()), null, null);
        String source = "application:" + event.applicationId() + ":" + event.transition() + ":"
                + (event.at() == null ? 0 : event.at().toEpochMilli());
        List<Notification> notifications = new ArrayList<>();
        told.forEach((id, kind) -> notifications.add(new Notification(id, kind, event.applicationId(), arguments,
                event.comment(), kind == Kind.RETURN ? event.sectionComments() : Map.of(), source + ":" + kind)));
        return notifications;
    }

    /** Each noticed application's leader and organisation admins are told until when the notice runs. */
    List<Notification> of(NoticePublished event) {
        List<Notification> out = new ArrayList<>();
        for (NoticePublished.Noticed a : event.applications()) {
            Map<Long, Kind> told = new LinkedHashMap<>();
            accounts.recipient(a.leaderId()).ifPresent(r -> told.putIfAbsent(r.id(), Kind.NOTICE_PUBLISHED));
            all(accounts.recipientsWithRole(Role.ORG_ADMIN, a.organizationId()), told, Kind.NOTICE_PUBLISHED);
            removeActor(told, event.actor());
            List<String> arguments = Notification.arguments(a.title(), null, null, deadline(event.endsAt()), null, null);
            told.forEach((id, kind) -> out.add(new Notification(id, kind, a.applicationId(), arguments, null, Map.of(),
                    "notice:" + event.noticeId() + ":" + a.applicationId() + ":" + kind)));
        }
        return out;
    }

    /** The leader and the office learn of an objection; who filed it is not named to the leader. */
    List<Notification> of(ObjectionFiled event) {
        Map<Long, Kind> told = new LinkedHashMap<>();
        accounts.recipient(event.leaderId()).ifPresent(r -> told.putIfAbsent(r.id(), Kind.OBJECTION_FILED));
        all(accounts.recipientsWithRole(Role.PROGRAM_OFFICER, null), told, Kind.OBJECTION_FILED);
        removeActor(told, event.actor());
        List<String> arguments = Notification.arguments(event.title(), null, null, null, null, null);
        return told.entrySet().stream().map(e -> new Notification(e.getKey(), e.getValue(), event.applicationId(),
                arguments, null, Map.of(), "objection:" + event.objectionId() + ":filed")).toList();
    }

    /** The leader and whoever filed the objection learn the office's answer. */
    List<Notification> of(ObjectionAnswered event) {
        Map<Long, Kind> told = new LinkedHashMap<>();
        accounts.recipient(event.leaderId()).ifPresent(r -> told.putIfAbsent(r.id(), Kind.OBJECTION_ANSWERED));
        accounts.findByUsername(event.filedBy()).flatMap(a -> accounts.recipient(a.id()))
                .ifPresent(r -> told.putIfAbsent(r.id(), Kind.OBJECTION_ANSWERED));
        removeActor(told, event.actor());
        List<String> arguments = Notification.arguments(event.title(), null, null, null, null, null);
        return told.entrySet().stream().map(e -> new Notification(e.getKey(), e.getValue(), event.applicationId(),
                arguments, null, Map.of(), "objection:" + event.objectionId() + ":answered")).toList();
    }

    /** The office's verification decision goes to the organisation's admins. */
    List<Notification> of(OrganizationEvent event) {
        if (!event.isDecision()) {
            return List.of();
        }
        Kind kind = "ORGANIZATION_VERIFIED".equals(event.action()) ? Kind.ORGANIZATION_VERIFIED : Kind.ORGANIZATION_REJECTED;
        Map<Long, Kind> told = new LinkedHashMap<>();
        all(accounts.recipientsWithRole(Role.ORG_ADMIN, event.organizationId()), told, kind);
        removeActor(told, event.actor());
        List<String> arguments = Notification.arguments(event.organizationName(), null, null, null, null, null);
        return told.entrySet().stream().map(e -> new Notification(e.getKey(), e.getValue(), null, arguments,
                event.comment(), Map.of(), "organization:" + event.organizationId() + ":" + event.action())).toList();
    }

    static String deadline(Instant deadline) {
        return deadline == null ? "" : DEADLINE.format(deadline.atZone(CALL_TIME));
    }

    private void leader(ApplicationTransitioned event, Map<Long, Kind> told, Kind kind) {
        accounts.recipient(event.leaderId()).ifPresent(r -> told.putIfAbsent(r.id(), kind));
    }

    private static void all(List<Recipient> recipients, Map<Long, Kind> told, Kind kind) {
        recipients.forEach(r -> told.putIfAbsent(r.id(), kind));
    }

    /** The one exception: the leader who submitted is sent the receipt of their own submission. */
    private void removeActor(Map<Long, Kind> told, String actor) {
        if (actor != null) {
            accounts.findByUsername(actor).ifPresent(a ->
                    told.computeIfPresent(a.id(), (id, kind) -> kind == Kind.SUBMIT_RECEIPT ? kind : null));
        }
    }
}
