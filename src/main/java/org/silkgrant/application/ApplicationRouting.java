package org.silkgrant.application;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.silkgrant.account.Role;
import org.silkgrant.account.SilkGrantUser;
import org.silkgrant.call.CallManagement;
import org.silkgrant.call.CallView;
import org.silkgrant.shared.FieldViolationException;
import org.silkgrant.shared.ForbiddenException;
import org.silkgrant.shared.StateConflictException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static org.silkgrant.application.ApplicationStatus.*;

/**
 * The application's way through the organisation, the recommending department and the office (ARCHITECTURE.md's
 * state machine). Every step names the role that may take it and the states it starts from; a user without that
 * role gets 403, a state the step does not start from 409, an application the user may not see 404. Deadlines are
 * enforced on the server to the second.
 */
@Service
public class ApplicationRouting {

    /** Longest comment kept with a step. */
    static final int COMMENT_MAX = 2000;

    /** One step of the state machine: who takes it, from which states, to which state. */
    record Step(Action action, Role role, Set<ApplicationStatus> from, ApplicationStatus to) {
    }

    /** What the office, the department and the organisation may do when the call has a recommending step. */
    static List<Step> steps(boolean recommendingStep) {
        ApplicationStatus officeReady = recommendingStep ? RECOMMENDED : ORG_APPROVED;
        List<Step> steps = new ArrayList<>(List.of(
                new Step(Action.SUBMIT, Role.APPLICANT, EnumSet.of(DRAFT, RETURNED), SUBMITTED),
                new Step(Action.WITHDRAW, Role.APPLICANT, EnumSet.of(DRAFT, SUBMITTED, ORG_APPROVED, RECOMMENDED, RETURNED),
                        WITHDRAWN),
                new Step(Action.APPROVE, Role.ORG_ADMIN, EnumSet.of(SUBMITTED), ORG_APPROVED),
                new Step(Action.RETURN, Role.ORG_ADMIN, EnumSet.of(SUBMITTED), RETURNED)));
        if (recommendingStep) {
            steps.add(new Step(Action.RECOMMEND, Role.RECOMMENDER, EnumSet.of(ORG_APPROVED), RECOMMENDED));
            steps.add(new Step(Action.RETURN, Role.RECOMMENDER, EnumSet.of(ORG_APPROVED), RETURNED));
        }
        steps.add(new Step(Action.ACCEPT, Role.PROGRAM_OFFICER, EnumSet.of(officeReady), ACCEPTED));
        steps.add(new Step(Action.REJECT, Role.PROGRAM_OFFICER, EnumSet.of(officeReady), FORMAL_REJECTED));
        steps.add(new Step(Action.RETURN, Role.PROGRAM_OFFICER, EnumSet.of(officeReady), RETURNED));
        steps.add(new Step(Action.EXTEND, Role.PROGRAM_OFFICER, EnumSet.of(DRAFT, RETURNED, SUBMITTED, ORG_APPROVED),
                null));
        // The funding decision and the award after the public notice (award module, docs/award.md).
        // The review module opens a review round (docs/review.md "Review rounds and assignment").
        steps.add(new Step(Action.START_REVIEW, Role.PROGRAM_OFFICER, EnumSet.of(ACCEPTED), UNDER_REVIEW));
        steps.add(new Step(Action.FUND, Role.PROGRAM_OFFICER, EnumSet.of(UNDER_REVIEW), APPROVED));
        steps.add(new Step(Action.DECLINE, Role.PROGRAM_OFFICER, EnumSet.of(UNDER_REVIEW), NOT_FUNDED));
        steps.add(new Step(Action.AWARD, Role.PROGRAM_OFFICER, EnumSet.of(APPROVED), AWARDED));
        return steps;
    }

    /** A request to take a step: the comment, the office's comments per section and formal review checklist. */
    public record Request(Action action, String comment, Map<String, String> sectionComments,
            Map<String, Boolean> formalReview, Instant extendedUntil) {

        public static Request of(Action action, String comment) {
            return new Request(action, comment, Map.of(), Map.of(), null);
        }
    }

