package org.silkgrant.notification.web;

import org.silkgrant.account.SilkGrantUser;
import org.silkgrant.notification.Inbox;
import org.silkgrant.notification.Inbox.InboxNotice;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The inbox page, opening a notice (which marks it read and leads to its application) and marking all read.
 */
@Controller
class InboxController {

    private static final int PAGE_SIZE = 20;

    private final Inbox inbox;

    InboxController(Inbox inbox) {
        this.inbox = inbox;
    }

    @GetMapping("/inbox")
    String inbox(@AuthenticationPrincipal SilkGrantUser user, @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("notices", inbox.of(user.id(), page, PAGE_SIZE));
        model.addAttribute("unread", inbox.unread(user.id()));
        return "notification/inbox";
    }

    /** Opening a notice marks it read: a link from the list or from the mail. */
    @GetMapping("/inbox/{id}")
    String open(@AuthenticationPrincipal SilkGrantUser user, @PathVariable Long id) {
        InboxNotice notice = inbox.markRead(user.id(), id);
        return "redirect:" + (notice.link() == null ? "/inbox" : notice.link());
    }

    @PostMapping("/inbox/read")
    String markAllRead(@AuthenticationPrincipal SilkGrantUser user, RedirectAttributes redirect) {
        inbox.markAllRead(user.id());
        redirect.addFlashAttribute("markedAllRead", true);
        return "redirect:/inbox";
    }
}
