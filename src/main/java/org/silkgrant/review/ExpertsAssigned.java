package org.silkgrant.review;

import java.time.Instant;
import java.util.Map;

/**
 * New review assignments of a round, for the experts' notices: how many new applications each expert's account
 * received (by user id), the round's deadline, and when they were assigned.
 */
public record ExpertsAssigned(String callCode, Long roundId, int roundNumber, Instant deadline,
        Map<Long, Integer> newAssignmentsByUser, Instant at) {
}
