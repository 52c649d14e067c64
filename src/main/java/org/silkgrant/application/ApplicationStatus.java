package org.silkgrant.application;

import java.util.EnumSet;
import java.util.Set;

/** The states of an application's life (ARCHITECTURE.md); the transitions arrive with submission and routing. */
public enum ApplicationStatus {
    DRAFT, SUBMITTED, ORG_APPROVED, RECOMMENDED, RETURNED, WITHDRAWN, FORMAL_REJECTED, ACCEPTED, UNDER_REVIEW,
    NOT_FUNDED, APPROVED, AWARDED, IN_PROGRESS, COMPLETED;

    /** States in which the leader may still edit the application. */
    public static final Set<ApplicationStatus> EDITABLE = EnumSet.of(DRAFT, RETURNED);

    /** States that count against the leader's project limit: submitted and alive, or funded and running. */
    public static final Set<ApplicationStatus> COUNTS_FOR_LIMIT = EnumSet.of(SUBMITTED, ORG_APPROVED, RECOMMENDED,
            ACCEPTED, UNDER_REVIEW, APPROVED, AWARDED, IN_PROGRESS);

    /** The state as a message argument: its label in the reader's language, never the code. */
    public static org.springframework.context.MessageSourceResolvable label(ApplicationStatus status) {
        return org.silkgrant.shared.Label.of("applications.status.", status);
    }
}
