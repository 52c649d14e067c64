package org.silkgrant.review.web;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;

import org.silkgrant.account.SilkGrantUser;
import org.silkgrant.review.scoring.ReviewRanking;
import org.silkgrant.review.scoring.ReviewRanking.CallRanking;
import org.silkgrant.review.scoring.ReviewSheets;
import org.silkgrant.review.scoring.ReviewSheets.Draft;
import org.silkgrant.review.scoring.ReviewSheets.SheetView;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Review sheets and the call's ranking (docs/review.md "Scoring and ranking"). */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Reviews", description = "The experts' review sheets and the ranking of a call")
class ScoringApiController {

    private final ReviewSheets sheets;
    private final ReviewRanking ranking;
    private final RankingWorkbook workbook;

    ScoringApiController(ReviewSheets sheets, ReviewRanking ranking, RankingWorkbook workbook) {
        this.sheets = sheets;
        this.ranking = ranking;
        this.workbook = workbook;
    }

    /** Scores by criterion code (null: not scored yet) and the comment. */
    record SheetRequest(Map<String, BigDecimal> scores, String comment) {

        Draft draft() {
            return new Draft(scores, comment);
        }
    }

    record ReopenRequest(String reason) {
    }

    @GetMapping("/assignments/{id}/review")
    @PreAuthorize("hasAnyRole('EXPERT', 'PROGRAM_OFFICER')")
    @Operation(summary = "The review sheet of an assignment: the expert's own, or any for the program officer")
    SheetView sheet(@PathVariable long id, @AuthenticationPrincipal SilkGrantUser user) {
        return sheets.sheet(user, id);
    }

    @PutMapping("/assignments/{id}/review")
    @PreAuthorize("hasRole('EXPERT') and @reviewSheets.visibleTo(principal, #id)")
    @Operation(summary = "Save the draft: scores within each criterion's range, comment; before the round's deadline")
    SheetView save(@PathVariable long id, @RequestBody SheetRequest body, @AuthenticationPrincipal SilkGrantUser user) {
        return sheets.save(user, id, body.draft());
    }

    @PostMapping("/assignments/{id}/review/submission")
    @PreAuthorize("hasRole('EXPERT')")
    @Operation(summary = "Submit the saved sheet (every criterion scored, comment of 20 characters or more); read-only afterwards")
    SheetView submit(@PathVariable long id, @AuthenticationPrincipal SilkGrantUser user) {
        return sheets.submit(user, id, null);
    }

    @PostMapping("/assignments/{id}/review/reopening")
    @PreAuthorize("hasRole('PROGRAM_OFFICER')")
    @Operation(summary = "Reopen a submitted sheet with a reason (program officer)")
    SheetView reopen(@PathVariable long id, @RequestBody ReopenRequest body, @AuthenticationPrincipal SilkGrantUser user) {
        return sheets.reopen(user, id, body.reason());
    }

    @GetMapping("/calls/{code}/ranking")
    @PreAuthorize("hasRole('PROGRAM_OFFICER')")
    @Operation(summary = "The ranked lists of a call per category and scope, from the submitted sheets")
    CallRanking ranking(@PathVariable String code, @AuthenticationPrincipal SilkGrantUser user) {
        return ranking.ranking(user, code);
    }

    @GetMapping("/calls/{code}/ranking.xlsx")
    @PreAuthorize("hasRole('PROGRAM_OFFICER')")
    @Operation(summary = "The ranking as an Excel workbook")
    ResponseEntity<byte[]> rankingWorkbook(@PathVariable String code, @AuthenticationPrincipal SilkGrantUser user,
            Locale locale) {
        return workbook.download(ranking.ranking(user, code), locale);
    }
}