    private final ApplicationManagement management;
    private final ApplicationRepository applications;
    private final ApplicationHistory history;
    private final CallManagement calls;
    private final Clock clock;
    private final TransitionRepository transitions;

    ApplicationRouting(ApplicationManagement management, ApplicationRepository applications, ApplicationHistory history,
            CallManagement calls, Clock clock, TransitionRepository transitions) {
        this.transitions = transitions;
        this.management = management;
        this.applications = applications;
        this.history = history;
        this.calls = calls;
        this.clock = clock;
    }

    /** Takes a step; returns the application as the user now sees it. */
    @Transactional
    public ApplicationView transition(SilkGrantUser user, Long id, Request request) {
        if (request == null || request.action() == null) {
            throw new FieldViolationException("action", "REQUIRED", "application.transition.action.REQUIRED");
        }
        if (request.action() == Action.SUBMIT) {
            throw new StateConflictException("application.transition.submitEndpoint");
        }
        if (Action.AWARD_STEPS.contains(request.action())) {
            throw new StateConflictException("application.transition.decisionEndpoint");
        }
        if (Action.REVIEW_STEPS.contains(request.action())) {
            throw new StateConflictException("application.transition.reviewEndpoint");
        }
        return take(user, id, request);
    }

    /**
     * The start of the expert review ({@link Action#START_REVIEW}), for the review module when it opens a round: the
     * office only, from ACCEPTED (403 / 409 otherwise).
     */
    @Transactional
    public ApplicationView startReview(SilkGrantUser user, Long id) {
        return take(user, id, Request.of(Action.START_REVIEW, null));
    }

    /**
     * The funding decision ({@link Action#FUND} or {@link Action#DECLINE}), for the award module, which records the
     * decision itself in the same transaction: the office only, from UNDER_REVIEW (403 / 409 otherwise).
     */
    @Transactional
    public ApplicationView decide(SilkGrantUser user, Long id, Action action, String comment) {
        if (action != Action.FUND && action != Action.DECLINE) {
            throw new IllegalArgumentException("not a decision: " + action);
        }
        return take(user, id, Request.of(action, comment));
    }

    /** The account the scheduled award acts as; it has no password and signs nobody in. */
    public static final SilkGrantUser SYSTEM = new SilkGrantUser(null, "system", "", "SilkGrant", null,
            Set.of(Role.PROGRAM_OFFICER), false, true, false);

    /**
     * The award after a public notice that ended without an upheld objection, taken by the award module's scheduled
     * job as {@link #SYSTEM}: APPROVED → AWARDED. False when the application is no longer APPROVED (already awarded
     * by another run), so the job is idempotent.
     */
    @Transactional
    public boolean award(Long id, String comment) {
        Application application = applications.findById(id)
                .orElseThrow(() -> new org.silkgrant.shared.NotFoundException("application.notFound"));
        if (application.status() != APPROVED) {
            return false;
        }
        Instant now = clock.instant();
        application.moved(AWARDED, now);
        applications.saveAndFlush(application);
        history.record(application, SYSTEM, Role.PROGRAM_OFFICER, Action.AWARD, APPROVED, comment, null, null, now, null);
        return true;
    }

    /** What the award module shows of an application it decides on or publishes, and whom it tells. */
    public record Decidable(Long id, String callCode, String title, String organizationName, String leaderName,
            String category, String scope, java.math.BigDecimal requestedFiscal, ApplicationStatus status,
            Long leaderId, Long organizationId) {
    }

    /** A call's applications in the given states, by id (no user's view: the award module checks the role). */
    @Transactional(readOnly = true)
    public List<Decidable> decidable(String callCode, java.util.Collection<ApplicationStatus> statuses) {
        return applications.findByCallCodeAndStatusInOrderById(callCode, statuses).stream()
                .map(ApplicationRouting::decidable).toList();
    }

    @Transactional(readOnly = true)
    public java.util.Optional<Decidable> decidable(Long id) {
        return applications.findById(id).map(ApplicationRouting::decidable);
    }

