package org.silkgrant.review;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.silkgrant.account.Role;
import org.silkgrant.account.SilkGrantUser;
import org.silkgrant.application.ApplicationContent;
import org.silkgrant.application.ApplicationManagement;
import org.silkgrant.application.ApplicationManagement.ForReview;
import org.silkgrant.application.ApplicationRouting;
import org.silkgrant.application.ApplicationStatus;
import org.silkgrant.call.CallDefinition;
import org.silkgrant.call.CallManagement;
import org.silkgrant.call.CallView;
import org.silkgrant.review.assignment.Affinity;
import org.silkgrant.review.assignment.ApplicationProfile;
import org.silkgrant.review.assignment.Assignment;
import org.silkgrant.review.assignment.AssignmentRequest;
import org.silkgrant.review.assignment.Basis;
import org.silkgrant.review.assignment.Certainty;
import org.silkgrant.review.assignment.Conflict;
import org.silkgrant.review.assignment.ConflictReason;
import org.silkgrant.review.assignment.Conflicts;
import org.silkgrant.review.assignment.Evidence;
import org.silkgrant.review.assignment.ExpertAssignment;
import org.silkgrant.review.assignment.ExpertProfile;
import org.silkgrant.review.assignment.Organisation;
import org.silkgrant.review.assignment.Pair;
import org.silkgrant.review.assignment.Person;
import org.silkgrant.shared.FieldViolationException;
import org.silkgrant.shared.ForbiddenException;
import org.silkgrant.shared.NotFoundException;
import org.silkgrant.shared.StateConflictException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Review rounds and expert assignments (docs/review.md "Review rounds and assignment"): the office opens a round for
 * a call's accepted applications, which assigns experts optimally and conflict-free; adds and removes pairs by hand
 * with a reason; re-runs the round for the gaps. Experts confirm they have no conflict (the content opens) or
 * declare one (a gap for the re-run).
 */
@Service
public class ReviewManagement {

    /** Longest reason kept with a pair. */
    static final int REASON_MAX = 500;

    /** Most rows of each conflict list on the round page and in one API answer (the counts are always complete). */
    public static final int LIST_LIMIT = 200;

    /** Most rows one API answer may ask for. */
    public static final int API_LIMIT_MAX = 2000;

    private final ReviewRoundRepository rounds;
    private final ReviewAssignmentRepository assignments;
    private final ConflictDismissalRepository dismissals;
    private final ApplicationManagement applications;
    private final ApplicationRouting routing;
    private final CallManagement calls;
    private final ExpertManagement experts;
    private final ExpertAssignment solver;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final MessageSource messages;

    ReviewManagement(ReviewRoundRepository rounds, ReviewAssignmentRepository assignments,
            ConflictDismissalRepository dismissals, ApplicationManagement applications, ApplicationRouting routing,
            CallManagement calls, ExpertManagement experts, ExpertAssignment solver, Clock clock,
            ApplicationEventPublisher events, MessageSource messages) {
        this.rounds = rounds;
        this.assignments = assignments;
        this.dismissals = dismissals;
        this.applications = applications;
        this.routing = routing;
        this.calls = calls;
        this.experts = experts;
        this.solver = solver;
        this.clock = clock;
        this.events = events;
        this.messages = messages;
    }

    // ---------------------------------------------------------------- views

    public record RoundView(Long id, String callCode, int number, int expertsPerApplication, int maxPerExpert,
            Instant deadline, String status, Instant createdAt, String createdBy) {
    }

    /** One pair as the office sees it. */
    public record AssignmentView(Long id, Long roundId, Long applicationId, String applicationTitle, Long expertId,
            String expertName, String expertOrganization, int affinity, String status, String origin, String reason,
            Instant confirmedAt, Instant declinedAt, Instant createdAt, String createdBy) {
    }

    /**
     * An application with fewer live pairs than k: {@code open} slots a re-run can fill, and when it cannot fill
     * them all, {@code explanation} (translated) says why — counts from {@link Assignment.Shortfall}.
     */
    public record ShortfallView(Long applicationId, String applicationTitle, int assigned, int wanted, int fillable,
            String explanation) {
    }

    /**
     * A round as the office sees it: applications and experts taken into account, filled slots of wanted, the total
     * affinity of the live pairs, whether the solver proved the gap filling optimal, shortfalls and pairs.
     */
    public record RoundSummary(RoundView round, int applications, int experts, int slotsWanted, int slotsFilled,
            long totalAffinity, boolean optimal, List<ShortfallView> shortfalls, List<AssignmentView> assignments) {
    }

    /**
     * A conflicted pair of the call: every reason (codes and translated), whether it is {@code CERTAIN} (any certain
     * reason: never assigned, never dismissed) or only {@code POSSIBLE}, whether it keeps the pair out of the
     * assignment now ({@code excluded}: false once every possible reason is dismissed), what matched ({@code evidence}),
     * and the officer's dismissal in force, if any.
     */
    public record ConflictView(Long applicationId, String applicationTitle, Long expertId, String expertName,
            List<String> reasons, String reasonText, String certainty, boolean excluded, List<EvidenceView> evidence,
            DismissalView dismissal) {
    }

    /**
     * One rule that held for a pair, in words ({@code text}: both names and both codes and what matched); {@code
     * reason} and {@code basis} are the codes, {@code certainty} CERTAIN or POSSIBLE.
     */
    public record EvidenceView(String reason, String certainty, String basis, String text) {
    }

    /** The officer's dismissal of a pair's possible conflict: what it covers, why, who and when; and its withdrawal. */
    public record DismissalView(Long id, String callCode, Long applicationId, String applicationTitle, Long expertId,
            String expertName, List<String> reasons, String reason, Instant dismissedAt, String dismissedBy,
            Instant withdrawnAt, String withdrawnBy) {
    }

    /**
     * A conflict an expert declared: {@code ASSIGNMENT} when they declined an assignment (with the round's number), or
     * {@code PROFILE} when a declaration of their profile touches the application ({@code declared} names the
     * organisation or person declared). Who, which application, the reason and when.
     */
    public record DeclaredView(String source, Long applicationId, String applicationTitle, Long expertId,
            String expertName, String declared, String reason, Instant declaredAt, Integer roundNumber) {
    }

    /**
     * Every conflict of the call as the round page shows it: the counts in full (certain pairs, possible-only pairs
     * and how many of those still exclude their pair, declared conflicts), and at most {@link #LIST_LIMIT} rows of each
     * list.
     */
    public record ConflictOverview(int certainCount, int possibleCount, int possibleOpenCount, int declaredCount,
            int limit, List<ConflictView> certain, List<ConflictView> possible, List<DeclaredView> declared) {

        /** Every conflict counted: the page says "none found" only when this is 0. */
        public int total() {
            return certainCount + possibleCount + declaredCount;
        }
    }

