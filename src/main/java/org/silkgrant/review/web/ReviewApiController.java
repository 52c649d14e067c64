package org.silkgrant.review.web;

import java.net.URI;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.silkgrant.account.SilkGrantUser;
import org.silkgrant.review.ReviewManagement;
import org.silkgrant.review.ReviewManagement.AssignmentView;
import org.silkgrant.review.ReviewManagement.ConflictView;
import org.silkgrant.review.ReviewManagement.DeclaredView;
import org.silkgrant.review.ReviewManagement.DismissalView;
import org.silkgrant.review.ReviewManagement.MyAssignment;
import org.silkgrant.review.ReviewManagement.RoundSummary;
import org.silkgrant.review.ReviewManagement.Slice;
import org.silkgrant.review.assignment.Certainty;
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
import org.springframework.web.bind.annotation.RequestParam;
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

    record NewDismissal(Long applicationId, Long expertId, String reason) {
    }

    /** The rows of one page and, in X-Total-Count, how many there are in all. */
    private static <T> ResponseEntity<List<T>> page(Slice<T> slice) {
        return ResponseEntity.ok().header("X-Total-Count", String.valueOf(slice.total())).body(slice.items());
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
    @Operation(summary = "Conflicts of interest between the call's accepted or reviewed applications and the active "
            + "experts (program officer): per pair the reasons, certainty CERTAIN or POSSIBLE, whether the pair is "
            + "excluded now, the evidence in words and the dismissal in force; certainty filters, offset/limit page "
            + "(limit ≤ 2000, default 200), X-Total-Count the number of all")
    ResponseEntity<List<ConflictView>> conflicts(@PathVariable String code,
            @RequestParam(required = false) Certainty certainty, @RequestParam(defaultValue = "0") int offset,
            @RequestParam(defaultValue = "200") int limit, @AuthenticationPrincipal SilkGrantUser user) {
        return page(reviews.conflicts(user, code, certainty, offset, limit));
    }

    @GetMapping("/calls/{code}/declared-conflicts")
    @PreAuthorize("hasRole('PROGRAM_OFFICER')")
    @Operation(summary = "Conflicts the experts declared (program officer): declined assignments (source ASSIGNMENT) "
            + "and profile declarations touching an application (PROFILE), with who, which application, the reason "
            + "and when; newest first, offset/limit page, X-Total-Count the number of all")
    ResponseEntity<List<DeclaredView>> declared(@PathVariable String code, @RequestParam(defaultValue = "0") int offset,
            @RequestParam(defaultValue = "200") int limit, @AuthenticationPrincipal SilkGrantUser user) {
        return page(reviews.declaredConflicts(user, code, offset, limit));
    }

    @GetMapping("/calls/{code}/conflict-dismissals")
    @PreAuthorize("hasRole('PROGRAM_OFFICER')")
    @Operation(summary = "The call's dismissals of possible conflicts, in force and withdrawn, newest first (at most "
            + "200; program officer)")
    List<DismissalView> dismissals(@PathVariable String code, @AuthenticationPrincipal SilkGrantUser user) {
        return reviews.dismissals(user, code);
    }

    @PostMapping("/calls/{code}/conflict-dismissals")
    @PreAuthorize("hasRole('PROGRAM_OFFICER')")
    @Operation(summary = "Dismisses a pair's possible conflict with a reason (program officer): the pair may then be "
            + "assigned; 409 when the pair has a certain reason, none that is possible, or is dismissed already; 422 "
            + "without a reason")
    ResponseEntity<DismissalView> dismiss(@PathVariable String code, @RequestBody NewDismissal body,
            @AuthenticationPrincipal SilkGrantUser user, HttpServletRequest http) {
        DismissalView saved = reviews.dismiss(user, code, body.applicationId(), body.expertId(), body.reason(),
                http.getRemoteAddr());
        return ResponseEntity.created(URI.create("/api/v1/conflict-dismissals/" + saved.id())).body(saved);
    }

    @DeleteMapping("/conflict-dismissals/{id}")
    @PreAuthorize("hasRole('PROGRAM_OFFICER')")
    @Operation(summary = "Withdraws a dismissal (program officer): the pair is excluded again and its waiting or "
            + "confirmed assignment removed; 409 when already withdrawn or the review is submitted")
    DismissalView withdraw(@PathVariable Long id, @AuthenticationPrincipal SilkGrantUser user,
            HttpServletRequest http) {
        return reviews.withdrawDismissal(user, id, http.getRemoteAddr());
    }

    @PostMapping("/conflict-dismissals/{id}/withdrawal")
    @PreAuthorize("hasRole('PROGRAM_OFFICER')")
    @Operation(summary = "The same as DELETE /conflict-dismissals/{id}")
    DismissalView withdrawal(@PathVariable Long id, @AuthenticationPrincipal SilkGrantUser user,
            HttpServletRequest http) {
        return withdraw(id, user, http);
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
    @Operation(summary = "The expert's own assignments with call, title, review deadline and who takes part")
    List<MyAssignment> mine(@AuthenticationPrincipal SilkGrantUser user) {
        return reviews.mine(user);
    }

    @GetMapping("/me/assignments/{id}")
    @PreAuthorize("hasRole('EXPERT')")
    @Operation(summary = "One of the expert's own assignments with who takes part (applicant, co-applicants, partners "
            + "and their people, team names) from the submitted snapshot, no content; another's is 404")
    MyAssignment mine(@PathVariable Long id, @AuthenticationPrincipal SilkGrantUser user) {
        return reviews.mine(user, id);
    }

    @PostMapping("/assignments/{id}/conflict-declaration")
    @PreAuthorize("hasRole('EXPERT') and @reviewManagement.assignedTo(principal, #id)")
    @Operation(summary = "The expert declares no conflict ({\"noConflict\": true}: CONFIRMED, the content opens) or a "
            + "conflict with a reason (DECLINED); another's pair is 404, a second declaration 409")
    MyAssignment declare(@PathVariable Long id, @RequestBody Declaration body,
            @AuthenticationPrincipal SilkGrantUser user, HttpServletRequest http) {
        return reviews.declare(user, id, body.noConflict(), body.reason(), http.getRemoteAddr());
    }
}
