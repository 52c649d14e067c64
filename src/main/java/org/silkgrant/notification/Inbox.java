package org.silkgrant.notification;

import java.time.Clock;
import java.time.Instant;

import org.silkgrant.shared.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Each person's notices: delivering one (and then its mail), listing them newest first, marking them read. */
@Service
public class Inbox {

    /** The most notices one page of the inbox holds. */
    public static final int MAX_SIZE = 100;

    /** A notice in someone's inbox; {@code messageKey} with {@code arguments} is its headline. */
    public record InboxNotice(Long id, String kind, String messageKey, Object[] arguments, String comment,
            Long applicationId, Instant createdAt, Instant readAt) {

        public boolean read() {
            return readAt != null;
        }

        /** Where the notice leads: the application it is about, if any. */
        public String link() {
            return applicationId == null ? null : "/applications/" + applicationId;
        }
    }

    private final NoticeRepository notices;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Inbox(NoticeRepository notices, ApplicationEventPublisher events, Clock clock) {
        this.notices = notices;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Writes the notice and publishes the notification for the mail listener, in the caller's transaction: the
     * mail goes only when the notice stands. A notification already delivered (same person and source) is skipped.
     */
    @Transactional
    void deliver(Notification notification) {
        if (notices.existsByUserIdAndSourceKey(notification.recipientId(), notification.sourceKey())) {
            return;
        }
        notices.save(Notice.personal(notification.recipientId(), notification.kind().messageKey(),
                String.join(NoticeBoard.SEPARATOR, notification.arguments()), notification.applicationId(),
                notification.comment(), notification.sourceKey(), clock.instant()));
        events.publishEvent(notification);
    }

    /** A page of the user's notices, newest first. */
    @Transactional(readOnly = true)
    public Page<InboxNotice> of(Long userId, int page, int size) {
        return notices.findByUserIdOrderByIdDesc(userId, org.silkgrant.shared.Paging.of(page, size, MAX_SIZE))
                .map(Inbox::view);
    }

    @Transactional(readOnly = true)
    public long unread(Long userId) {
        return userId == null ? 0 : notices.countByUserIdAndReadAtIsNull(userId);
    }

    /** Marks one of the user's notices read; someone else's notice is not found. */
    @Transactional
    public InboxNotice markRead(Long userId, Long noticeId) {
        Notice notice = notices.findByIdAndUserId(noticeId, userId)
                .orElseThrow(() -> new NotFoundException("inbox.notFound"));
        notice.read(clock.instant());
        return view(notice);
    }

    @Transactional
    public int markAllRead(Long userId) {
        return notices.markAllRead(userId, clock.instant());
    }

    private static InboxNotice view(Notice n) {
        Object[] arguments = n.arguments() == null ? new Object[0] : n.arguments().split(NoticeBoard.SEPARATOR, -1);
        String key = n.messageKey();
        return new InboxNotice(n.id(), key.startsWith("notification.") ? key.substring("notification.".length()) : key,
                key, arguments, n.comment(), n.applicationId(), n.createdAt(), n.readAt());
    }
}
