package org.silkgrant.award.web;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpSession;

import org.silkgrant.account.SilkGrantUser;
import org.silkgrant.award.AwardManagement;
import org.silkgrant.award.AwardManagement.AnswerCommand;
import org.silkgrant.award.AwardManagement.DecisionCommand;
import org.silkgrant.award.Decision;
import org.silkgrant.award.ObjectionStatus;
import org.silkgrant.call.CallManagement;
import org.silkgrant.shared.FieldViolationException;
import org.silkgrant.shared.NotFoundException;
import org.silkgrant.shared.StateConflictException;
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
 * The office's decisions page (decide or change a decision per row with the review's figures and the envelope's
 * totals, confirm what it warns of), the confirmation page before publishing the notice, the decision panel of the
 * application page, and the public notice page with its objection forms: for applicants and organisation admins
 * signed in, and for the public with a verified e-mail where the call allows it.
 */
@Controller
class AwardPagesController {

    /** The session attribute holding the address a visitor verified a code for, per call. */
    static final String PUBLIC_EMAIL = "award.publicObjection.email.";

    private final AwardManagement awards;
    private final CallManagement calls;
    private final MessageSource messages;

    AwardPagesController(AwardManagement awards, CallManagement calls, MessageSource messages) {
        this.awards = awards;
        this.calls = calls;
        this.messages = messages;
    }

    /**
     * A decision the page refused, to show again in its row: what the officer entered and which confirmations the
     * refusal asks for.
     */
    record Retry(Long applicationId, String decision, String grantedAmount, String note, boolean askEnvelope,
            boolean askSheets) implements Serializable {
    }

    @GetMapping("/office/calls/{code}/decisions")
    @PreAuthorize("hasRole('PROGRAM_OFFICER')")
    String decisions(@PathVariable String code, @AuthenticationPrincipal SilkGrantUser user, Model model) {
        model.addAttribute("call", calls.get(code));
        model.addAttribute("decisions", awards.decisions(user, code));
        model.addAttribute("totals", awards.totals(user, code));
        model.addAttribute("notice", awards.notice(code).orElse(null));
        model.addAttribute("objections", awards.objections(user, code));
        return "award/decisions";
    }

    @PostMapping("/office/calls/{code}/decisions/{id}")
    @PreAuthorize("hasRole('PROGRAM_OFFICER')")
    String decide(@PathVariable String code, @PathVariable Long id, @RequestParam(required = false) Decision decision,
            @RequestParam(required = false) String grantedAmount, @RequestParam(required = false) String note,
            @RequestParam(defaultValue = "false") boolean confirmOverEnvelope,
            @RequestParam(defaultValue = "false") boolean confirmUnfinishedSheets,
            @AuthenticationPrincipal SilkGrantUser user, Locale locale, RedirectAttributes redirect) {
        String target = "redirect:/office/calls/" + code + "/decisions#decision-" + id;
        try {
            awards.decide(user, id, new DecisionCommand(decision, amount(grantedAmount), note, confirmOverEnvelope,
                    confirmUnfinishedSheets));
            redirect.addFlashAttribute("done", messages.getMessage("award.decided", null, locale));
        } catch (FieldViolationException e) {
            redirect.addFlashAttribute("failure", text(e, locale));
            boolean envelope = e.violations().stream().anyMatch(v -> "OVER_ENVELOPE".equals(v.code()));
            boolean sheets = e.violations().stream().anyMatch(v -> "UNFINISHED_SHEETS".equals(v.code()));
            redirect.addFlashAttribute("retry", new Retry(id, decision == null ? null : decision.name(), grantedAmount,
                    note, envelope || confirmOverEnvelope, sheets || confirmUnfinishedSheets));
        } catch (TranslatedException e) {
            redirect.addFlashAttribute("failure", messages.getMessage(e.messageKey(), e.arguments(), locale));
        }
        return target;
    }

