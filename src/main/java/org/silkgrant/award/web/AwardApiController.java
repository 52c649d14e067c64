package org.silkgrant.award.web;

import java.math.BigDecimal;
import java.util.List;

import org.silkgrant.account.SilkGrantUser;
import org.silkgrant.award.AwardManagement;
import org.silkgrant.award.AwardManagement.AnswerCommand;
import org.silkgrant.award.AwardManagement.DecisionCommand;
import org.silkgrant.award.AwardManagement.DecisionView;
import org.silkgrant.award.AwardManagement.NoticeView;
import org.silkgrant.award.AwardManagement.ObjectionView;
import org.silkgrant.award.Decision;
import org.silkgrant.award.ObjectionStatus;
import org.silkgrant.shared.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Decisions, the public notice and objections (docs/award.md). */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Award", description = "Funding decisions, public notice (公示) and objections")
class AwardApiController {

    private final AwardManagement awards;

    AwardApiController(AwardManagement awards) {
        this.awards = awards;
    }

    /**
     * {@code decision} APPROVED or NOT_FUNDED; {@code grantedAmount} in 万元 as a decimal string, for APPROVED;
     * {@code confirmOverEnvelope} and {@code confirmUnfinishedSheets} confirm what a previous 422 warned of.
     */
    record DecisionRequest(Decision decision, BigDecimal grantedAmount, String note, Boolean confirmOverEnvelope,
            Boolean confirmUnfinishedSheets) {
    }

    record CodeRequest(String email) {
    }

    record PublicObjectionRequest(String email, String code, Long applicationId, String text) {
    }

    record NoticeRequest(String text) {
    }

    record ObjectionRequest(Long applicationId, String text) {
    }

    record AnswerRequest(ObjectionStatus outcome, String answer) {
    }

    @PostMapping("/applications/{id}/decision")
    @PreAuthorize("hasRole('PROGRAM_OFFICER')")
    @Operation(summary = "Record or change the funding decision until the call's notice is published (program officer): "
            + "403 for others, 409 unless UNDER_REVIEW or once the notice is published, 422 naming grantedAmount when "
            + "missing, not positive or above the requested fiscal funds, confirmUnfinishedSheets while score sheets are "
            + "unfinished or missing, confirmOverEnvelope when the approval takes its category over the envelope")
    DecisionView decide(@PathVariable Long id, @RequestBody DecisionRequest request,
            @AuthenticationPrincipal SilkGrantUser user) {
        return awards.decide(user, id, new DecisionCommand(request.decision(), request.grantedAmount(), request.note(),
                Boolean.TRUE.equals(request.confirmOverEnvelope()), Boolean.TRUE.equals(request.confirmUnfinishedSheets())));
    }

    @GetMapping("/applications/{id}/decision")
    @Operation(summary = "The decision on an application: for the office at once, for its leader and organisation once "
            + "the call's notice is published; 404 before, without a decision, or when the application is not yours")
    AwardManagement.ApplicationDecision decision(@PathVariable Long id, @AuthenticationPrincipal SilkGrantUser user) {
        return awards.decisionOf(user, id).orElseThrow(() -> new NotFoundException("award.decision.none"));
    }

    @GetMapping("/applications/{id}/decision/history")
    @Operation(summary = "Every decision and change of the application, oldest first (program officer)")
    List<AwardManagement.DecisionVersion> history(@PathVariable Long id, @AuthenticationPrincipal SilkGrantUser user) {
        return awards.history(user, id);
    }

    @GetMapping("/calls/{code}/decisions")
    @Operation(summary = "The call's applications under review and decided, with rank, scores, open score sheets, "
            + "each decision and the running total of its category (program officer)")
    List<DecisionView> decisions(@PathVariable String code, @AuthenticationPrincipal SilkGrantUser user) {
        return awards.decisions(user, code);
    }

