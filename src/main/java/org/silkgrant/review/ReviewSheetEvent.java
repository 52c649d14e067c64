package org.silkgrant.review;

import org.silkgrant.shared.Audited;

/**
 * A review sheet saved as a draft, submitted, or reopened by the office (docs/review.md "Scoring and ranking").
 * Kept by the audit record; the detail holds no scores or comment, only what happened.
 */
public record ReviewSheetEvent(String actor, String role, String action, Long assignmentId, String clientAddress,
        String outcome, String detail) implements Audited {

    public static final String SAVED = "REVIEW_SHEET_SAVED";
    public static final String SUBMITTED = "REVIEW_SHEET_SUBMITTED";
    public static final String REOPENED = "REVIEW_SHEET_REOPENED";

    @Override
    public String targetType() {
        return "REVIEW_ASSIGNMENT";
    }

    @Override
    public String targetId() {
        return String.valueOf(assignmentId);
    }
}
