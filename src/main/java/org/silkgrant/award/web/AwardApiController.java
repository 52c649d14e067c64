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

    /** {@code decision} APPROVED or NOT_FUNDED; {@code grantedAmount} in 万元 as a decimal string, for APPROVED. */
    record DecisionRequest(Decision decision, BigDecimal grantedAmount, String note) {
    }

    record NoticeRequest(String text) {
    }

    record ObjectionRequest(Long applicationId, String text) {
    }

    record AnswerRequest(ObjectionStatus outcome, String answer) {
    }

    @PostMapping("/applications/{id}/decision")
    @Operation(summary = "Record the funding decision (program officer): 403 for others, 409 unless UNDER_REVIEW, "
            + "422 naming grantedAmount when missing, not positive or above the requested fiscal funds")
    DecisionView decide(@PathVariable Long id, @RequestBody DecisionRequest request,
            @AuthenticationPrincipal SilkGrantUser user) {
        return awards.decide(user, id, new DecisionCommand(request.decision(), request.grantedAmount(), request.note()));
    }

    @GetMapping("/calls/{code}/decisions")
    @Operation(summary = "The call's applications under review and decided, with each decision (program officer)")
    List<DecisionView> decisions(@PathVariable String code, @AuthenticationPrincipal SilkGrantUser user) {
        return awards.decisions(user, code);
    }

    @PostMapping("/calls/{code}/notice")
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
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "File an objection against a noticed application (signed in); 409 outside the notice period")
    ObjectionView object(@PathVariable String code, @RequestBody ObjectionRequest request,
            @AuthenticationPrincipal SilkGrantUser user) {
        return awards.object(user, code, request.applicationId(), request.text());
    }

    @GetMapping("/calls/{code}/notice/objections")
    @Operation(summary = "The objections to the call's notice (program officer)")
    List<ObjectionView> objections(@PathVariable String code, @AuthenticationPrincipal SilkGrantUser user) {
        return awards.objections(user, code);
    }

    @PostMapping("/objections/{id}/answer")
    @Operation(summary = "Uphold or dismiss an open objection with an answer (program officer); 409 when answered")
    ObjectionView answer(@PathVariable Long id, @RequestBody AnswerRequest request,
            @AuthenticationPrincipal SilkGrantUser user) {
        return awards.answer(user, id, new AnswerCommand(request.outcome(), request.answer()));
    }
}
