package org.silkgrant.review.web;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.silkgrant.account.SilkGrantUser;
import org.silkgrant.call.CallManagement;
import org.silkgrant.review.scoring.ReviewRanking;
import org.silkgrant.review.scoring.ReviewSheets;
import org.silkgrant.review.scoring.ReviewSheets.Draft;
import org.silkgrant.review.scoring.ReviewSheets.SheetView;
import org.silkgrant.shared.FieldViolationException;
import org.silkgrant.shared.StateConflictException;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
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
 * The expert's review sheet page, the office's read-only view of a sheet with the reopen form, and the call's
 * ranking page with its Excel export (docs/review.md "Scoring and ranking").
 */
@Controller
class ScoringPagesController {

    /** Score inputs are named {@code score.<criterion code>}. */
    static final String SCORE_PREFIX = "score.";

    private final ReviewSheets sheets;
    private final ReviewRanking ranking;
    private final RankingWorkbook workbook;
    private final CallManagement calls;
    private final MessageSource messages;

    ScoringPagesController(ReviewSheets sheets, ReviewRanking ranking, RankingWorkbook workbook, CallManagement calls,
            MessageSource messages) {
        this.sheets = sheets;
        this.ranking = ranking;
        this.workbook = workbook;
        this.calls = calls;
        this.messages = messages;
    }

    @GetMapping("/expert/reviews/{id}/sheet")
    @PreAuthorize("hasRole('EXPERT')")
    String sheet(@PathVariable long id, @AuthenticationPrincipal SilkGrantUser user, Model model) {
        SheetView sheet = sheets.sheet(user, id);
        model.addAttribute("sheet", sheet);
        model.addAttribute("entered", entered(sheet));
        model.addAttribute("comment", sheet.comment());
        model.addAttribute("office", false);
        return "review/sheet";
    }

    @PostMapping("/expert/reviews/{id}/sheet")
    @PreAuthorize("hasRole('EXPERT')")
    String save(@PathVariable long id, @RequestParam Map<String, String> form,
            @AuthenticationPrincipal SilkGrantUser user, Locale locale, Model model, RedirectAttributes redirect) {
        boolean submit = "submit".equals(form.get("action"));
        Map<String, String> entered = new LinkedHashMap<>();
        form.forEach((name, value) -> {
            if (name.startsWith(SCORE_PREFIX)) {
                entered.put(name.substring(SCORE_PREFIX.length()), value);
            }
        });
        String comment = form.get("comment");
        try {
            Draft draft = new Draft(scores(entered), comment);
            if (submit) {
                sheets.submit(user, id, draft);
            } else {
                sheets.save(user, id, draft);
            }
            redirect.addFlashAttribute("done", messages.getMessage(submit ? "scoring.submitted" : "scoring.saved", null,
                    locale));
            return "redirect:/expert/reviews/" + id + "/sheet";
        } catch (FieldViolationException e) {
            Map<String, String> errors = new LinkedHashMap<>();
            e.violations().forEach(v -> errors.merge(v.field(),
                    messages.getMessage(v.messageKey(), v.arguments(), v.messageKey(), locale), (a, b) -> a + " " + b));
            model.addAttribute("errors", errors);
        } catch (StateConflictException e) {
            model.addAttribute("failure", messages.getMessage(e.messageKey(), e.arguments(), locale));
        }
        model.addAttribute("sheet", sheets.sheet(user, id));
        model.addAttribute("entered", entered);
        model.addAttribute("comment", comment);
        model.addAttribute("office", false);
        return "review/sheet";
    }

    @GetMapping("/office/reviews/{id}/sheet")
    @PreAuthorize("hasRole('PROGRAM_OFFICER')")
    String officeSheet(@PathVariable long id, @AuthenticationPrincipal SilkGrantUser user, Model model) {
        SheetView sheet = sheets.sheet(user, id);
        model.addAttribute("sheet", sheet);
        model.addAttribute("entered", entered(sheet));
        model.addAttribute("comment", sheet.comment());
        model.addAttribute("office", true);
        return "review/sheet";
    }

    @PostMapping("/office/reviews/{id}/reopening")
    @PreAuthorize("hasRole('PROGRAM_OFFICER')")
    String reopen(@PathVariable long id, @RequestParam(required = false) String reason,
            @AuthenticationPrincipal SilkGrantUser user, Locale locale, RedirectAttributes redirect) {
        try {
            sheets.reopen(user, id, reason);
            redirect.addFlashAttribute("done", messages.getMessage("scoring.reopened", null, locale));
        } catch (FieldViolationException e) {
            redirect.addFlashAttribute("failure", e.violations().stream()
                    .map(v -> messages.getMessage(v.messageKey(), v.arguments(), v.messageKey(), locale)).toList()
                    .toString().replaceAll("^\\[|\\]$", ""));
        } catch (StateConflictException e) {
            redirect.addFlashAttribute("failure", messages.getMessage(e.messageKey(), e.arguments(), locale));
        }
        return "redirect:/office/reviews/" + id + "/sheet";
    }

    @GetMapping("/office/calls/{code}/ranking")
    @PreAuthorize("hasRole('PROGRAM_OFFICER')")
    String ranking(@PathVariable String code, @AuthenticationPrincipal SilkGrantUser user, Model model) {
        model.addAttribute("call", calls.get(code));
        model.addAttribute("ranking", ranking.ranking(user, code));
        return "review/ranking";
    }

    @GetMapping("/office/calls/{code}/ranking.xlsx")
    @PreAuthorize("hasRole('PROGRAM_OFFICER')")
    ResponseEntity<byte[]> rankingWorkbook(@PathVariable String code, @AuthenticationPrincipal SilkGrantUser user,
            Locale locale) {
        return workbook.download(ranking.ranking(user, code), locale);
    }

    private static Map<String, String> entered(SheetView sheet) {
        Map<String, String> entered = new LinkedHashMap<>();
        sheet.scores().forEach((code, score) -> entered.put(code, score.stripTrailingZeros().toPlainString()));
        return entered;
    }

    /** The typed scores; an empty box is "not scored yet", anything else must be a number. */
    private static Map<String, BigDecimal> scores(Map<String, String> entered) {
        Map<String, BigDecimal> scores = new LinkedHashMap<>();
        List<FieldViolationException.Violation> violations = new java.util.ArrayList<>();
        entered.forEach((code, text) -> {
            if (text == null || text.isBlank()) {
                return;
            }
            try {
                scores.put(code, new BigDecimal(text.strip()));
            } catch (NumberFormatException e) {
                violations.add(new FieldViolationException.Violation("scores." + code, "NOT_A_NUMBER",
                        "scoring.score.NOT_A_NUMBER"));
            }
        });
        if (!violations.isEmpty()) {
            throw new FieldViolationException(violations);
        }
        return scores;
    }
}