    /** One page of a list and the number of all its rows. */
    public record Slice<T>(long total, List<T> items) {
    }

    /**
     * Who takes part in an application, from its latest submitted snapshot: what an expert needs to know to declare a
     * conflict, and nothing of the content (no narrative, budget or summary).
     */
    public record Parties(String applicant, List<String> coApplicants, List<PartnerParty> partners,
            List<MemberParty> team) {
    }

    /** A foreign partner institution (ISO country code) and its named people. */
    public record PartnerParty(String name, String country, List<PartnerPersonParty> people) {
    }

    /** A partner's named person and their position. */
    public record PartnerPersonParty(String fullName, String position) {
    }

    /** A team member and the organisation they work for (null when the application gives none). */
    public record MemberParty(String fullName, String organization) {
    }

    /** One of the expert's own assignments, with who takes part in the application. */
    public record MyAssignment(Long id, Long applicationId, String applicationTitle, String callCode, Long roundId,
            Instant deadline, String status, Instant confirmedAt, boolean readable, Parties parties) {
    }

    // ---------------------------------------------------------------- office

    /**
     * Opens a review round: every ACCEPTED application of the call goes UNDER_REVIEW, the deadline is now plus the
     * call's review period, and the solver assigns k experts per application, at most m per expert.
     */
    @Transactional
    public RoundSummary open(SilkGrantUser user, String callCode, String clientAddress) {
        office(user);
        CallView call = calls.get(callCode);
        Optional<ReviewRound> last = rounds.findTopByCallCodeOrderByNumberDesc(call.code());
        if (last.isPresent() && last.get().status() == ReviewRound.Status.OPEN) {
            throw new StateConflictException("review.round.alreadyOpen", last.get().number());
        }
        List<ForReview> accepted = applications.forReview(call.code(), EnumSet.of(ApplicationStatus.ACCEPTED));
        if (accepted.isEmpty()) {
            throw new StateConflictException("review.round.nothingAccepted", call.code());
        }
        CallDefinition.Review review = call.definition().review();
        Instant now = clock.instant();
        ReviewRound round = rounds.saveAndFlush(new ReviewRound(call.code(), last.map(r -> r.number() + 1).orElse(1),
                review.expertsPerApplication(), review.maxApplicationsPerExpert(), now.plus(review.reviewPeriod()), now,
                user.getUsername()));
        for (ForReview application : accepted) {
            routing.startReview(user, application.id());
        }
        Assignment result = solve(round, user, clientAddress, now);
        events.publishEvent(new ReviewEvent(user.getUsername(), Role.PROGRAM_OFFICER.name(), "REVIEW_ROUND_OPENED",
                "REVIEW_ROUND", round.id(), clientAddress, "SUCCESS", call.code() + " round " + round.number() + ": "
                        + accepted.size() + " applications, " + result.slotsFilled() + "/" + result.slotsWanted()
                        + " slots, optimal " + result.optimal()));
        return summary(round, result.optimal());
    }

    /** Re-runs a round for its gaps: live pairs stay, removed and declined ones are forbidden. */
    @Transactional
    public RoundSummary rerun(SilkGrantUser user, Long roundId, String clientAddress) {
        office(user);
        ReviewRound round = openRound(roundId);
        Assignment result = solve(round, user, clientAddress, clock.instant());
        events.publishEvent(new ReviewEvent(user.getUsername(), Role.PROGRAM_OFFICER.name(), "REVIEW_ROUND_RERUN",
                "REVIEW_ROUND", round.id(), clientAddress, "SUCCESS", result.pairs().stream()
                        .filter(p -> p.origin() == Assignment.Origin.SOLVED).count() + " pairs added, "
                        + result.slotsFilled() + "/" + result.slotsWanted() + " slots, optimal " + result.optimal()));
        return summary(round, result.optimal());
    }

    /** The latest round of the call, with its pairs and shortfalls. */
    @Transactional(readOnly = true)
    public Optional<RoundSummary> current(SilkGrantUser user, String callCode) {
        office(user);
        CallView call = calls.get(callCode);
        return rounds.findTopByCallCodeOrderByNumberDesc(call.code()).map(r -> summary(r, null));
    }

    @Transactional(readOnly = true)
    public RoundSummary round(SilkGrantUser user, Long roundId) {
        office(user);
        return summary(rounds.findById(roundId).orElseThrow(() -> new NotFoundException("review.round.notFound")),
                null);
    }

    /**
     * The conflicted pairs of the call's accepted and reviewed applications with the active experts, certain and
     * possible ({@code certainty} null for both), from {@code offset}, at most {@code limit} (1 … {@link
     * #API_LIMIT_MAX}), with the number of all of them.
     */
    @Transactional(readOnly = true)
    public Slice<ConflictView> conflicts(SilkGrantUser user, String callCode, Certainty certainty, int offset,
            int limit) {
        office(user);
        if (offset < 0) {
            throw new FieldViolationException("offset", "RANGE", "review.list.offset.RANGE");
        }
        if (limit < 1 || limit > API_LIMIT_MAX) {
            throw new FieldViolationException("limit", "RANGE", "review.list.limit.RANGE", API_LIMIT_MAX);
        }
        CallConflicts call = callConflicts(calls.get(callCode).code());
        List<Conflict> all = call.raw().all().stream()
                .filter(c -> certainty == null || (c.certain() ? Certainty.CERTAIN : Certainty.POSSIBLE) == certainty)
                .toList();
        Locale locale = LocaleContextHolder.getLocale();
        List<ConflictView> page = all.stream().skip(offset).limit(limit).map(c -> view(c, call, locale)).toList();
        return new Slice<>(all.size(), page);
    }

    /**
     * What the round page shows of the call's conflicts: certain pairs, possible-only pairs with their dismissal, and
     * the conflicts experts declared (declined assignments of every round of the call, and profile declarations that
     * touch an application), each counted in full and listed up to {@link #LIST_LIMIT} rows.
     */
    @Transactional(readOnly = true)
    public ConflictOverview conflictOverview(SilkGrantUser user, String callCode) {
        office(user);
        CallConflicts call = callConflicts(calls.get(callCode).code());
        Locale locale = LocaleContextHolder.getLocale();
        List<Conflict> certain = new ArrayList<>();
        List<Conflict> possible = new ArrayList<>();
        int open = 0;
        for (Conflict c : call.raw().all()) {
            if (c.certain()) {
                certain.add(c);
            } else {
                possible.add(c);
                if (call.effective().conflicted(c.applicationId(), c.expertId())) {
                    open++;
                }
            }
        }
        List<DeclaredView> declared = declared(call);
        return new ConflictOverview(certain.size(), possible.size(), open, declared.size(), LIST_LIMIT,
                certain.stream().limit(LIST_LIMIT).map(c -> view(c, call, locale)).toList(),
                possible.stream().limit(LIST_LIMIT).map(c -> view(c, call, locale)).toList(),
                declared.stream().limit(LIST_LIMIT).toList());
    }

