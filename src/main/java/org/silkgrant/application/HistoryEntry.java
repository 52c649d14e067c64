package org.silkgrant.application;

import java.time.Instant;
import java.util.Map;

/**
 * One step of an application's history as API.md gives it ({@code at, actor, action, fromStatus, toStatus,
 * comment}), with the actor's name and role, the office's comments per section, the formal review checklist, the
 * submitted version and, for an extension, the new deadline.
 */
public record HistoryEntry(Instant at, String actor, String actorName, String role, Action action,
        ApplicationStatus fromStatus, ApplicationStatus toStatus, String comment, Map<String, String> sectionComments,
        Map<String, Boolean> formalReview, Integer versionNumber, Instant extendedUntil) {
}
