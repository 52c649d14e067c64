package org.silkgrant.notification;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.silkgrant.organization.OrganizationEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Turns the verification decision into the organisation's standing notice and lists those notices. */
@Service
public class NoticeBoard {

    static final String SEPARATOR = "\u001f";

    /** A notice to show: its message key and arguments, and when it was written. */
    public record NoticeView(String messageKey, Object[] arguments, Instant createdAt) {
    }

    private final NoticeRepository notices;
    private final Clock clock;

    NoticeBoard(NoticeRepository notices, Clock clock) {
        this.notices = notices;
        this.clock = clock;
    }

    /** The office's verification decision reaches the organisation's admins when they next sign in. */
    @EventListener
    @Transactional
    public void on(OrganizationEvent event) {
        if (!event.isDecision()) {
            return;
        }
        String key = "notice.organization." + event.status();
        String comment = event.comment() == null ? "" : event.comment();
        notices.save(new Notice(event.organizationId(), null, key, event.organizationName() + SEPARATOR + comment,
                clock.instant()));
    }

    /**
     * The newest notices of the user's organisation (what the dashboard shows); notices to the person alone are
     * in their {@link Inbox}.
     */
    @Transactional(readOnly = true)
    public List<NoticeView> noticesFor(Long organizationId, Long userId) {
        List<Notice> found = organizationId == null ? List.of()
                : notices.findTop20ByOrganizationIdAndUserIdIsNullOrderByIdDesc(organizationId);
        return found.stream()
                .map(n -> new NoticeView(n.messageKey(),
                        n.arguments() == null ? new Object[0] : (Object[]) n.arguments().split(SEPARATOR, -1),
                        n.createdAt()))
                .toList();
    }
}