    /** The conflicts experts declared, as {@link #conflictOverview} lists them, from offset, at most limit. */
    @Transactional(readOnly = true)
    public Slice<DeclaredView> declaredConflicts(SilkGrantUser user, String callCode, int offset, int limit) {
        office(user);
        if (offset < 0) {
            throw new FieldViolationException("offset", "RANGE", "review.list.offset.RANGE");
        }
        if (limit < 1 || limit > API_LIMIT_MAX) {
            throw new FieldViolationException("limit", "RANGE", "review.list.limit.RANGE", API_LIMIT_MAX);
        }
        List<DeclaredView> all = declared(callConflicts(calls.get(callCode).code()));
        return new Slice<>(all.size(), all.stream().skip(offset).limit(limit).toList());
    }

    /**
     * The officer dismisses a pair's possible conflict with a reason: the pair may then be assigned (solver and by
     * hand). Refused (409) when the pair has a certain reason, has no possible one, or is dismissed already; 422 for a
     * missing reason or a pair outside the call's accepted and reviewed applications and active experts.
     */
    @Transactional
    public DismissalView dismiss(SilkGrantUser user, String callCode, Long applicationId, Long expertId, String reason,
            String clientAddress) {
        office(user);
        CallView call = calls.get(callCode);
        String why = reason(reason);
        if (applicationId == null) {
            throw new FieldViolationException("applicationId", "REQUIRED", "review.add.applicationId.REQUIRED");
        }
        if (expertId == null) {
            throw new FieldViolationException("expertId", "REQUIRED", "review.add.expertId.REQUIRED");
        }
        ForReview application = applications.forReview(List.of(applicationId)).stream()
                .filter(a -> a.callCode().equals(call.code()))
                .filter(a -> a.status() == ApplicationStatus.ACCEPTED || a.status() == ApplicationStatus.UNDER_REVIEW)
                .findFirst().orElseThrow(() -> new FieldViolationException("applicationId", "NOT_IN_CALL",
                        "review.dismiss.notInCall"));
        ExpertView expert = experts.find(expertId).filter(ExpertView::active)
                .orElseThrow(() -> new FieldViolationException("expertId", "UNKNOWN", "review.add.unknownExpert"));
        Set<ConflictReason> reasons = solver.conflicts(List.of(profile(application)), List.of(profile(expert)))
                .reasons(applicationId, expertId);
        Locale locale = LocaleContextHolder.getLocale();
        if (reasons.isEmpty()) {
            throw new StateConflictException("review.dismiss.none", expert.fullName());
        }
        if (reasons.stream().anyMatch(r -> r.certainty() == Certainty.CERTAIN)) {
            throw new StateConflictException("review.dismiss.certain", expert.fullName(),
                    reasonText(certainOnly(reasons), locale));
        }
        Set<ConflictReason> covered = EnumSet.noneOf(ConflictReason.class);
        dismissals.findByApplicationIdAndExpertIdAndWithdrawnAtIsNull(applicationId, expertId)
                .forEach(d -> covered.addAll(d.covered()));
        if (covered.containsAll(reasons)) {
            throw new StateConflictException("review.dismiss.already", expert.fullName());
        }
        ConflictDismissal saved = dismissals.saveAndFlush(new ConflictDismissal(call.code(), applicationId, expertId,
                reasons, why, clock.instant(), user.getUsername()));
        events.publishEvent(new ReviewEvent(user.getUsername(), Role.PROGRAM_OFFICER.name(),
                "REVIEW_CONFLICT_DISMISSED", "REVIEW_CONFLICT_DISMISSAL", saved.id(), clientAddress, "SUCCESS",
                "application " + applicationId + ", expert " + expertId + ": " + sorted(reasons).stream()
                        .map(Enum::name).collect(Collectors.joining(","))));
        return view(saved, title(applicationId, application), Map.of(expertId, expert));
    }

    /**
     * The officer withdraws a dismissal: the pair is excluded again, and a live assignment of it that waits or was
     * confirmed is removed (unless another dismissal in force still covers it). Refused (409) when already withdrawn or
     * when the expert has submitted the review of the pair.
     */
    @Transactional
    public DismissalView withdrawDismissal(SilkGrantUser user, Long dismissalId, String clientAddress) {
        office(user);
        ConflictDismissal dismissal = dismissals.findById(dismissalId)
                .orElseThrow(() -> new NotFoundException("review.dismiss.notFound"));
        if (!dismissal.active()) {
            throw new StateConflictException("review.dismiss.withdrawn");
        }
        List<ReviewAssignment> pairs = assignments.findByApplicationIdAndExpertIdOrderById(dismissal.applicationId(),
                dismissal.expertId()).stream().filter(ReviewAssignment::live).toList();
        if (pairs.stream().anyMatch(p -> p.status() == ReviewAssignment.Status.SUBMITTED)) {
            throw new StateConflictException("review.dismiss.submitted");
        }
        Instant now = clock.instant();
        dismissal.withdraw(now, user.getUsername());
        dismissals.saveAndFlush(dismissal);
        boolean stillAllowed = pairConflicts(dismissal.applicationId(), dismissal.expertId())
                .map(c -> !c.conflicted(dismissal.applicationId(), dismissal.expertId())).orElse(true);
        if (!stillAllowed) {
            String why = messages.getMessage("review.dismiss.removedPair", null, LocaleContextHolder.getLocale());
            for (ReviewAssignment pair : pairs) {
                pair.remove(why);
                assignments.save(pair);
                events.publishEvent(new ReviewEvent(user.getUsername(), Role.PROGRAM_OFFICER.name(),
                        "REVIEW_ASSIGNMENT_REMOVED", "REVIEW_ASSIGNMENT", pair.id(), clientAddress, "SUCCESS",
                        "application " + pair.applicationId() + ", expert " + pair.expertId()
                                + ": possible conflict no longer dismissed"));
            }
            assignments.flush();
        }
        events.publishEvent(new ReviewEvent(user.getUsername(), Role.PROGRAM_OFFICER.name(),
                "REVIEW_CONFLICT_DISMISSAL_WITHDRAWN", "REVIEW_CONFLICT_DISMISSAL", dismissal.id(), clientAddress,
                "SUCCESS", "application " + dismissal.applicationId() + ", expert " + dismissal.expertId()));
        return view(dismissal, titles(dismissal.applicationId()),
                experts.find(dismissal.expertId()).map(e -> Map.of(e.id(), e)).orElse(Map.of()));
    }

