package org.silkgrant.review.assignment;

import java.util.List;
import java.util.Map;

/**
 * The result of one run: every assigned pair with its affinity, the total, the applications that could not get k
 * experts with the reason, and whether the solver proved the result optimal (docs/review.md).
 *
 * @param slotsWanted the applications times k
 * @param slotsFilled pairs assigned, pinned and kept ones included
 * @param droppedKept kept pairs left out because they have become conflicted or forbidden
 * @param optimal true when the pricing step proved that no pair left out of the sparse graph could improve the
 *     result, so that it is optimal for the whole call (false only when the round limit stopped it first)
 */
public record Assignment(List<AssignedPair> pairs, long totalAffinity, int slotsWanted, int slotsFilled,
        List<Shortfall> shortfalls, List<Pair> droppedKept, boolean optimal, Statistics statistics) {

    /** How a pair came to be assigned. */
    public enum Origin {
        PINNED, KEPT, SOLVED
    }

    public record AssignedPair(long applicationId, long expertId, int affinity, Origin origin) {
    }

    /**
     * An application that got fewer than k experts, and why: of all experts, {@code conflicted} conflict with it
     * (counted by reason in {@code conflictsByReason}; a pair with two reasons counts under both) and
     * {@code forbidden} were removed by hand or declined; of the {@code eligibleExperts} left, {@code assigned}
     * review it and {@code eligibleAtCapacity} already review m applications each. (In an optimal result those two
     * add up to {@code eligibleExperts}: an eligible expert with room would have been assigned.)
     */
    public record Shortfall(long applicationId, int assigned, int wanted, int experts, int conflicted,
            Map<ConflictReason, Integer> conflictsByReason, int forbidden, int eligibleExperts,
            int eligibleAtCapacity) {
    }

    /**
     * How the solver got there: solutions computed, arcs of the last graph, the total affinity and filled slots of
     * the first solution (before pricing added arcs), and wall milliseconds spent choosing the first graph, in
     * OR-Tools (graph building included), pricing (potentials and checks), and in all.
     */
    public record Statistics(int rounds, long arcs, long firstRoundAffinity, int firstRoundFilled,
            long candidateMillis, long solverMillis, long pricingMillis, long totalMillis) {
    }
}
