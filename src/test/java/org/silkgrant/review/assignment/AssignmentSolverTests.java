package org.silkgrant.review.assignment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.silkgrant.review.assignment.Assignment.AssignedPair;
import org.silkgrant.review.assignment.Assignment.Origin;
import org.silkgrant.review.assignment.Assignment.Shortfall;

class AssignmentSolverTests {

    private final AssignmentSolver solver = new AssignmentSolver();

    // ---------------------------------------------------------------- properties on many seeded random calls

    @Test
    void neverAssignsAConflictedOrForbiddenPairKeepsTheCapsAndFillsEverySlotAMaxFlowCanFill() {
        Random random = new Random(20261128);
        for (int round = 0; round < 300; round++) {
            SyntheticCall call = SyntheticCall.small(random.nextLong(), 1 + random.nextInt(12), 1 + random.nextInt(12));
            int k = 1 + random.nextInt(4);
            int cap = 1 + random.nextInt(4);
            Set<Pair> forbidden = new HashSet<>();
            for (ApplicationProfile application : call.applications()) {
                for (ExpertProfile expert : call.experts()) {
                    if (random.nextInt(10) == 0) {
                        forbidden.add(new Pair(application.id(), expert.id()));
                    }
                }
            }
            AssignmentRequest request = AssignmentRequest.of(call.applications(), call.experts(), k, cap)
                    .withForbidden(forbidden);
            Conflicts conflicts = ConflictFinder.find(call.applications(), call.experts());
            Assignment assignment = solver.solve(request, conflicts);
            String instance = "round " + round;

            Map<Long, Integer> perApplication = new HashMap<>();
            Map<Long, Integer> perExpert = new HashMap<>();
            Set<Pair> seen = new HashSet<>();
            for (AssignedPair pair : assignment.pairs()) {
                Pair key = new Pair(pair.applicationId(), pair.expertId());
                assertThat(seen.add(key)).as(instance + " duplicate " + key).isTrue();
                assertThat(conflicts.conflicted(pair.applicationId(), pair.expertId())).as(instance + " conflict " + key).isFalse();
                assertThat(forbidden).as(instance).doesNotContain(key);
                perApplication.merge(pair.applicationId(), 1, Integer::sum);
                perExpert.merge(pair.expertId(), 1, Integer::sum);
            }
            assertThat(perApplication.values()).as(instance).allMatch(count -> count <= k);
            assertThat(perExpert.values()).as(instance).allMatch(count -> count <= cap);

            boolean[][] allowed = allowed(call, conflicts, forbidden);
            int maxFilled = maxFlow(allowed, k, cap);
            assertThat(assignment.slotsFilled()).as(instance).isEqualTo(maxFilled);
            if (maxFilled == call.applications().size() * k) {
                assertThat(perApplication.values()).as(instance).hasSize(call.applications().size()).allMatch(c -> c == k);
                assertThat(assignment.shortfalls()).as(instance).isEmpty();
            } else {
                assertThat(assignment.shortfalls()).as(instance).isNotEmpty();
            }
            assertThat(assignment.optimal()).as(instance).isTrue();
            Assignment exact = new AssignmentSolver(AssignmentSolver.Options.exact()).solve(request, conflicts);
            assertThat(assignment.totalAffinity()).as(instance).isEqualTo(exact.totalAffinity());
        }
    }

    @Test
    void isOptimalAgainstAnExhaustiveSearchOfEveryAssignment() {
        Random random = new Random(7);
        for (int round = 0; round < 200; round++) {
            SyntheticCall call = SyntheticCall.small(random.nextLong(), 1 + random.nextInt(4), 1 + random.nextInt(4));
            int k = 1 + random.nextInt(2);
            int cap = 1 + random.nextInt(2);
            Conflicts conflicts = ConflictFinder.find(call.applications(), call.experts());
            Assignment assignment = solver.solve(AssignmentRequest.of(call.applications(), call.experts(), k, cap),
                    conflicts);
            long[] best = exhaustive(allowed(call, conflicts, Set.of()), affinities(call), k, cap);
            assertThat(new long[] {assignment.slotsFilled(), assignment.totalAffinity()}).as("round " + round)
                    .containsExactly(best);
        }
    }