    private static Decidable decidable(Application a) {
        return new Decidable(a.id(), a.callCode(), a.title(), a.organizationName(), a.leaderName(), a.category(),
                a.scopeCode(), a.fiscal(), a.status(), a.leaderId(), a.organizationId());
    }

    private ApplicationView take(SilkGrantUser user, Long id, Request request) {
        Application application = actionable(user, id, request.action());
        CallView call = calls.get(application.callCode());
        boolean recommendingStep = !call.definition().recommendingDepartments().isEmpty();
        List<Step> mine = steps(recommendingStep).stream()
                .filter(s -> s.action() == request.action() && user.hasRole(s.role())).toList();
        if (mine.isEmpty()) {
            throw new ForbiddenException("application.transition.forbidden", Action.label(request.action()));
        }
        Step step = mine.stream().filter(s -> s.from().contains(application.status())).findFirst()
                .orElseThrow(() -> new StateConflictException("application.transition.notAllowed",
                        Action.label(request.action()), ApplicationStatus.label(application.status())));
        if (!ownsObject(user, application, step)) {
            throw new ForbiddenException("application.transition.forbidden", Action.label(request.action()));
        }
        String comment = comment(request);
        Instant now = clock.instant();
        Instant deadline = deadlineOf(step, call, application);
        if (deadline != null && !now.isBefore(deadline)) {
            throw new StateConflictException("application.transition.deadlinePassed",
                    call.local(deadline).toLocalDateTime().toString().replace('T', ' '));
        }
        Map<String, String> sectionComments = sectionComments(request, step);
        Map<String, Boolean> review = formalReview(request, step, call);
        ApplicationStatus from = application.status();
        Instant next;
        if (step.action() == Action.EXTEND) {
            Instant until = request.extendedUntil();
            if (until == null) {
                throw new FieldViolationException("extendedUntil", "REQUIRED", "application.extension.REQUIRED");
            }
            if (!until.isAfter(now)) {
                throw new FieldViolationException("extendedUntil", "PAST", "application.extension.PAST");
            }
            application.extendedUntil(until, now);
            next = until;
        } else {
            application.moved(step.to(), now);
            next = nextDeadline(step.to(), call, application);
        }
        applications.saveAndFlush(application);
        history.record(application, user, step.role(), step.action(), from, comment, sectionComments, review, now, next);
        return management.view(application, user);
    }

    /** The application's history, for those who may see it. */
    @Transactional(readOnly = true)
    public List<HistoryEntry> history(SilkGrantUser user, Long id) {
        management.visible(user, id);
        return history.of(id);
    }

    /** Where an application is, who holds it, until when, and what the user may do now. */
    public record Position(ApplicationStatus status, Role holder, Instant deadline, List<Action> actions,
            Instant extendedUntil, int submittedVersions, String recommendingDepartment) {
    }

    @Transactional(readOnly = true)
    public Position position(SilkGrantUser user, Long id) {
        Application application = management.visible(user, id);
        CallView call = calls.get(application.callCode());
        boolean recommendingStep = !call.definition().recommendingDepartments().isEmpty();
        List<Action> actions = new ArrayList<>();
        for (Step step : steps(recommendingStep)) {
            if (Action.AWARD_STEPS.contains(step.action()) || Action.REVIEW_STEPS.contains(step.action())) {
                continue;
            }
            if (user.hasRole(step.role()) && step.from().contains(application.status()) && ownsObject(user, application, step)
                    && !actions.contains(step.action())) {
                Instant deadline = deadlineOf(step, call, application);
                if (deadline == null || clock.instant().isBefore(deadline) || step.action() == Action.WITHDRAW
                        || step.action() == Action.EXTEND) {
                    actions.add(step.action());
                }
            }
        }
        Role holder = holder(application.status(), recommendingStep);
        return new Position(application.status(), holder, holder == null ? null : deadlineFor(holder, call, application),
                actions, application.extendedUntil(), application.submittedVersions(),
                application.recommendingDepartment());
    }