    @GetMapping("/calls/{code}/decisions/totals")
    @Operation(summary = "Per category: the fiscal budget envelope, the approved total and count, what remains "
            + "(negative when over) and what the listed applications request, exact decimal strings in 万元 (program officer)")
    List<AwardManagement.CategoryTotal> totals(@PathVariable String code, @AuthenticationPrincipal SilkGrantUser user) {
        return awards.totals(user, code);
    }

    @GetMapping("/calls/{code}/notice/preview")
    @Operation(summary = "What publishing the notice now would list: approved projects, totals, the period, how many are "
            + "not funded and which have no decision (program officer); 409 once published")
    AwardManagement.NoticePreview preview(@PathVariable String code, @AuthenticationPrincipal SilkGrantUser user) {
        return awards.preview(user, code);
    }

    @PostMapping("/calls/{code}/notice")
    @PreAuthorize("hasRole('PROGRAM_OFFICER')")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Publish the public notice of the call's approved applications for its notice period "
            + "(program officer); 409 when already published or nothing is approved")
    NoticeView publish(@PathVariable String code, @RequestBody(required = false) NoticeRequest request,
            @AuthenticationPrincipal SilkGrantUser user) {
        return awards.publish(user, code, request == null ? null : request.text());
    }

    @GetMapping("/calls/{code}/notice")
    @Operation(summary = "The call's public notice, for anyone: the approved projects, granted amounts and the period")
    NoticeView notice(@PathVariable String code) {
        return awards.notice(code).orElseThrow(() -> new NotFoundException("award.notice.notFound"));
    }

    @PostMapping("/calls/{code}/notice/objections")
    @PreAuthorize("@awardManagement.mayFileObjection(principal)")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "File an objection against a noticed application (applicants and organisation admins; 403 for "
            + "staff, experts and the admins); 409 outside the notice period")
    ObjectionView object(@PathVariable String code, @RequestBody ObjectionRequest request,
            @AuthenticationPrincipal SilkGrantUser user) {
        return awards.object(user, code, request.applicationId(), request.text());
    }

    @PostMapping("/calls/{code}/notice/public-objections/codes")
    @PreAuthorize("@awardManagement.mayObjectPublicly(principal, #code)")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Mail a single-use code to verify an e-mail address for a public objection (no account; only "
            + "where the call allows it, 403 otherwise or when signed in); 429 beyond the call's hourly limits")
    AwardManagement.CodeSent code(@PathVariable String code, @RequestBody CodeRequest request,
            @AuthenticationPrincipal SilkGrantUser user) {
        return awards.requestObjectionCode(user, code, request == null ? null : request.email());
    }

    @PostMapping("/calls/{code}/notice/public-objections")
    @PreAuthorize("@awardManagement.mayObjectPublicly(principal, #code)")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "File a public objection with the mailed code (no account; only where the call allows it); "
            + "422 naming code when it is wrong, expired or used")
    ObjectionView objectAsPublic(@PathVariable String code, @RequestBody PublicObjectionRequest request,
            @AuthenticationPrincipal SilkGrantUser user) {
        return awards.objectAsPublic(user, code, request.email(), request.code(), request.applicationId(),
                request.text());
    }

    @GetMapping("/calls/{code}/notice/objections")
    @Operation(summary = "The objections to the call's notice (program officer)")
    List<ObjectionView> objections(@PathVariable String code, @AuthenticationPrincipal SilkGrantUser user) {
        return awards.objections(user, code);
    }

    @PostMapping("/objections/{id}/answer")
    @PreAuthorize("hasRole('PROGRAM_OFFICER')")
    @Operation(summary = "Uphold or dismiss an open objection with an answer (program officer); 409 when answered")
    ObjectionView answer(@PathVariable Long id, @RequestBody AnswerRequest request,
            @AuthenticationPrincipal SilkGrantUser user) {
        return awards.answer(user, id, new AnswerCommand(request.outcome(), request.answer()));
    }
}