    @Test
    void aSparseGraphPricedToOptimalityGivesTheDenseOptimum() {
        for (long seed = 1; seed <= 4; seed++) {
            SyntheticCall call = SyntheticCall.generate(seed, 150, 120, 12, 4, 12);
            AssignmentRequest request = AssignmentRequest.of(call.applications(), call.experts(), 5, 7);
            Conflicts conflicts = ConflictFinder.find(call.applications(), call.experts());
            // a deliberately thin first graph, so that pricing has to add what is missing
            Assignment sparse = new AssignmentSolver(new AssignmentSolver.Options(2, 1, 100, false)).solve(request, conflicts);
            Assignment exact = new AssignmentSolver(AssignmentSolver.Options.exact()).solve(request, conflicts);
            assertThat(sparse.optimal()).isTrue();
            assertThat(sparse.statistics().rounds()).isGreaterThan(1);
            assertThat(sparse.slotsFilled()).isEqualTo(exact.slotsFilled());
            assertThat(sparse.totalAffinity()).isEqualTo(exact.totalAffinity())
                    .isGreaterThanOrEqualTo(sparse.statistics().firstRoundAffinity());
            assertThat(sparse.statistics().arcs()).isLessThan(exact.statistics().arcs());
        }
    }

    // ---------------------------------------------------------------- hand-made calls

    private static final Organisation XJU = Organisation.chinese("12650000458000000X", "新疆大学");
    private static final Organisation SHIHEZI = Organisation.chinese("12650000458000001X", "石河子大学");
    private static final Organisation TARIM = Organisation.chinese("12650000458000002X", "塔里木大学");

    private static ApplicationProfile application(long id, Organisation applicant, String field, String... keywords) {
        return new ApplicationProfile(id, field, Set.of(keywords), applicant, List.of(), List.of(), List.of(),
                List.of());
    }

    private static ExpertProfile expert(long id, Organisation organisation, String field, String... keywords) {
        return new ExpertProfile(id, Person.of("专家" + id, organisation), Set.of(field), Set.of(keywords),
                List.of(), List.of());
    }

    @Test
    void theBestMatchingExpertsAreChosen() {
        ApplicationProfile solar = application(1, XJU, "NEW_ENERGY", "solar", "storage");
        List<ExpertProfile> experts = List.of(
                expert(10, SHIHEZI, "NEW_ENERGY", "solar", "storage"),
                expert(11, SHIHEZI, "NEW_ENERGY", "wind"),
                expert(12, TARIM, "MODERN_AGRICULTURE", "cotton"),
                expert(13, XJU, "NEW_ENERGY", "solar", "storage"));
        Assignment assignment = solver.solve(AssignmentRequest.of(List.of(solar), experts, 2, 5));
        assertThat(assignment.pairs()).extracting(AssignedPair::expertId).containsExactly(10L, 11L);
        assertThat(assignment.pairs()).extracting(AssignedPair::affinity)
                .containsExactly(Affinity.MAX, Affinity.FIELD);
        assertThat(assignment.totalAffinity()).isEqualTo(Affinity.MAX + Affinity.FIELD);
        assertThat(assignment.shortfalls()).isEmpty();
    }

    @Test
    void applicationsThatCannotGetKExpertsAreExplained() {
        // three experts, two of them at the applicant of application 1; expert 12 can review one application only
        List<ApplicationProfile> applications = List.of(application(1, XJU, "NEW_ENERGY"),
                application(2, SHIHEZI, "NEW_ENERGY"));
        List<ExpertProfile> experts = List.of(expert(10, XJU, "NEW_ENERGY"), expert(11, XJU, "NEW_ENERGY"),
                expert(12, TARIM, "NEW_ENERGY"));
        AssignmentRequest request = AssignmentRequest.of(applications, experts, 2, 1);
        Assignment assignment = solver.solve(request);

        assertThat(assignment.slotsWanted()).isEqualTo(4);
        assertThat(assignment.slotsFilled()).isEqualTo(3);
        assertThat(assignment.shortfalls()).hasSize(1);
        Shortfall shortfall = assignment.shortfalls().get(0);
        assertThat(shortfall.applicationId()).isEqualTo(1);
        assertThat(shortfall.assigned()).isEqualTo(1);
        assertThat(shortfall.wanted()).isEqualTo(2);
        assertThat(shortfall.experts()).isEqualTo(3);
        assertThat(shortfall.conflicted()).isEqualTo(2);
        assertThat(shortfall.conflictsByReason()).containsExactly(Map.entry(ConflictReason.EXPERT_ORG_IS_APPLICANT, 2));
        assertThat(shortfall.eligibleExperts()).isEqualTo(1);
        // application 2 has experts 10 and 11; expert 12 has its one place taken by application 1
        assertThat(shortfall.eligibleAtCapacity()).isZero();
        assertThat(assignment.pairs()).extracting(AssignedPair::applicationId, AssignedPair::expertId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1L, 12L), org.assertj.core.groups.Tuple.tuple(2L, 10L),
                        org.assertj.core.groups.Tuple.tuple(2L, 11L));

