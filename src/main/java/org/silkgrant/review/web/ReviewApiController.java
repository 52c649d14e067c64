package org.silkgrant.review.web;

import java.net.URI;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.silkgrant.account.SilkGrantUser;
import org.silkgrant.review.ReviewManagement;
import org.silkgrant.review.ReviewManagement.AssignmentView;
import org.silkgrant.review.ReviewManagement.ConflictView;
import org.silkgrant.review.ReviewManagement.MyAssignment;
import org.silkgrant.review.ReviewManagement.RoundSummary;
import org.silkgrant.shared.NotFoundException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Review rounds, conflicts and assignments (docs/review.md "Review rounds and assignment"). */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Review assignments", description = "Review rounds, conflicts of interest, expert assignments and the "
        + "expert's conflict declaration")
class ReviewApiController {

    private final ReviewManagement reviews;

    ReviewApiController(ReviewManagement reviews) {
        this.reviews = reviews;
    }

    record NewPair(Long applicationId, Long expertId, String reason) {
    }

    record Removal(String reason) {
    }

    record Declaration(Boolean noConflict, String reason) {
    }

    @PostMapping("/calls/{code}/review-rounds")
    @PreAuthorize("hasRole('PROGRAM_OFFICER')")
    @Operation(summary = "Opens a review round (program officer): every ACCEPTED application goes UNDER_REVIEW and "
            + "gets k experts; 409 when a round is open or nothing is accepted")
    ResponseEntity<RoundSummary> open(@PathVariable String code, @AuthenticationPrincipal SilkGrantUser user,
            HttpServletRequest http) {
        RoundSummary round = reviews.open(user, code, http.getRemoteAddr());
        return ResponseEntity.created(URI.create("/api/v1/review-rounds/" + round.round().id())).body(round);
    }

    @GetMapping("/calls/{code}/review-rounds/current")
    @PreAuthorize("hasRole('PROGRAM_OFFICER')")
    @Operation(summary = "The call's latest review round with its pairs and shortfalls (program officer); 404 when none")
    RoundSummary current(@PathVariable String code, @AuthenticationPrincipal SilkGrantUser user) {
        return reviews.current(user, code).orElseThrow(() -> new NotFoundException("review.round.notFound"));
    }

    @GetMapping("/calls/{code}/conflicts")
    @PreAuthorize("hasRole('PROGRAM_OFFICER')")
    @Operation(summary = "Every conflict of interest between the call's accepted or reviewed applications and the "
            + "active experts, with the reasons (program officer)")
    List<ConflictView> conflicts(@PathVariable String code, @AuthenticationPrincipal SilkGrantUser user) {
        return reviews.conflicts(user, code);
    }

    @GetMapping("/review-rounds/{id}/assignments")
    @PreAuthorize("hasRole('PROGRAM_OFFICER')")
    @Operation(summary = "The round's pairs: application, expert, affinity, status, origin, reason (program officer)")
    List<AssignmentView> assignments(@PathVariable Long id, @AuthenticationPrincipal SilkGrantUser user) {
        return reviews.round(user, id).assignments();
    }

    @PostMapping("/review-rounds/{id}/assignments")
    @PreAuthorize("hasRole('PROGRAM_OFFICER')")
    @Operation(summary = "Adds a pair by hand with a reason (program officer); 409 naming the conflict reasons when "
            + "conflicted, when declined, duplicate or the expert is at the cap m")
    ResponseEntity<AssignmentView> add(@PathVariable Long id, @RequestBody NewPair body,
            @AuthenticationPrincipal SilkGrantUser user, HttpServletRequest http) {
        AssignmentView saved = reviews.add(user, id, body.applicationId(), body.expertId(), body.reason(),
                http.getRemoteAddr());
        return ResponseEntity.created(URI.create("/api/v1/assignments/" + saved.id())).body(saved);
    }

    @DeleteMapping("/assignments/{id}")
    @PreAuthorize("hasRole('PROGRAM_OFFICER')")
    @Operation(summary = "Removes a pair with a reason in the body (program officer): status REMOVED, forbidden on re-runs")
    AssignmentView remove(@PathVariable Long id, @RequestBody(required = false) Removal body,
            @AuthenticationPrincipal SilkGrantUser user, HttpServletRequest http) {
        return reviews.remove(user, id, body == null ? null : body.reason(), http.getRemoteAddr());
    }

    @PostMapping("/assignments/{id}/removal")
    @PreAuthorize("hasRole('PROGRAM_OFFICER')")
    @Operation(summary = "The same as DELETE /assignments/{id}, for clients that send no body with DELETE")
    AssignmentView removal(@PathVariable Long id, @RequestBody(required = false) Removal body,
            @AuthenticationPrincipal SilkGrantUser user, HttpServletRequest http) {
        return remove(id, body, user, http);
    }

    @PostMapping("/review-rounds/{id}/rerun")
    @PreAuthorize("hasRole('PROGRAM_OFFICER')")
    @Operation(summary = "Re-runs the round for its gaps: live pairs kept, removed and declined ones forbidden")
    RoundSummary rerun(@PathVariable Long id, @AuthenticationPrincipal SilkGrantUser user, HttpServletRequest http) {
        return reviews.rerun(user, id, http.getRemoteAddr());
    }

    @GetMapping("/me/assignments")
    @PreAuthorize("hasRole('EXPERT')")
    @Operation(summary = "The expert's own assignments with call, title and review deadline")
    List<MyAssignment> mine(@AuthenticationPrincipal SilkGrantUser user) {
        return reviews.mine(user);
    }

    @PostMapping("/assignments/{id}/conflict-declaration")
    @PreAuthorize("hasRole('EXPERT')")
    @Operation(summary = "The expert declares no conflict ({\"noConflict\": true}: CONFIRMED, the content opens) or a "
            + "conflict with a reason (DECLINED); another's pair is 404, a second declaration 409")
    MyAssignment declare(@PathVariable Long id, @RequestBody Declaration body,
            @AuthenticationPrincipal SilkGrantUser user, HttpServletRequest http) {
        return reviews.declare(user, id, body.noConflict(), body.reason(), http.getRemoteAddr());
    }
}
