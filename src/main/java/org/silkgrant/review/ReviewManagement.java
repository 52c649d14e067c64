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
import org.silkgrant.review.assignment.ConflictFinder;
import org.silkgrant.review.assignment.ConflictReason;
import org.silkgrant.review.assignment.Conflicts;
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

    private final ReviewRoundRepository rounds;
    private final ReviewAssignmentRepository assignments;
    private final ApplicationManagement applications;
    private final ApplicationRouting routing;
    private final CallManagement calls;
    private final ExpertManagement experts;
    private final ExpertAssignment solver;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final MessageSource messages;

    ReviewManagement(ReviewRoundRepository rounds, ReviewAssignmentRepository assignments,
            ApplicationManagement applications, ApplicationRouting routing, CallManagement calls,
            ExpertManagement experts, ExpertAssignment solver, Clock clock, ApplicationEventPublisher events,
            MessageSource messages) {
        this.rounds = rounds;
        this.assignments = assignments;
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

    /** A conflicted pair of the call with every reason (codes and translated). */
    public record ConflictView(Long applicationId, String applicationTitle, Long expertId, String expertName,
            List<String> reasons, String reasonText) {
    }

    /** One of the expert's own assignments. */
    public record MyAssignment(Long id, Long applicationId, String applicationTitle, String callCode, Long roundId,
            Instant deadline, String status, Instant confirmedAt, boolean readable) {
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

    /** Every conflicted pair of the call's accepted and reviewed applications with the active experts. */
    @Transactional(readOnly = true)
    public List<ConflictView> conflicts(SilkGrantUser user, String callCode) {
        office(user);
        CallView call = calls.get(callCode);
        List<ForReview> apps = applications.forReview(call.code(),
                EnumSet.of(ApplicationStatus.ACCEPTED, ApplicationStatus.UNDER_REVIEW));
        List<ExpertView> pool = experts.activeExperts();
        Conflicts conflicts = ConflictFinder.find(apps.stream().map(ReviewManagement::profile).toList(),
                pool.stream().map(ReviewManagement::profile).toList());
        Map<Long, String> titles = apps.stream().collect(Collectors.toMap(ForReview::id, ForReview::title));
        Map<Long, ExpertView> byId = pool.stream().collect(Collectors.toMap(ExpertView::id, e -> e));
        Locale locale = LocaleContextHolder.getLocale();
        return conflicts.all().stream().map(c -> new ConflictView(c.applicationId(), titles.get(c.applicationId()),
                c.expertId(), byId.get(c.expertId()).fullName(),
                sorted(c.reasons()).stream().map(Enum::name).toList(), reasonText(c.reasons(), locale))).toList();
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
        Set<ConflictReason> reasons = ConflictFinder.find(List.of(a), List.of(e)).reasons(applicationId, expertId);
        if (!reasons.isEmpty()) {
            throw new StateConflictException("review.add.conflict", expert.fullName(),
                    reasonText(reasons, LocaleContextHolder.getLocale()));
        }
        long held = pairs.stream().filter(p -> p.live() && p.expertId().equals(expertId)).count();
        if (held >= round.maxPerExpert()) {
            throw new StateConflictException("review.add.atCapacity", expert.fullName(), round.maxPerExpert());
        }
        ReviewAssignment saved = assignments.saveAndFlush(new ReviewAssignment(round.id(), applicationId, expertId,
                Affinity.score(a, e), ReviewAssignment.Origin.MANUAL, why, clock.instant(), user.getUsername()));
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
        List<MyAssignment> out = new ArrayList<>();
        for (ReviewAssignment p : pairs) {
            ReviewRound round = roundsById.computeIfAbsent(p.roundId(), id -> rounds.findById(id).orElseThrow());
            ApplicationRouting.Decidable application = routing.decidable(p.applicationId()).orElseThrow();
            out.add(new MyAssignment(p.id(), p.applicationId(), application.title(), round.callCode(), round.id(),
                    round.deadline(), p.status().name(), p.confirmedAt(),
                    ReviewAssignment.Status.READING.contains(p.status())));
        }
        return out;
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
        ReviewAssignment pair = assignments.findById(assignmentId).filter(p -> p.expertId().equals(expert.id()))
                .filter(p -> p.status() != ReviewAssignment.Status.REMOVED)
                .orElseThrow(() -> new NotFoundException("review.assignment.notFound"));
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
        return mine(user).stream().filter(m -> m.id().equals(pair.id())).findFirst().orElseThrow();
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
        return new Run(apps, pool, pairs, solver.assign(request));
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