    /** The call's dismissals, in force and withdrawn, newest first, at most {@link #LIST_LIMIT}. */
    @Transactional(readOnly = true)
    public List<DismissalView> dismissals(SilkGrantUser user, String callCode) {
        office(user);
        CallView call = calls.get(callCode);
        List<ConflictDismissal> found = dismissals.findByCallCodeOrderByIdDesc(call.code(),
                org.springframework.data.domain.Limit.of(LIST_LIMIT));
        Map<Long, String> titles = new HashMap<>();
        routing.decidable(call.code(), EnumSet.allOf(ApplicationStatus.class)).forEach(d -> titles.put(d.id(), d.title()));
        Map<Long, ExpertView> byId = new HashMap<>();
        found.forEach(d -> byId.computeIfAbsent(d.expertId(), id -> experts.find(id).orElse(null)));
        return found.stream().map(d -> view(d, titles, byId)).toList();
    }

    /**
     * The officer adds a pair by hand with a reason. Refused (409) when the pair conflicts (the message names the
     * reasons), when the expert declared a conflict with it, when it exists already, and when the expert already
     * holds m applications of the round (the cap is the call's, the officer cannot exceed it).
     */
    @Transactional
    public AssignmentView add(SilkGrantUser user, Long roundId, Long applicationId, Long expertId, String reason,
            String clientAddress) {
        office(user);
        ReviewRound round = openRound(roundId);
        String why = reason(reason);
        if (applicationId == null) {
            throw new FieldViolationException("applicationId", "REQUIRED", "review.add.applicationId.REQUIRED");
        }
        if (expertId == null) {
            throw new FieldViolationException("expertId", "REQUIRED", "review.add.expertId.REQUIRED");
        }
        ForReview application = roundApplications(round).stream().filter(a -> a.id().equals(applicationId))
                .findFirst().orElseThrow(() -> new FieldViolationException("applicationId", "NOT_IN_ROUND",
                        "review.add.notInRound"));
        ExpertView expert = experts.find(expertId).filter(ExpertView::active)
                .orElseThrow(() -> new FieldViolationException("expertId", "UNKNOWN", "review.add.unknownExpert"));
        List<ReviewAssignment> pairs = assignments.findByRoundIdOrderByApplicationIdAscIdAsc(round.id());
        for (ReviewAssignment p : pairs) {
            if (p.applicationId().equals(applicationId) && p.expertId().equals(expertId)) {
                if (p.live()) {
                    throw new StateConflictException("review.add.duplicate", expert.fullName());
                }
                if (p.status() == ReviewAssignment.Status.DECLINED) {
                    throw new StateConflictException("review.add.declined", expert.fullName());
                }
            }
        }
        ApplicationProfile a = profile(application);
        ExpertProfile e = profile(expert);
        Set<ConflictReason> reasons = solver.conflicts(List.of(a), List.of(e))
                .withDismissed(dismissedOf(pairDismissals(applicationId, expertId)))
                .reasons(applicationId, expertId);
        if (reasons.stream().anyMatch(r -> r.certainty() == Certainty.CERTAIN)) {
            throw new StateConflictException("review.add.conflict", expert.fullName(),
                    reasonText(certainOnly(reasons), LocaleContextHolder.getLocale()));
        }
        if (!reasons.isEmpty()) {
            throw new StateConflictException("review.add.possibleConflict", expert.fullName(),
                    reasonText(reasons, LocaleContextHolder.getLocale()));
        }
        long held = pairs.stream().filter(p -> p.live() && p.expertId().equals(expertId)).count();
        if (held >= round.maxPerExpert()) {
            throw new StateConflictException("review.add.atCapacity", expert.fullName(), round.maxPerExpert());
        }
        ReviewAssignment saved = assignments.saveAndFlush(new ReviewAssignment(round.id(), applicationId, expertId,
                Affinity.score(a, e), ReviewAssignment.Origin.MANUAL, why, clock.instant(), user.getUsername()));
        events.publishEvent(new ExpertsAssigned(round.callCode(), round.id(), round.number(), round.deadline(),
                Map.of(expert.userId(), 1), clock.instant()));
        events.publishEvent(new ReviewEvent(user.getUsername(), Role.PROGRAM_OFFICER.name(), "REVIEW_ASSIGNMENT_ADDED",
                "REVIEW_ASSIGNMENT", saved.id(), clientAddress, "SUCCESS",
                "application " + applicationId + ", expert " + expertId));
        return view(saved, Map.of(applicationId, application.title()), Map.of(expertId, expert));
    }

    /** The officer removes a live pair (not one whose review is submitted) with a reason: REMOVED. */
    @Transactional
    public AssignmentView remove(SilkGrantUser user, Long assignmentId, String reason, String clientAddress) {
        office(user);
        String why = reason(reason);
        ReviewAssignment pair = assignments.findById(assignmentId)
                .orElseThrow(() -> new NotFoundException("review.assignment.notFound"));
        openRound(pair.roundId());
        if (pair.status() != ReviewAssignment.Status.ASSIGNED && pair.status() != ReviewAssignment.Status.CONFIRMED) {
            throw new StateConflictException("review.remove.wrongState", status(pair.status()));
        }
        pair.remove(why);
        assignments.saveAndFlush(pair);
        events.publishEvent(new ReviewEvent(user.getUsername(), Role.PROGRAM_OFFICER.name(),
                "REVIEW_ASSIGNMENT_REMOVED", "REVIEW_ASSIGNMENT", pair.id(), clientAddress, "SUCCESS",
                "application " + pair.applicationId() + ", expert " + pair.expertId()));
        return view(pair, titles(pair.applicationId()), expertsById(List.of(pair)));
    }

    // ---------------------------------------------------------------- expert

    /** The expert's own pairs (not the removed ones), newest first. */
    @Transactional(readOnly = true)
    public List<MyAssignment> mine(SilkGrantUser user) {
        Optional<ExpertView> expert = experts.findByUser(user.id());
        if (expert.isEmpty()) {
            return List.of();
        }
        List<ReviewAssignment> pairs = assignments.findByExpertIdAndStatusInOrderByIdDesc(expert.get().id(),
                EnumSet.of(ReviewAssignment.Status.ASSIGNED, ReviewAssignment.Status.CONFIRMED,
                        ReviewAssignment.Status.DECLINED, ReviewAssignment.Status.SUBMITTED));
        Map<Long, ReviewRound> roundsById = new HashMap<>();
        Map<Long, Parties> parties = new HashMap<>();
        applications.forReview(pairs.stream().map(ReviewAssignment::applicationId).collect(Collectors.toSet()))
                .forEach(a -> parties.put(a.id(), parties(a)));
        List<MyAssignment> out = new ArrayList<>();
        for (ReviewAssignment p : pairs) {
            ReviewRound round = roundsById.computeIfAbsent(p.roundId(), id -> rounds.findById(id).orElseThrow());
            ApplicationRouting.Decidable application = routing.decidable(p.applicationId()).orElseThrow();
            out.add(new MyAssignment(p.id(), p.applicationId(), application.title(), round.callCode(), round.id(),
                    round.deadline(), p.status().name(), p.confirmedAt(),
                    ReviewAssignment.Status.READING.contains(p.status()), parties.get(p.applicationId())));
        }
        return out;
    }

