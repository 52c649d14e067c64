package org.silkgrant.review;

import java.time.Instant;

/** The program officer reopened an expert's submitted score sheet, with a reason: the expert is told. */
public record ReviewSheetReopened(Long expertUserId, Long assignmentId, Long applicationId, String callCode,
        String reason, Instant at) {
}
