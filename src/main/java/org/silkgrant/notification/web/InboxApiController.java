package org.silkgrant.notification.web;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.silkgrant.account.SilkGrantUser;
import org.silkgrant.notification.Inbox;
import org.silkgrant.notification.Inbox.InboxNotice;
import org.springframework.context.MessageSource;
import org.springframework.data.domain.Page;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The caller's own inbox: newest first with the unread count, and marking one notice read. */
@RestController
@RequestMapping("/api/v1/inbox")
class InboxApiController {

    /** A notice as the API shows it, its headline translated into the caller's language. */
    record NoticeJson(Long id, String kind, String message, String comment, Long applicationId, String link,
            Instant createdAt, Instant readAt) {
    }

    record InboxJson(long unread, int page, long total, List<NoticeJson> notices) {
    }

    private final Inbox inbox;
    private final MessageSource messages;

    InboxApiController(Inbox inbox, MessageSource messages) {
        this.inbox = inbox;
        this.messages = messages;
    }

    @GetMapping
    InboxJson list(@AuthenticationPrincipal SilkGrantUser user, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size, Locale locale) {
        org.silkgrant.shared.Paging.check(page, size, Inbox.MAX_SIZE);
        Page<InboxNotice> found = inbox.of(user.id(), page, size);
        return new InboxJson(inbox.unread(user.id()), found.getNumber(), found.getTotalElements(),
                found.getContent().stream().map(n -> json(n, locale)).toList());
    }

    /** Marks one of the caller's notices read; someone else's is a 404 like one that does not exist. */
    @PostMapping("/{id}/read")
    NoticeJson read(@AuthenticationPrincipal SilkGrantUser user, @PathVariable Long id, Locale locale) {
        return json(inbox.markRead(user.id(), id), locale);
    }

    private NoticeJson json(InboxNotice n, Locale locale) {
        return new NoticeJson(n.id(), n.kind(), messages.getMessage(n.messageKey(), n.arguments(), n.messageKey(), locale),
                n.comment(), n.applicationId(), n.link(), n.createdAt(), n.readAt());
    }
}