    /**
     * For deciding before a request's body is read: true when the assignment is the expert's own (not removed);
     * {@code 404} otherwise.
     */
    @Transactional(readOnly = true)
    public boolean assignedTo(SilkGrantUser user, Long assignmentId) {
        own(user, assignmentId);
        return true;
    }

    private ReviewAssignment own(SilkGrantUser user, Long assignmentId) {
        ExpertView expert = experts.findByUser(user.id())
                .orElseThrow(() -> new NotFoundException("review.assignment.notFound"));
        return (assignmentId == null ? java.util.Optional.<ReviewAssignment>empty() : assignments.findById(assignmentId))
                .filter(p -> p.expertId().equals(expert.id()))
                .filter(p -> p.status() != ReviewAssignment.Status.REMOVED)
                .orElseThrow(() -> new NotFoundException("review.assignment.notFound"));
    }

    /** One of the expert's own assignments; another expert's (or a removed one) is 404. */
    @Transactional(readOnly = true)
    public MyAssignment mine(SilkGrantUser user, Long assignmentId) {
        return mine(user).stream().filter(m -> m.id().equals(assignmentId)).findFirst()
                .orElseThrow(() -> new NotFoundException("review.assignment.notFound"));
    }

    /**
     * The expert's declaration before the content opens: no conflict (CONFIRMED, stamped) or a conflict with a
     * reason (DECLINED: a gap the office fills by re-running). Another expert's pair is 404, a second declaration 409.
     */
    @Transactional
    public MyAssignment declare(SilkGrantUser user, Long assignmentId, Boolean noConflict, String reason,
            String clientAddress) {
        ExpertView expert = experts.findByUser(user.id())
                .orElseThrow(() -> new NotFoundException("review.assignment.notFound"));
        ReviewAssignment pair = own(user, assignmentId);
        if (noConflict == null) {
            throw new FieldViolationException("noConflict", "REQUIRED", "review.declaration.noConflict.REQUIRED");
        }
        if (pair.status() != ReviewAssignment.Status.ASSIGNED) {
            throw new StateConflictException("review.declaration.done", status(pair.status()));
        }
        Instant now = clock.instant();
        if (noConflict) {
            pair.confirm(now);
        } else {
            pair.decline(reason(reason), now);
        }
        assignments.saveAndFlush(pair);
        events.publishEvent(new ReviewEvent(user.getUsername(), Role.EXPERT.name(),
                noConflict ? "REVIEW_CONFLICT_CONFIRMED_NONE" : "REVIEW_CONFLICT_DECLARED", "REVIEW_ASSIGNMENT",
                pair.id(), clientAddress, "SUCCESS", "application " + pair.applicationId()));
        MyAssignment declared = mine(user).stream().filter(m -> m.id().equals(pair.id())).findFirst().orElseThrow();
        if (!noConflict) {
            events.publishEvent(new ReviewConflictDeclared(declared.callCode(), pair.roundId(), pair.applicationId(),
                    declared.applicationTitle(), expert.fullName(), pair.reason()));
        }
        return declared;
    }

    // ---------------------------------------------------------------- inside

    private static void office(SilkGrantUser user) {
        if (user == null || !user.hasRole(Role.PROGRAM_OFFICER)) {
            throw new ForbiddenException("review.officeOnly");
        }
    }

    private ReviewRound openRound(Long roundId) {
        ReviewRound round = rounds.findById(roundId)
                .orElseThrow(() -> new NotFoundException("review.round.notFound"));
        if (round.status() != ReviewRound.Status.OPEN) {
            throw new StateConflictException("review.round.closed", round.number());
        }
        return round;
    }

    private static String reason(String reason) {
        String clean = reason == null ? "" : reason.strip();
        if (clean.isEmpty()) {
            throw new FieldViolationException("reason", "REQUIRED", "review.reason.REQUIRED");
        }
        if (clean.codePointCount(0, clean.length()) > REASON_MAX) {
            throw new FieldViolationException("reason", "TOO_LONG", "review.reason.TOO_LONG", REASON_MAX);
        }
        return clean;
    }

    /** The round's applications: the call's applications under review that no other round of the call holds. */
    private List<ForReview> roundApplications(ReviewRound round) {
        Set<Long> elsewhere = new HashSet<>(assignments.applicationsOfOtherRounds(round.callCode(), round.id()));
        return applications.forReview(round.callCode(), EnumSet.of(ApplicationStatus.UNDER_REVIEW)).stream()
                .filter(a -> !elsewhere.contains(a.id())).toList();
    }

    /** Runs the solver with the live pairs kept and the removed and declined ones forbidden; stores new pairs. */
    private Assignment solve(ReviewRound round, SilkGrantUser user, String clientAddress, Instant now) {
        Run run = run(round);
        for (Assignment.AssignedPair p : run.result().pairs()) {
            if (p.origin() == Assignment.Origin.SOLVED) {
                assignments.save(new ReviewAssignment(round.id(), p.applicationId(), p.expertId(), p.affinity(),
                        ReviewAssignment.Origin.SOLVER, null, now, user.getUsername()));
            }
        }
        Map<Long, Long> userOfExpert = run.experts().stream()
                .collect(Collectors.toMap(ExpertView::id, ExpertView::userId, (a, b) -> a));
        Map<Long, Integer> newByUser = new java.util.TreeMap<>();
        run.result().pairs().stream().filter(p -> p.origin() == Assignment.Origin.SOLVED)
                .map(p -> userOfExpert.get(p.expertId())).filter(java.util.Objects::nonNull)
                .forEach(userId -> newByUser.merge(userId, 1, Integer::sum));
        if (!newByUser.isEmpty()) {
            events.publishEvent(new ExpertsAssigned(round.callCode(), round.id(), round.number(), round.deadline(),
                    newByUser, now));
        }
        for (Pair dropped : run.result().droppedKept()) {
            run.pairs().stream().filter(p -> p.live() && p.applicationId() == dropped.applicationId()
                    && p.expertId() == dropped.expertId()).forEach(p -> {
                        p.remove("conflict of interest found on re-run");
                        assignments.save(p);
                    });
        }
        assignments.flush();
        return run.result();
    }

