package org.silkgrant.review;

/** An expert declared a conflict with an assigned application: a gap the program officer fills by re-running. */
public record ReviewConflictDeclared(String callCode, Long roundId, Long applicationId, String applicationTitle,
        String expertName, String reason) {
}