    /** Before publishing: what the notice will list, the totals, the period, and what else publishing does. */
    @GetMapping("/office/calls/{code}/notice/confirm")
    @PreAuthorize("hasRole('PROGRAM_OFFICER')")
    String confirmPublication(@PathVariable String code, @AuthenticationPrincipal SilkGrantUser user, Model model,
            Locale locale, RedirectAttributes redirect) {
        model.addAttribute("call", calls.get(code));
        try {
            model.addAttribute("preview", awards.preview(user, code));
        } catch (StateConflictException e) {
            redirect.addFlashAttribute("failure", messages.getMessage(e.messageKey(), e.arguments(), locale));
            return "redirect:/office/calls/" + code + "/decisions";
        }
        return "award/publish";
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

    /**
     * The decision panel of the application page (loaded with htmx): the decision and granted amount for whoever may
     * read the application once the notice is published, for the office at once; empty otherwise.
     */
    @GetMapping("/applications/{id}/decision/panel")
    String decisionPanel(@PathVariable Long id, @AuthenticationPrincipal SilkGrantUser user, Model model) {
        model.addAttribute("decision", awards.decisionOf(user, id).orElse(null));
        model.addAttribute("applicationId", id);
        model.addAttribute("office", user.hasRole(org.silkgrant.account.Role.PROGRAM_OFFICER));
        return "award/panel :: decision";
    }

    /**
     * The public notice: anyone may read it; while it runs, applicants and organisation admins signed in see the
     * objection form, other signed-in roles a note that they may not object, and visitors — where the call allows it —
     * the form that verifies an e-mail address.
     */
    @GetMapping("/notices/{code}")
    String notice(@PathVariable String code, @AuthenticationPrincipal SilkGrantUser user, HttpSession session,
            Model model) {
        model.addAttribute("call", calls.get(code));
        model.addAttribute("notice", awards.notice(code).orElse(null));
        model.addAttribute("signedIn", user != null);
        model.addAttribute("mayObject", AwardManagement.mayObject(user));
        model.addAttribute("publicObjections", user == null && awards.publicObjections(code));
        model.addAttribute("publicEmail", session == null ? null : session.getAttribute(PUBLIC_EMAIL + code));
        return "award/notice";
    }

    @PostMapping("/notices/{code}/objections")
    @PreAuthorize("isAuthenticated()")
    String object(@PathVariable String code, @RequestParam(required = false) Long applicationId,
            @RequestParam(required = false) String text, @AuthenticationPrincipal SilkGrantUser user, Locale locale,
            RedirectAttributes redirect) {
        if (!AwardManagement.mayObject(user)) {
            // staff, experts, the admins: the 403 page, as the API answers
            throw new org.silkgrant.shared.ForbiddenException("award.objection.forbidden");
        }
        return attempt(redirect, locale, "redirect:/notices/" + code, "award.objected", () ->
                awards.object(user, code, applicationId, text));
    }

    /** A visitor asks for a code to verify their e-mail address (404 where the call takes no public objections). */
    @PostMapping("/notices/{code}/public-objection/code")
    String requestCode(@PathVariable String code, @RequestParam(required = false) String email,
            @AuthenticationPrincipal SilkGrantUser user, HttpSession session, Locale locale,
            RedirectAttributes redirect) {
        publicOnly(code, user);
        return attempt(redirect, locale, "redirect:/notices/" + code + "#public-objection", "award.publicObjection.sent",
                () -> {
                    AwardManagement.CodeSent sent = awards.requestObjectionCode(user, code, email);
                    session.setAttribute(PUBLIC_EMAIL + code, sent.email());
                });
    }

    /** A visitor files an objection with the code mailed to the address they verified. */
    @PostMapping("/notices/{code}/public-objection")
    String objectAsPublic(@PathVariable String code, @RequestParam(required = false) String verificationCode,
            @RequestParam(required = false) Long applicationId, @RequestParam(required = false) String text,
            @AuthenticationPrincipal SilkGrantUser user, HttpSession session, Locale locale,
            RedirectAttributes redirect) {
        publicOnly(code, user);
        Object email = session.getAttribute(PUBLIC_EMAIL + code);
        return attempt(redirect, locale, "redirect:/notices/" + code + "#public-objection", "award.objected", () -> {
            awards.objectAsPublic(user, code, email == null ? null : email.toString(), verificationCode, applicationId,
                    text);
            session.removeAttribute(PUBLIC_EMAIL + code);
        });
    }

    private void publicOnly(String code, SilkGrantUser user) {
        if (user != null || !awards.publicObjections(code)) {
            throw new NotFoundException("award.notice.notFound");
        }
    }

    private String attempt(RedirectAttributes redirect, Locale locale, String target, String doneKey, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("done", messages.getMessage(doneKey, null, locale));
        } catch (FieldViolationException e) {
            redirect.addFlashAttribute("failure", text(e, locale));
        } catch (StateConflictException | org.silkgrant.shared.BusyException e) {
            redirect.addFlashAttribute("failure", messages.getMessage(e.messageKey(), e.arguments(), locale));
        } catch (TranslatedException e) {
            if (e.httpStatus() == 403 || e.httpStatus() == 404) {
                throw e;
            }
            redirect.addFlashAttribute("failure", messages.getMessage(e.messageKey(), e.arguments(), locale));
        }
        return target;
    }

    private String text(FieldViolationException e, Locale locale) {
        return e.violations().stream()
                .map(v -> messages.getMessage(v.messageKey(), v.arguments(), v.messageKey(), locale))
                .collect(Collectors.joining(" "));
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
