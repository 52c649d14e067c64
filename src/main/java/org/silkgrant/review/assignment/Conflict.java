package org.silkgrant.review.assignment;

import java.util.Set;

/** One conflicted (application, expert) pair with every reason that applies. */
public record Conflict(long applicationId, long expertId, Set<ConflictReason> reasons) {

    public Conflict {
        reasons = Set.copyOf(reasons);
    }

    /** Whether any reason is certain (then the pair can never be dismissed). */
    public boolean certain() {
        return reasons.stream().anyMatch(r -> r.certainty() == Certainty.CERTAIN);
    }
}
