package org.silkgrant.notification.web;

import org.silkgrant.account.SilkGrantUser;
import org.silkgrant.notification.NoticeBoard;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The signed-in user's notices, as a fragment the dashboard loads with htmx. */
@Controller
class NoticeController {

    private final NoticeBoard notices;

    NoticeController(NoticeBoard notices) {
        this.notices = notices;
    }

    @GetMapping("/notices")
    String notices(@AuthenticationPrincipal SilkGrantUser user, Model model) {
        model.addAttribute("notices", notices.noticesFor(user.organizationId(), user.id()));
        return "notification/notices :: notices";
    }
}
