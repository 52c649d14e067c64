package org.silkgrant.notification.web;

import jakarta.servlet.http.HttpServletRequest;

import org.silkgrant.account.SilkGrantUser;
import org.silkgrant.notification.Inbox;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The unread count of the navigation bar's inbox link, on every full page a signed-in user gets (not for the API
 * or htmx fragments, which have no navigation bar).
 */
@ControllerAdvice(annotations = Controller.class)
class InboxBadgeAdvice {

    private final Inbox inbox;

    InboxBadgeAdvice(Inbox inbox) {
        this.inbox = inbox;
    }

    @ModelAttribute("inboxUnread")
    Long inboxUnread(@AuthenticationPrincipal SilkGrantUser user, HttpServletRequest request) {
        if (user == null || request.getHeader("HX-Request") != null
                || request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            return null;
        }
        return inbox.unread(user.id());
    }
}