    private record Run(List<ForReview> applications, List<ExpertView> experts, List<ReviewAssignment> pairs,
            Assignment result) {
    }

    private Run run(ReviewRound round) {
        List<ForReview> apps = roundApplications(round);
        List<ExpertView> pool = experts.activeExperts();
        List<ReviewAssignment> pairs = assignments.findByRoundIdOrderByApplicationIdAscIdAsc(round.id());
        Set<Long> appIds = apps.stream().map(ForReview::id).collect(Collectors.toSet());
        Set<Long> expertIds = pool.stream().map(ExpertView::id).collect(Collectors.toSet());
        Set<Pair> kept = new LinkedHashSet<>();
        Set<Pair> forbidden = new LinkedHashSet<>();
        for (ReviewAssignment p : pairs) {
            if (!appIds.contains(p.applicationId()) || !expertIds.contains(p.expertId())) {
                continue;
            }
            Pair pair = new Pair(p.applicationId(), p.expertId());
            if (p.live()) {
                kept.add(pair);
            } else {
                forbidden.add(pair);
            }
        }
        forbidden.removeAll(kept);
        AssignmentRequest request = AssignmentRequest.of(apps.stream().map(ReviewManagement::profile).toList(),
                pool.stream().map(ReviewManagement::profile).toList(), round.expertsPerApplication(),
                round.maxPerExpert()).withKept(kept).withForbidden(forbidden);
        // Possible conflicts exclude their pair until the officer dismissed them; certain ones always do.
        Conflicts conflicts = solver.conflicts(request.applications(), request.experts())
                .withDismissed(dismissedOf(dismissals.findByCallCodeAndWithdrawnAtIsNullOrderById(round.callCode())));
        return new Run(apps, pool, pairs, solver.assign(request, conflicts));
    }

    private RoundSummary summary(ReviewRound round, Boolean optimal) {
        Run run = run(round);
        Locale locale = LocaleContextHolder.getLocale();
        Map<Long, String> titles = new HashMap<>();
        routing.decidable(round.callCode(), EnumSet.allOf(ApplicationStatus.class))
                .forEach(d -> titles.put(d.id(), d.title()));
        Map<Long, ExpertView> byId = expertsById(run.pairs());
        run.experts().forEach(e -> byId.putIfAbsent(e.id(), e));
        Map<Long, Integer> live = new HashMap<>();
        long total = 0;
        for (ReviewAssignment p : run.pairs()) {
            if (p.live()) {
                live.merge(p.applicationId(), 1, Integer::sum);
                total += p.affinity();
            }
        }
        Map<Long, Assignment.Shortfall> unfillable = run.result().shortfalls().stream()
                .collect(Collectors.toMap(Assignment.Shortfall::applicationId, s -> s));
        int k = round.expertsPerApplication();
        List<ShortfallView> shortfalls = new ArrayList<>();
        int filled = 0;
        for (ForReview a : run.applications()) {
            int assigned = live.getOrDefault(a.id(), 0);
            filled += Math.min(assigned, k);
            if (assigned >= k) {
                continue;
            }
            Assignment.Shortfall s = unfillable.get(a.id());
            int fillable = s == null ? k - assigned : Math.max(0, s.assigned() - assigned);
            String explanation = s == null
                    ? messages.getMessage("review.shortfall.fillable", new Object[] {k - assigned}, locale)
                    : explain(s, locale);
            shortfalls.add(new ShortfallView(a.id(), a.title(), assigned, k, fillable, explanation));
        }
        List<AssignmentView> views = run.pairs().stream().map(p -> view(p, titles, byId)).toList();
        RoundView roundView = new RoundView(round.id(), round.callCode(), round.number(), k, round.maxPerExpert(),
                round.deadline(), round.status().name(), round.createdAt(), round.createdBy());
        return new RoundSummary(roundView, run.applications().size(), run.experts().size(),
                run.applications().size() * k, filled, total, optimal == null ? run.result().optimal() : optimal,
                shortfalls, views);
    }

