package org.silkgrant.review.web;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import org.silkgrant.account.SilkGrantUser;
import org.silkgrant.review.ReviewManagement;
import org.silkgrant.shared.FieldViolationException;
import org.silkgrant.shared.TranslatedException;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The officer's review page of a call ({@code /office/calls/{code}/review}: open a round, its summary, shortfalls,
 * conflicts, the pairs with add and remove forms, re-run) and the expert's {@code /expert/reviews}.
 */
@Controller
class ReviewPagesController {

    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    private final ReviewManagement reviews;
    private final MessageSource messages;
    private final Clock clock;

    ReviewPagesController(ReviewManagement reviews, MessageSource messages, Clock clock) {
        this.reviews = reviews;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/office/calls/{code}/review")
    @PreAuthorize("hasRole('PROGRAM_OFFICER')")
    String office(@PathVariable String code, @AuthenticationPrincipal SilkGrantUser user, Model model) {
        model.addAttribute("code", code);
        model.addAttribute("summary", reviews.current(user, code).orElse(null));
        model.addAttribute("overview", reviews.conflictOverview(user, code));
        model.addAttribute("zone", BEIJING);
        return "review/round";
    }

    @PostMapping("/office/calls/{code}/review/conflicts/dismissals")
    @PreAuthorize("hasRole('PROGRAM_OFFICER')")
    String dismiss(@PathVariable String code, @RequestParam(required = false) Long applicationId,
            @RequestParam(required = false) Long expertId, @RequestParam(required = false) String reason,
            @AuthenticationPrincipal SilkGrantUser user, HttpServletRequest http, RedirectAttributes redirect,
            Locale locale) {
        act(redirect, locale, "review.done.dismissed",
                () -> reviews.dismiss(user, code, applicationId, expertId, reason, http.getRemoteAddr()));
        return "redirect:/office/calls/" + code + "/review#possible-conflicts";
    }

    @PostMapping("/office/calls/{code}/review/conflicts/dismissals/{id}/withdrawal")
    @PreAuthorize("hasRole('PROGRAM_OFFICER')")
    String withdrawDismissal(@PathVariable String code, @PathVariable Long id,
            @AuthenticationPrincipal SilkGrantUser user, HttpServletRequest http, RedirectAttributes redirect,
            Locale locale) {
        act(redirect, locale, "review.done.dismissalWithdrawn",
                () -> reviews.withdrawDismissal(user, id, http.getRemoteAddr()));
        return "redirect:/office/calls/" + code + "/review#possible-conflicts";
    }

    @PostMapping("/office/calls/{code}/review/rounds")
    @PreAuthorize("hasRole('PROGRAM_OFFICER')")
    String open(@PathVariable String code, @AuthenticationPrincipal SilkGrantUser user, HttpServletRequest http,
            RedirectAttributes redirect, Locale locale) {
        act(redirect, locale, "review.done.opened", () -> reviews.open(user, code, http.getRemoteAddr()));
        return "redirect:/office/calls/" + code + "/review";
    }

    @PostMapping("/office/calls/{code}/review/rounds/{id}/rerun")
    @PreAuthorize("hasRole('PROGRAM_OFFICER')")
    String rerun(@PathVariable String code, @PathVariable Long id, @AuthenticationPrincipal SilkGrantUser user,
            HttpServletRequest http, RedirectAttributes redirect, Locale locale) {
        act(redirect, locale, "review.done.rerun", () -> reviews.rerun(user, id, http.getRemoteAddr()));
        return "redirect:/office/calls/" + code + "/review";
    }

    @PostMapping("/office/calls/{code}/review/rounds/{id}/assignments")
    @PreAuthorize("hasRole('PROGRAM_OFFICER')")
    String add(@PathVariable String code, @PathVariable Long id, @RequestParam(required = false) Long applicationId,
            @RequestParam(required = false) Long expertId, @RequestParam(required = false) String reason,
            @AuthenticationPrincipal SilkGrantUser user, HttpServletRequest http, RedirectAttributes redirect,
            Locale locale) {
        act(redirect, locale, "review.done.added",
                () -> reviews.add(user, id, applicationId, expertId, reason, http.getRemoteAddr()));
        return "redirect:/office/calls/" + code + "/review";
    }

    @PostMapping("/office/calls/{code}/review/assignments/{id}/removal")
    @PreAuthorize("hasRole('PROGRAM_OFFICER')")
    String remove(@PathVariable String code, @PathVariable Long id, @RequestParam(required = false) String reason,
            @AuthenticationPrincipal SilkGrantUser user, HttpServletRequest http, RedirectAttributes redirect,
            Locale locale) {
        act(redirect, locale, "review.done.removed", () -> reviews.remove(user, id, reason, http.getRemoteAddr()));
        return "redirect:/office/calls/" + code + "/review";
    }

    @GetMapping("/expert/reviews")
    @PreAuthorize("hasRole('EXPERT')")
    String mine(@AuthenticationPrincipal SilkGrantUser user, Model model, Locale locale) {
        var now = clock.instant();
        model.addAttribute("assignments", reviews.mine(user));
        model.addAttribute("zone", BEIJING);
        model.addAttribute("countryName", (java.util.function.Function<String, String>) code -> code == null
                || code.isBlank() ? "" : new Locale("", code.strip().toUpperCase(Locale.ROOT)).getDisplayCountry(locale));
        model.addAttribute("remaining", (java.util.function.Function<java.time.Instant, String>) deadline -> {
            Duration left = Duration.between(now, deadline);
            return left.isNegative() ? messages.getMessage("review.mine.overdue", null, locale)
                    : messages.getMessage("review.mine.remaining", new Object[] {left.toDays(), left.toHoursPart()},
                            locale);
        });
        return "review/expert-reviews";
    }

    @PostMapping("/expert/reviews/{id}/declaration")
    @PreAuthorize("hasRole('EXPERT')")
    String declare(@PathVariable Long id, @RequestParam(required = false) Boolean noConflict,
            @RequestParam(required = false) String reason, @AuthenticationPrincipal SilkGrantUser user,
            HttpServletRequest http, RedirectAttributes redirect, Locale locale) {
        act(redirect, locale, "review.done.declared",
                () -> reviews.declare(user, id, noConflict, reason, http.getRemoteAddr()));
        return "redirect:/expert/reviews";
    }

    /** Runs a step; its refusal (403 stays a 403) is shown translated on the page it came from. */
    private void act(RedirectAttributes redirect, Locale locale, String done, Runnable step) {
        try {
            step.run();
            redirect.addFlashAttribute("success", messages.getMessage(done, null, locale));
        } catch (FieldViolationException e) {
            redirect.addFlashAttribute("error", e.violations().stream()
                    .map(v -> messages.getMessage(v.messageKey(), v.arguments(), locale)).reduce((a, b) -> a + " " + b)
                    .orElse(""));
        } catch (TranslatedException e) {
            if (e.httpStatus() == 403 || e.httpStatus() == 404) {
                throw e;
            }
            redirect.addFlashAttribute("error", messages.getMessage(e.messageKey(), e.arguments(), locale));
        }
    }
}
