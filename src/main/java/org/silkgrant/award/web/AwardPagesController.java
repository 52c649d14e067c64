package org.silkgrant.award.web;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.stream.Collectors;

import org.silkgrant.account.SilkGrantUser;
import org.silkgrant.award.AwardManagement;
import org.silkgrant.award.AwardManagement.AnswerCommand;
import org.silkgrant.award.AwardManagement.DecisionCommand;
import org.silkgrant.award.Decision;
import org.silkgrant.award.ObjectionStatus;
import org.silkgrant.call.CallManagement;
import org.silkgrant.shared.FieldViolationException;
import org.silkgrant.shared.StateConflictException;
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
 * The office's decisions page (decide per row, publish the notice, answer objections) and the public notice page
 * with its objection form for signed-in users.
 */
@Controller
class AwardPagesController {

    private final AwardManagement awards;
    private final CallManagement calls;
    private final MessageSource messages;

    AwardPagesController(AwardManagement awards, CallManagement calls, MessageSource messages) {
        this.awards = awards;
        this.calls = calls;
        this.messages = messages;
    }

    @GetMapping("/office/calls/{code}/decisions")
    @PreAuthorize("hasRole('PROGRAM_OFFICER')")
    String decisions(@PathVariable String code, @AuthenticationPrincipal SilkGrantUser user, Model model) {
        model.addAttribute("call", calls.get(code));
        model.addAttribute("decisions", awards.decisions(user, code));
        model.addAttribute("notice", awards.notice(code).orElse(null));
        model.addAttribute("objections", awards.objections(user, code));
        return "award/decisions";
    }

    @PostMapping("/office/calls/{code}/decisions/{id}")
    @PreAuthorize("hasRole('PROGRAM_OFFICER')")
    String decide(@PathVariable String code, @PathVariable Long id, @RequestParam(required = false) Decision decision,
            @RequestParam(required = false) String grantedAmount, @RequestParam(required = false) String note,
            @AuthenticationPrincipal SilkGrantUser user, Locale locale, RedirectAttributes redirect) {
        return attempt(redirect, locale, "redirect:/office/calls/" + code + "/decisions", "award.decided", () ->
                awards.decide(user, id, new DecisionCommand(decision, amount(grantedAmount), note)));
    }

    @PostMapping("/office/calls/{code}/notice")
    @PreAuthorize("hasRole('PROGRAM_OFFICER')")
    String publish(@PathVariable String code, @RequestParam(required = false) String text,
            @AuthenticationPrincipal SilkGrantUser user, Locale locale, RedirectAttributes redirect) {
        return attempt(redirect, locale, "redirect:/office/calls/" + code + "/decisions", "award.published", () ->
                awards.publish(user, code, text));
    }

    @PostMapping("/office/calls/{code}/objections/{id}/answer")
    @PreAuthorize("hasRole('PROGRAM_OFFICER')")
    String answer(@PathVariable String code, @PathVariable Long id,
            @RequestParam(required = false) ObjectionStatus outcome, @RequestParam(required = false) String answer,
            @AuthenticationPrincipal SilkGrantUser user, Locale locale, RedirectAttributes redirect) {
        return attempt(redirect, locale, "redirect:/office/calls/" + code + "/decisions", "award.answered", () ->
                awards.answer(user, id, new AnswerCommand(outcome, answer)));
    }

    /** The public notice: anyone may read it; signed-in users see the objection form while it runs. */
    @GetMapping("/notices/{code}")
    String notice(@PathVariable String code, @AuthenticationPrincipal SilkGrantUser user, Model model) {
        model.addAttribute("call", calls.get(code));
        model.addAttribute("notice", awards.notice(code).orElse(null));
        model.addAttribute("signedIn", user != null);
        return "award/notice";
    }

    @PostMapping("/notices/{code}/objections")
    String object(@PathVariable String code, @RequestParam(required = false) Long applicationId,
            @RequestParam(required = false) String text, @AuthenticationPrincipal SilkGrantUser user, Locale locale,
            RedirectAttributes redirect) {
        return attempt(redirect, locale, "redirect:/notices/" + code, "award.objected", () ->
                awards.object(user, code, applicationId, text));
    }

    private String attempt(RedirectAttributes redirect, Locale locale, String target, String doneKey, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("done", messages.getMessage(doneKey, null, locale));
        } catch (FieldViolationException e) {
            redirect.addFlashAttribute("failure", e.violations().stream()
                    .map(v -> messages.getMessage(v.messageKey(), v.arguments(), v.messageKey(), locale))
                    .collect(Collectors.joining(" ")));
        } catch (StateConflictException e) {
            redirect.addFlashAttribute("failure", messages.getMessage(e.messageKey(), e.arguments(), locale));
        }
        return target;
    }

    private static BigDecimal amount(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            throw new FieldViolationException("grantedAmount", "NOT_A_NUMBER", "award.amount.NOT_A_NUMBER");
        }
    }
}
