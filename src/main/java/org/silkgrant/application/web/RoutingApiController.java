package org.silkgrant.application.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.silkgrant.account.SilkGrantUser;
import org.silkgrant.application.Action;
import org.silkgrant.application.ApplicationManagement;
import org.silkgrant.application.ApplicationRouting;
import org.silkgrant.application.VersionDiff;
import org.silkgrant.application.ApplicationStatus;
import org.silkgrant.application.ApplicationView;
import org.silkgrant.application.HistoryEntry;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** API.md: the application's transitions and its history. */
@RestController
@RequestMapping("/api/v1/applications")
@Tag(name = "Routing", description = "Sign-off, recommendation, formal review, returns, withdrawal and extensions")
class RoutingApiController {

    private final ApplicationRouting routing;
    private final ApplicationManagement applications;

    RoutingApiController(ApplicationRouting routing, ApplicationManagement applications) {
        this.routing = routing;
        this.applications = applications;
    }

    /**
     * A step: {@code action} (APPROVE, RETURN, RECOMMEND, ACCEPT, REJECT, WITHDRAW, EXTEND), a comment (required to
     * return or reject), the office's comments per section on a return, its formal review checklist (item code →
     * checked) and, for EXTEND, the new deadline.
     */
    record TransitionRequest(Action action, String comment, Map<String, String> sectionComments,
            Map<String, Boolean> formalReview, Instant extendedUntil) {
    }

    record TransitionResult(Long id, ApplicationStatus status, long version) {
    }

    @PostMapping("/{id}/transitions")
    @PreAuthorize("hasRole('PROGRAM_OFFICER') or @applicationManagement.visibleTo(principal, #id)")
    @Operation(summary = "Take a step of the application's way; 403 for a role that may not, 409 in a state it does "
            + "not start from or after its deadline, 422 without a required comment, 404 when not the caller's")
    TransitionResult transition(@PathVariable Long id, @RequestBody TransitionRequest request,
            @AuthenticationPrincipal SilkGrantUser user) {
        ApplicationView view = routing.transition(user, id, new ApplicationRouting.Request(request.action(),
                request.comment(), request.sectionComments(), request.formalReview(), request.extendedUntil()));
        return new TransitionResult(view.id(), view.status(), view.version());
    }

    @GetMapping("/{id}/history")
    @Operation(summary = "Every step of the application: at, actor, action, fromStatus, toStatus, comment")
    List<HistoryEntry> history(@PathVariable Long id, @AuthenticationPrincipal SilkGrantUser user) {
        return routing.history(user, id);
    }

    @GetMapping("/{id}/versions")
    @Operation(summary = "The submitted versions, each with its receipt number, time and SM3 digest")
    List<ApplicationManagement.VersionInfo> versions(@PathVariable Long id, @AuthenticationPrincipal SilkGrantUser user) {
        return applications.versions(user, id);
    }

    @GetMapping("/{id}/versions/{number}")
    @Operation(summary = "One submitted version as frozen in its snapshot")
    ApplicationView version(@PathVariable Long id, @PathVariable int number, @AuthenticationPrincipal SilkGrantUser user) {
        return applications.version(user, id, number);
    }

    @GetMapping("/{id}/diff")
    @PreAuthorize("@applicationManagement.visibleTo(principal, #id)")
    @Operation(summary = "Field by field what changed between two submitted versions (to=0: the leader's working copy)")
    List<VersionDiff.Change> diff(@PathVariable Long id, @RequestParam int from, @RequestParam int to,
            @AuthenticationPrincipal SilkGrantUser user) {
        return applications.diff(user, id, from, to);
    }

    @GetMapping("/queue")
    @Operation(summary = "What waits for the caller: an organisation admin's, a recommending department's or the office's "
            + "queue; 403 for every other role (applicants, experts, the three admins), as on the /queue page")
    List<ApplicationRouting.QueueRow> queue(@AuthenticationPrincipal SilkGrantUser user) {
        return routing.queue(user);
    }

    @GetMapping("/{id}/position")
    @Operation(summary = "Where the application is, who holds it, until when, and what the caller may do now")
    ApplicationRouting.Position position(@PathVariable Long id, @AuthenticationPrincipal SilkGrantUser user) {
        return routing.position(user, id);
    }
}