        // when expert 12 is taken by a pin on application 2, application 1 is short because 12 is full
        Assignment pinned = solver.solve(request.withPinned(Set.of(new Pair(2, 12))));
        Shortfall full = pinned.shortfalls().stream().filter(s -> s.applicationId() == 1).findFirst().orElseThrow();
        assertThat(full.assigned()).isZero();
        assertThat(full.eligibleExperts()).isEqualTo(1);
        assertThat(full.eligibleAtCapacity()).isEqualTo(1);
        assertThat(pinned.optimal()).isTrue();
    }

    @Test
    void pinnedPairsStayEvenWhenABetterExpertExistsAndTakeTheirPlaceInTheCaps() {
        List<ApplicationProfile> applications = List.of(application(1, XJU, "NEW_ENERGY", "solar"));
        List<ExpertProfile> experts = List.of(expert(10, SHIHEZI, "NEW_ENERGY", "solar"),
                expert(11, TARIM, "MODERN_AGRICULTURE", "cotton"));
        Assignment assignment = solver.solve(AssignmentRequest.of(applications, experts, 1, 1)
                .withPinned(Set.of(new Pair(1, 11))));
        assertThat(assignment.pairs()).containsExactly(new AssignedPair(1, 11, 0, Origin.PINNED));
    }

    @Test
    void reRunningAfterADeclineFillsOnlyTheGap() {
        SyntheticCall call = SyntheticCall.realistic(5, 40, 60);
        AssignmentRequest first = AssignmentRequest.of(call.applications(), call.experts(), 5, 4);
        Assignment before = solver.solve(first);
        assertThat(before.shortfalls()).isEmpty();
        AssignedPair declined = before.pairs().get(7);

        Set<Pair> kept = new HashSet<>();
        for (AssignedPair pair : before.pairs()) {
            if (!pair.equals(declined)) {
                kept.add(new Pair(pair.applicationId(), pair.expertId()));
            }
        }
        Pair declinedPair = new Pair(declined.applicationId(), declined.expertId());
        Assignment after = solver.solve(first.withKept(kept).withForbidden(Set.of(declinedPair)));

        assertThat(after.pairs()).filteredOn(p -> p.origin() == Origin.KEPT).hasSize(kept.size());
        List<AssignedPair> solved = after.pairs().stream().filter(p -> p.origin() == Origin.SOLVED).toList();
        assertThat(solved).hasSize(1);
        assertThat(solved.get(0).applicationId()).isEqualTo(declined.applicationId());
        assertThat(solved.get(0).expertId()).isNotEqualTo(declined.expertId());
        assertThat(after.shortfalls()).isEmpty();
    }

    @Test
    void aPinnedPairThatConflictsIsRefusedWithTheReason() {
        List<ApplicationProfile> applications = List.of(application(1, XJU, "NEW_ENERGY"));
        List<ExpertProfile> experts = List.of(expert(10, XJU, "NEW_ENERGY"));
        assertThatThrownBy(() -> solver.solve(AssignmentRequest.of(applications, experts, 1, 1)
                .withPinned(Set.of(new Pair(1, 10)))))
                .isInstanceOfSatisfying(AssignmentSolver.RefusedPinException.class, e -> assertThat(e.refused())
                        .containsExactly(Map.entry(new Pair(1, 10), Set.of(ConflictReason.EXPERT_ORG_IS_APPLICANT))));
    }

    @Test
    void aKeptPairThatHasBecomeConflictedIsDroppedAndReplaced() {
        List<ApplicationProfile> applications = List.of(application(1, XJU, "NEW_ENERGY"));
        List<ExpertProfile> experts = List.of(expert(10, XJU, "NEW_ENERGY"), expert(11, TARIM, "NEW_ENERGY"));
        Assignment assignment = solver.solve(AssignmentRequest.of(applications, experts, 1, 1)
                .withKept(Set.of(new Pair(1, 10))));
        assertThat(assignment.droppedKept()).containsExactly(new Pair(1, 10));
        assertThat(assignment.pairs()).containsExactly(new AssignedPair(1, 11, Affinity.FIELD, Origin.SOLVED));
    }

    // ---------------------------------------------------------------- independent references

    private static boolean[][] allowed(SyntheticCall call, Conflicts conflicts, Set<Pair> forbidden) {
        int n = call.applications().size();
        int m = call.experts().size();
        boolean[][] allowed = new boolean[n][m];
        for (int a = 0; a < n; a++) {
            for (int e = 0; e < m; e++) {
                long applicationId = call.applications().get(a).id();
                long expertId = call.experts().get(e).id();
                allowed[a][e] = !conflicts.conflicted(applicationId, expertId)
                        && !forbidden.contains(new Pair(applicationId, expertId));
            }
        }
        return allowed;
    }

    private static int[][] affinities(SyntheticCall call) {
        int[][] affinity = new int[call.applications().size()][call.experts().size()];
        for (int a = 0; a < affinity.length; a++) {
            for (int e = 0; e < affinity[a].length; e++) {
                affinity[a][e] = Affinity.score(call.applications().get(a), call.experts().get(e));
            }
        }
        return affinity;
    }

    /** The most slots that can be filled: augmenting paths (Ford–Fulkerson) on the dense graph. */
    static int maxFlow(boolean[][] allowed, int k, int cap) {
        int n = allowed.length;
        int m = n == 0 ? 0 : allowed[0].length;
        boolean[][] used = new boolean[n][m];
        int[] perApplication = new int[n];
        int[] perExpert = new int[m];
        int flow = 0;
        boolean grown = true;
        while (grown) {
            grown = false;
            for (int a = 0; a < n; a++) {
                if (perApplication[a] < k && augment(a, allowed, used, perExpert, cap, new boolean[n], new boolean[m])) {
                    perApplication[a]++;
                    flow++;
                    grown = true;
                }
            }
        }
        return flow;
    }

    /** A path from application a through unused arcs to an expert with room, alternating with used arcs back. */
    private static boolean augment(int a, boolean[][] allowed, boolean[][] used, int[] perExpert, int cap,
            boolean[] visitedApplication, boolean[] visitedExpert) {
        visitedApplication[a] = true;
        for (int e = 0; e < perExpert.length; e++) {
            if (!allowed[a][e] || used[a][e] || visitedExpert[e]) {
                continue;
            }
            visitedExpert[e] = true;
            if (perExpert[e] < cap) {
                used[a][e] = true;
                perExpert[e]++;
                return true;
            }
            for (int other = 0; other < used.length; other++) {
                if (used[other][e] && !visitedApplication[other]
                        && augment(other, allowed, used, perExpert, cap, visitedApplication, visitedExpert)) {
                    // other moved to another expert: e has room for a again
                    used[other][e] = false;
                    used[a][e] = true;
                    return true;
                }
            }
        }
        return false;
    }

    /** The best {filled slots, total affinity}, lexicographically, over every assignment. */
    static long[] exhaustive(boolean[][] allowed, int[][] affinity, int k, int cap) {
        long[] best = {-1, -1};
        search(0, allowed, affinity, k, cap, new int[allowed.length == 0 ? 0 : allowed[0].length], 0, 0, best);
        return best;
    }

    private static void search(int a, boolean[][] allowed, int[][] affinity, int k, int cap, int[] load, long filled,
            long total, long[] best) {
        if (a == allowed.length) {
            if (filled > best[0] || (filled == best[0] && total > best[1])) {
                best[0] = filled;
                best[1] = total;
            }
            return;
        }
        int m = load.length;
        for (int subset = 0; subset < (1 << m); subset++) {
            if (Integer.bitCount(subset) > k) {
                continue;
            }
            boolean fits = true;
            long gain = 0;
            for (int e = 0; e < m && fits; e++) {
                if ((subset & (1 << e)) != 0) {
                    fits = allowed[a][e] && load[e] < cap;
                    gain += affinity[a][e];
                }
            }
            if (!fits) {
                continue;
            }
            for (int e = 0; e < m; e++) {
                if ((subset & (1 << e)) != 0) {
                    load[e]++;
                }
            }
            search(a + 1, allowed, affinity, k, cap, load, filled + Integer.bitCount(subset), total + gain, best);
            for (int e = 0; e < m; e++) {
                if ((subset & (1 << e)) != 0) {
                    load[e]--;
                }
            }
        }
    }

    @Test
    void theReferencesAgreeWithEachOther() {
        // the max-flow reference and the exhaustive search count the same slots (so neither is trivially right)
        Random random = new Random(3);
        List<Integer> filled = new ArrayList<>();
        for (int round = 0; round < 100; round++) {
            SyntheticCall call = SyntheticCall.small(random.nextLong(), 1 + random.nextInt(4), 1 + random.nextInt(4));
            Conflicts conflicts = ConflictFinder.find(call.applications(), call.experts());
            boolean[][] allowed = allowed(call, conflicts, Set.of());
            int flow = maxFlow(allowed, 2, 1);
            assertThat((long) flow).isEqualTo(exhaustive(allowed, affinities(call), 2, 1)[0]);
            filled.add(flow);
        }
        assertThat(new HashSet<>(filled)).hasSizeGreaterThan(3);
    }
}
