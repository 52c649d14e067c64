package org.silkgrant.review.assignment;

import java.util.List;
import java.util.Set;

/**
 * One assignment run of a call round.
 *
 * @param perApplication k, the experts each application should get (the call parameter, default 5)
 * @param perExpert m, the most applications one expert reviews
 * @param pinned pairs the officer added by hand: they stay (a conflicted or forbidden one is refused)
 * @param kept pairs of an earlier run that stay when re-running for the gaps (dropped, and reported, when they have
 *     become conflicted or forbidden since)
 * @param forbidden pairs that must not be assigned: removed by hand, or declined by the expert
 */
public record AssignmentRequest(List<ApplicationProfile> applications, List<ExpertProfile> experts,
        int perApplication, int perExpert, Set<Pair> pinned, Set<Pair> kept, Set<Pair> forbidden) {

    public static final int DEFAULT_PER_APPLICATION = 5;

    public AssignmentRequest {
        applications = List.copyOf(applications);
        experts = List.copyOf(experts);
        pinned = pinned == null ? Set.of() : Set.copyOf(pinned);
        kept = kept == null ? Set.of() : Set.copyOf(kept);
        forbidden = forbidden == null ? Set.of() : Set.copyOf(forbidden);
        if (perApplication < 0 || perExpert < 0) {
            throw new IllegalArgumentException("k and m must not be negative");
        }
    }

    /** A first run: nothing pinned, kept or forbidden. */
    public static AssignmentRequest of(List<ApplicationProfile> applications, List<ExpertProfile> experts,
            int perApplication, int perExpert) {
        return new AssignmentRequest(applications, experts, perApplication, perExpert, Set.of(), Set.of(), Set.of());
    }

    public AssignmentRequest withPinned(Set<Pair> pairs) {
        return new AssignmentRequest(applications, experts, perApplication, perExpert, pairs, kept, forbidden);
    }

    public AssignmentRequest withKept(Set<Pair> pairs) {
        return new AssignmentRequest(applications, experts, perApplication, perExpert, pinned, pairs, forbidden);
    }

    public AssignmentRequest withForbidden(Set<Pair> pairs) {
        return new AssignmentRequest(applications, experts, perApplication, perExpert, pinned, kept, pairs);
    }
}