    private String explain(Assignment.Shortfall s, Locale locale) {
        String byReason = s.conflictsByReason().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> messages.getMessage("review.reason." + e.getKey().name(), null, locale) + " " + e.getValue())
                .collect(Collectors.joining(", "));
        return messages.getMessage("review.shortfall.explained", new Object[] {s.assigned(), s.wanted(), s.experts(),
                s.conflicted(), byReason.isEmpty() ? "—" : byReason, s.forbidden(), s.eligibleExperts(),
                s.eligibleAtCapacity()}, locale);
    }

    private Map<Long, String> titles(Long applicationId) {
        return routing.decidable(applicationId).map(d -> Map.of(d.id(), d.title())).orElse(Map.of());
    }

    private Map<Long, ExpertView> expertsById(List<ReviewAssignment> pairs) {
        Map<Long, ExpertView> out = new HashMap<>();
        for (ReviewAssignment p : pairs) {
            out.computeIfAbsent(p.expertId(), id -> experts.find(id).orElse(null));
        }
        return out;
    }

    private AssignmentView view(ReviewAssignment p, Map<Long, String> titles, Map<Long, ExpertView> byId) {
        ExpertView e = byId.get(p.expertId());
        return new AssignmentView(p.id(), p.roundId(), p.applicationId(), titles.get(p.applicationId()), p.expertId(),
                e == null ? null : e.fullName(), e == null ? null : e.organizationName(), p.affinity(),
                p.status().name(), p.origin().name(), p.reason(), p.confirmedAt(), p.declinedAt(), p.createdAt(),
                p.createdBy());
    }

    private String status(ReviewAssignment.Status status) {
        return messages.getMessage("review.status." + status.name(), null, LocaleContextHolder.getLocale());
    }

    private String reasonText(Set<ConflictReason> reasons, Locale locale) {
        return sorted(reasons).stream().map(r -> messages.getMessage("review.reason." + r.name(), null, locale))
                .collect(Collectors.joining("; "));
    }

    private static List<ConflictReason> sorted(Set<ConflictReason> reasons) {
        return reasons.stream().sorted().toList();
    }

    private static Set<ConflictReason> certainOnly(Set<ConflictReason> reasons) {
        return reasons.stream().filter(r -> r.certainty() == Certainty.CERTAIN)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(ConflictReason.class)));
    }

    // ---------------------------------------------------------------- conflicts of a call

    /**
     * The conflicts of the call's accepted and reviewed applications with the active experts: as the rules find them
     * ({@code raw}) and as they exclude pairs once the dismissals in force are applied ({@code effective}).
     */
    private record CallConflicts(String callCode, List<ForReview> applications, Map<Long, ForReview> applicationsById,
            Map<Long, ExpertView> expertsById, Conflicts raw, Conflicts effective,
            Map<Pair, ConflictDismissal> dismissals) {
    }

    private CallConflicts callConflicts(String callCode) {
        List<ForReview> apps = applications.forReview(callCode,
                EnumSet.of(ApplicationStatus.ACCEPTED, ApplicationStatus.UNDER_REVIEW));
        List<ExpertView> pool = experts.activeExperts();
        Conflicts raw = solver.conflicts(apps.stream().map(ReviewManagement::profile).toList(),
                pool.stream().map(ReviewManagement::profile).toList());
        List<ConflictDismissal> inForce = dismissals.findByCallCodeAndWithdrawnAtIsNullOrderById(callCode);
        Map<Pair, ConflictDismissal> byPair = new HashMap<>();
        inForce.forEach(d -> byPair.putIfAbsent(new Pair(d.applicationId(), d.expertId()), d));
        Map<Long, ForReview> appsById = new HashMap<>();
        apps.forEach(a -> appsById.put(a.id(), a));
        Map<Long, ExpertView> expertsById = new HashMap<>();
        pool.forEach(e -> expertsById.put(e.id(), e));
        return new CallConflicts(callCode, apps, appsById, expertsById, raw, raw.withDismissed(dismissedOf(inForce)),
                byPair);
    }

    /** The possible reasons each pair's dismissals in force cover. */
    private static Map<Pair, Set<ConflictReason>> dismissedOf(List<ConflictDismissal> inForce) {
        Map<Pair, Set<ConflictReason>> out = new HashMap<>();
        for (ConflictDismissal d : inForce) {
            out.computeIfAbsent(new Pair(d.applicationId(), d.expertId()), p -> EnumSet.noneOf(ConflictReason.class))
                    .addAll(d.covered());
        }
        return out;
    }

    private List<ConflictDismissal> pairDismissals(Long applicationId, Long expertId) {
        return dismissals.findByApplicationIdAndExpertIdAndWithdrawnAtIsNull(applicationId, expertId);
    }

    /** The one pair's conflicts with its dismissals in force applied; empty when the application or expert is gone. */
    private Optional<Conflicts> pairConflicts(Long applicationId, Long expertId) {
        Optional<ForReview> application = applications.forReview(List.of(applicationId)).stream().findFirst();
        Optional<ExpertView> expert = experts.find(expertId);
        if (application.isEmpty() || expert.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(solver.conflicts(List.of(profile(application.get())), List.of(profile(expert.get())))
                .withDismissed(dismissedOf(pairDismissals(applicationId, expertId))));
    }

    private ConflictView view(Conflict c, CallConflicts call, Locale locale) {
        ForReview application = call.applicationsById().get(c.applicationId());
        ExpertView expert = call.expertsById().get(c.expertId());
        List<EvidenceView> evidence = call.raw().explain(c.applicationId(), c.expertId()).stream()
                .map(e -> evidence(e, locale)).toList();
        ConflictDismissal dismissal = call.dismissals().get(new Pair(c.applicationId(), c.expertId()));
        return new ConflictView(c.applicationId(), application == null ? null : application.title(), c.expertId(),
                expert == null ? null : expert.fullName(), sorted(c.reasons()).stream().map(Enum::name).toList(),
                reasonText(c.reasons(), locale), (c.certain() ? Certainty.CERTAIN : Certainty.POSSIBLE).name(),
                call.effective().conflicted(c.applicationId(), c.expertId()), evidence,
                dismissal == null ? null : view(dismissal, title(c.applicationId(), application),
                        expert == null ? Map.of() : Map.of(expert.id(), expert)));
    }

    /** One rule that held, in words: the reason, both sides as written (names and codes) and what matched. */
    private EvidenceView evidence(Evidence e, Locale locale) {
        String basis = e.basis() == Basis.SAME_REGISTRY_KEY
                ? messages.getMessage("review.basis." + e.basis().name(), new Object[] {e.sharedKey()}, locale)
                : messages.getMessage("review.basis." + e.basis().name(), null, locale);
        String text = messages.getMessage("review.evidence", new Object[] {
                messages.getMessage("review.reason." + e.reason().name(), null, locale), side(e.application(), locale),
                side(e.expert(), locale), basis}, locale);
        return new EvidenceView(e.reason().name(), e.reason().certainty().name(), e.basis().name(), text);
    }

    private String side(Evidence.Side side, Locale locale) {
        String name = side.name() == null || side.name().isBlank() ? "—" : side.name().strip();
        boolean person = side.organisation() != null && !side.organisation().isBlank();
        String organisation = person ? side.organisation().strip() : name;
        if (side.creditCode() != null) {
            organisation = messages.getMessage(Boolean.TRUE.equals(side.creditCodeValid()) ? "review.evidence.org"
                    : "review.evidence.orgInvalid", new Object[] {organisation, side.creditCode()}, locale);
        }
        return person ? messages.getMessage("review.evidence.person", new Object[] {name, organisation}, locale)
                : organisation;
    }

    /**
     * The conflicts experts declared: every declined assignment of the call's rounds, and every profile declaration
     * that touches one of the call's accepted or reviewed applications; newest first.
     */
    private List<DeclaredView> declared(CallConflicts call) {
        List<DeclaredView> out = new ArrayList<>();
        Map<Long, String> titles = new HashMap<>();
        call.applications().forEach(a -> titles.put(a.id(), a.title()));
        List<ReviewAssignment> declined = assignments.findOfCallInStatus(call.callCode(),
                ReviewAssignment.Status.DECLINED);
        Map<Long, Integer> roundNumbers = new HashMap<>();
        for (ReviewAssignment p : declined) {
            ExpertView expert = call.expertsById().computeIfAbsent(p.expertId(), id -> experts.find(id).orElse(null));
            String title = titles.computeIfAbsent(p.applicationId(),
                    id -> routing.decidable(id).map(ApplicationRouting.Decidable::title).orElse(null));
            int number = roundNumbers.computeIfAbsent(p.roundId(),
                    id -> rounds.findById(id).map(ReviewRound::number).orElse(0));
            out.add(new DeclaredView("ASSIGNMENT", p.applicationId(), title, p.expertId(),
                    expert == null ? null : expert.fullName(), null, p.reason(), p.declinedAt(), number));
        }
        Set<ConflictReason> declaredKinds = EnumSet.of(ConflictReason.DECLARED_ORGANISATION,
                ConflictReason.DECLARED_PERSON, ConflictReason.POSSIBLE_DECLARED_ORGANISATION,
                ConflictReason.POSSIBLE_DECLARED_PERSON);
        for (Conflict c : call.raw().all()) {
            if (c.reasons().stream().noneMatch(declaredKinds::contains)) {
                continue;
            }
            ExpertView expert = call.expertsById().get(c.expertId());
            List<DeclaredConflict> organisations = expert.conflicts().stream()
                    .filter(d -> d.kind() == DeclaredConflict.Kind.ORGANIZATION).toList();
            List<DeclaredConflict> people = expert.conflicts().stream()
                    .filter(d -> d.kind() == DeclaredConflict.Kind.PERSON).toList();
            Set<Long> seen = new HashSet<>();
            for (Evidence e : call.raw().explain(c.applicationId(), c.expertId())) {
                if (e.declared() < 0) {
                    continue;
                }
                boolean organisation = e.reason() == ConflictReason.DECLARED_ORGANISATION
                        || e.reason() == ConflictReason.POSSIBLE_DECLARED_ORGANISATION;
                List<DeclaredConflict> source = organisation ? organisations : people;
                if (e.declared() >= source.size()) {
                    continue;
                }
                DeclaredConflict d = source.get(e.declared());
                if (seen.add(d.id())) {
                    String named = organisation ? firstNonBlank(d.organizationName(), d.organizationCode())
                            : d.personName() + (d.organizationName() == null || d.organizationName().isBlank() ? ""
                                    : " (" + d.organizationName() + ")");
                    out.add(new DeclaredView("PROFILE", c.applicationId(), titles.get(c.applicationId()),
                            c.expertId(), expert.fullName(), named, d.reason(), d.declaredAt(), null));
                }
            }
        }
        out.sort(java.util.Comparator.comparing(DeclaredView::declaredAt,
                java.util.Comparator.nullsLast(java.util.Comparator.reverseOrder())));
        return out;
    }

    private static Map<Long, String> title(Long applicationId, ForReview application) {
        Map<Long, String> out = new HashMap<>();
        if (application != null) {
            out.put(applicationId, application.title());
        }
        return out;
    }

    private static String firstNonBlank(String a, String b) {
        return a != null && !a.isBlank() ? a : b;
    }

    private DismissalView view(ConflictDismissal d, Map<Long, String> titles, Map<Long, ExpertView> byId) {
        ExpertView e = byId.get(d.expertId());
        return new DismissalView(d.id(), d.callCode(), d.applicationId(), titles.get(d.applicationId()),
                d.expertId(), e == null ? null : e.fullName(), sorted(d.covered()).stream().map(Enum::name).toList(),
                d.reason(), d.dismissedAt(), d.dismissedBy(), d.withdrawnAt(), d.withdrawnBy());
    }

    /** Who takes part in the application, from its submitted snapshot; no content (docs/review.md). */
    static Parties parties(ForReview application) {
        ApplicationContent content = application.content();
        List<String> coApplicants = new ArrayList<>();
        if (content.coApplicants() != null) {
            content.coApplicants().organizations().stream().map(ApplicationContent.CoApplicant::name)
                    .filter(name -> name != null && !name.isBlank()).map(String::strip).forEach(coApplicants::add);
        }
        List<PartnerParty> partners = new ArrayList<>();
        if (content.partners() != null) {
            for (ApplicationContent.Partner p : content.partners().partners()) {
                partners.add(new PartnerParty(p.name(), p.country(), p.people().stream()
                        .filter(person -> person.fullName() != null && !person.fullName().isBlank())
                        .map(person -> new PartnerPersonParty(person.fullName().strip(), person.position())).toList()));
            }
        }
        List<MemberParty> team = new ArrayList<>();
        if (content.team() != null) {
            content.team().members().stream().filter(m -> m.fullName() != null && !m.fullName().isBlank())
                    .forEach(m -> team.add(new MemberParty(m.fullName().strip(),
                            m.organization() == null || m.organization().isBlank() ? null : m.organization().strip())));
        }
        return new Parties(application.organizationName(), coApplicants, partners, team);
    }

    // ---------------------------------------------------------------- profiles (docs/review.md "Wiring")

    /** An application's submitted content as the assignment core reads it. */
    static ApplicationProfile profile(ForReview application) {
        ApplicationContent content = application.content();
        Organisation applicant = new Organisation(application.organizationCreditCode(), application.organizationName(),
                "CN");
        String field = content.basics() == null ? null : content.basics().field();
        Set<String> keywords = new LinkedHashSet<>();
        if (content.basics() != null) {
            keywords.addAll(content.basics().keywords());
        }
        if (application.title() != null) {
            for (String word : application.title().split("[\\s\\p{Punct}，、；：（）《》“”]+")) {
                if (word.codePointCount(0, word.length()) >= 2) {
                    keywords.add(word);
                }
            }
        }
        List<Organisation> coApplicants = new ArrayList<>();
        if (content.coApplicants() != null) {
            content.coApplicants().organizations().forEach(c -> coApplicants.add(new Organisation(c.creditCode(),
                    c.name(), c.creditCode() != null || c.province() != null ? "CN" : null)));
        }
        List<Organisation> partners = new ArrayList<>();
        List<Person> partnerPeople = new ArrayList<>();
        if (content.partners() != null) {
            for (ApplicationContent.Partner p : content.partners().partners()) {
                Organisation partner = Organisation.foreign(p.name(), p.country());
                partners.add(partner);
                p.people().forEach(person -> partnerPeople.add(Person.of(person.fullName(), partner)));
            }
        }
        List<Person> team = new ArrayList<>();
        if (content.team() != null) {
            content.team().members().forEach(m -> team.add(new Person(m.fullName(), m.idNumber(),
                    m.organization() == null || m.organization().isBlank() ? null
                            : Organisation.named(m.organization()))));
        }
        return new ApplicationProfile(application.id(), field, keywords, applicant, coApplicants, partners, team,
                partnerPeople);
    }

    /** An expert of the registry as the assignment core reads them (no identity key: name and organisation). */
    static ExpertProfile profile(ExpertView expert) {
        Organisation organisation = new Organisation(expert.organizationCode(), expert.organizationName(),
                expert.country());
        List<Organisation> declaredOrganisations = new ArrayList<>();
        List<Person> declaredPeople = new ArrayList<>();
        for (DeclaredConflict c : expert.conflicts()) {
            if (c.kind() == DeclaredConflict.Kind.ORGANIZATION) {
                declaredOrganisations.add(new Organisation(c.organizationCode(), c.organizationName(), null));
            } else {
                declaredPeople.add(Person.of(c.personName(), c.organizationName() == null
                        || c.organizationName().isBlank() ? null : Organisation.named(c.organizationName())));
            }
        }
        return new ExpertProfile(expert.id(), Person.of(expert.fullName(), organisation),
                new HashSet<>(expert.fields()), new HashSet<>(expert.keywords()), declaredOrganisations,
                declaredPeople);
    }
}