    /** Who has to act next in a state; null when nobody does (a final state or the review further on). */
    static Role holder(ApplicationStatus status, boolean recommendingStep) {
        return switch (status) {
            case DRAFT, RETURNED -> Role.APPLICANT;
            case SUBMITTED -> Role.ORG_ADMIN;
            case ORG_APPROVED -> recommendingStep ? Role.RECOMMENDER : Role.PROGRAM_OFFICER;
            case RECOMMENDED -> Role.PROGRAM_OFFICER;
            default -> null;
        };
    }

    private static Instant deadlineFor(Role holder, CallView call, Application application) {
        return switch (holder) {
            case APPLICANT -> Deadlines.submission(call, application);
            case ORG_ADMIN -> Deadlines.orgSignOff(call, application);
            case RECOMMENDER -> Deadlines.recommendation(call, application);
            default -> null;
        };
    }

    private static Instant nextDeadline(ApplicationStatus to, CallView call, Application application) {
        Role holder = holder(to, !call.definition().recommendingDepartments().isEmpty());
        return holder == null ? null : deadlineFor(holder, call, application);
    }

    /** The deadline a step must be taken before; none for the leader's withdrawal and the office's steps. */
    private static Instant deadlineOf(Step step, CallView call, Application application) {
        return switch (step.role()) {
            case ORG_ADMIN -> Deadlines.orgSignOff(call, application);
            case RECOMMENDER -> Deadlines.recommendation(call, application);
            default -> null;
        };
    }

    /**
     * The application for someone who wants to act on it: what they may read; for the office's extension also a
     * draft, which the office does not read but may give more time.
     */
    private Application actionable(SilkGrantUser user, Long id, Action action) {
        if (action == Action.EXTEND && user.hasRole(Role.PROGRAM_OFFICER)) {
            return applications.findLocked(id)
                    .orElseThrow(() -> new org.silkgrant.shared.NotFoundException("application.notFound"));
        }
        return management.lockedVisible(user, id);
    }

    /** Role alone is not enough: the leader of this application, an admin of its organisation, its department. */
    private static boolean ownsObject(SilkGrantUser user, Application application, Step step) {
        return switch (step.role()) {
            case APPLICANT -> java.util.Objects.equals(application.leaderId(), user.id());
            case ORG_ADMIN -> java.util.Objects.equals(application.organizationId(), user.organizationId());
            case RECOMMENDER -> user.departmentCode() != null
                    && user.departmentCode().equals(application.recommendingDepartment());
            default -> true;
        };
    }

    private static String comment(Request request) {
        String comment = request.comment() == null || request.comment().isBlank() ? null : request.comment().strip();
        if ((request.action() == Action.RETURN || request.action() == Action.REJECT) && comment == null) {
            throw new FieldViolationException("comment", "REQUIRED", "application.transition.comment.REQUIRED");
        }
        if (comment != null && comment.codePointCount(0, comment.length()) > COMMENT_MAX) {
            throw new FieldViolationException("comment", "TOO_LONG", "application.transition.comment.TOO_LONG",
                    COMMENT_MAX);
        }
        return comment;
    }

    private static Map<String, String> sectionComments(Request request, Step step) {
        Map<String, String> out = new LinkedHashMap<>();
        if (request.sectionComments() == null || step.action() != Action.RETURN) {
            return out;
        }
        request.sectionComments().forEach((section, text) -> {
            if (SectionName.of(section).isEmpty()) {
                throw new FieldViolationException("sectionComments." + section, "UNKNOWN",
                        "application.section.unknown", section);
            }
            if (text != null && !text.isBlank()) {
                String clean = text.strip();
                if (clean.codePointCount(0, clean.length()) > COMMENT_MAX) {
                    throw new FieldViolationException("sectionComments." + section, "TOO_LONG",
                            "application.transition.comment.TOO_LONG", COMMENT_MAX);
                }
                out.put(section, clean);
            }
        });
        return out;
    }

