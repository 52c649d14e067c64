package org.silkgrant.review;

import org.silkgrant.shared.Audited;

/**
 * A step of a review round, kept by the audit record: REVIEW_ROUND_OPENED, REVIEW_ROUND_RERUN,
 * REVIEW_ASSIGNMENT_ADDED, REVIEW_ASSIGNMENT_REMOVED, REVIEW_CONFLICT_CONFIRMED_NONE, REVIEW_CONFLICT_DECLARED,
 * REVIEW_CONFLICT_DISMISSED, REVIEW_CONFLICT_DISMISSAL_WITHDRAWN (a possible conflict the program officer dismissed).
 */
public record ReviewEvent(String actor, String role, String action, String targetType, Long target,
        String clientAddress, String outcome, String detail) implements Audited {

    @Override
    public String targetId() {
        return target == null ? null : String.valueOf(target);
    }
}