    private static Map<String, Boolean> formalReview(Request request, Step step, CallView call) {
        Map<String, Boolean> out = new LinkedHashMap<>();
        if (step.role() != Role.PROGRAM_OFFICER || step.action() == Action.EXTEND || request.formalReview() == null) {
            return out;
        }
        Set<String> known = new java.util.HashSet<>();
        call.definition().routing().formalReviewItems().forEach(i -> known.add(i.code()));
        request.formalReview().forEach((item, checked) -> {
            if (!known.contains(item)) {
                throw new FieldViolationException("formalReview." + item, "UNKNOWN", "application.formalReview.UNKNOWN",
                        item);
            }
            out.put(item, Boolean.TRUE.equals(checked));
        });
        return out;
    }

    /** The roles that have a queue (the /queue page and {@code GET /api/v1/applications/queue}); others get 403. */
    public static final Set<Role> QUEUE_ROLES = java.util.Collections.unmodifiableSet(
            EnumSet.of(Role.ORG_ADMIN, Role.RECOMMENDER, Role.PROGRAM_OFFICER));

    /** An application waiting for the user, with the deadline of their step. */
    public record QueueRow(Long id, String callCode, String title, String organizationName, String leaderName,
            String receiptNumber, Instant submittedAt, ApplicationStatus status, Instant deadline, int version) {
    }

    /**
     * What waits for the user: an organisation admin's submitted applications of the organisation, a recommending
     * department's signed-off applications that chose it, the office's applications ready for formal review;
     * oldest first. Any other role gets 403 (ForbiddenException), as on the page.
     */
    @Transactional(readOnly = true)
    public List<QueueRow> queue(SilkGrantUser user) {
        if (user == null || QUEUE_ROLES.stream().noneMatch(user::hasRole)) {
            // The same answer as the /queue page: a role that has no queue is refused, not shown an empty list.
            throw new ForbiddenException("routing.queue.forbidden");
        }
        List<QueueRow> rows = new ArrayList<>();
        for (CallView call : calls.calls()) {
            boolean recommendingStep = !call.definition().recommendingDepartments().isEmpty();
            if (user.hasRole(Role.ORG_ADMIN) && user.organizationId() != null) {
                applications.findTop500ByOrganizationIdAndStatusOrderBySubmittedAtAsc(user.organizationId(), SUBMITTED)
                        .stream().filter(a -> a.callCode().equals(call.code()))
                        .forEach(a -> rows.add(row(a, Deadlines.orgSignOff(call, a))));
            }
            if (user.hasRole(Role.RECOMMENDER) && recommendingStep && user.departmentCode() != null) {
                applications.findTop500ByRecommendingDepartmentAndStatusOrderBySubmittedAtAsc(user.departmentCode(),
                        ORG_APPROVED).stream().filter(a -> a.callCode().equals(call.code()))
                        .forEach(a -> rows.add(row(a, Deadlines.recommendation(call, a))));
            }
            if (user.hasRole(Role.PROGRAM_OFFICER)) {
                applications.findTop500ByCallCodeAndStatusOrderBySubmittedAtAsc(call.code(),
                        recommendingStep ? RECOMMENDED : ORG_APPROVED).forEach(a -> rows.add(row(a, null)));
            }
        }
        return rows;
    }

    private static QueueRow row(Application a, Instant deadline) {
        return new QueueRow(a.id(), a.callCode(), a.title(), a.organizationName(), a.leaderName(), a.receiptNumber(),
                a.submittedAt(), a.status(), deadline, a.submittedVersions());
    }

    /** The formal review items of the application's call with the automatic rule results beside them. */
    @Transactional(readOnly = true)
    public CallView callOf(SilkGrantUser user, Long id) {
        return calls.get(management.visible(user, id).callCode());
    }

    /** A step lately taken, for the office's dashboard. */
    public record RecentStep(Long applicationId, java.time.Instant at, String actorName, String role, Action action,
            ApplicationStatus toStatus) {
    }

    /** The office's latest steps across all applications (others see none). */
    @Transactional(readOnly = true)
    public List<RecentStep> recentSteps(SilkGrantUser user) {
        if (!user.hasRole(Role.PROGRAM_OFFICER)) {
            return List.of();
        }
        return transitions.findTop20ByOrderByIdDesc().stream()
                .map(t -> new RecentStep(t.applicationId(), t.at(), t.actorName(), t.role(), t.action(), t.toStatus()))
                .toList();
    }
}
