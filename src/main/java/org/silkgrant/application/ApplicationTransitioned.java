package org.silkgrant.application;

import java.time.Instant;
import java.util.Map;

import org.silkgrant.shared.Audited;

/**
 * An application changed hands: published inside the transaction of the change, so the audit record commits with
 * it and mail (an after-commit listener) goes out only when the change stands.
 *
 * @param recommendingDepartment the department the applicant chose, or null when the call has no such step
 * @param sectionComments        the office's comments per section on a return; empty otherwise
 * @param versionNumber          the submitted version the transition concerns (0 for a draft)
 * @param deadline               for {@link Action#EXTEND} the new deadline; otherwise the next step's deadline, if any
 */
public record ApplicationTransitioned(Long applicationId, String callCode, String title, Long organizationId,
        Long leaderId, String recommendingDepartment, Action transition, ApplicationStatus fromStatus,
        ApplicationStatus toStatus, String actor, String actorName, String actorRole, String comment,
        Map<String, String> sectionComments, int versionNumber, String receiptNumber, Instant deadline, Instant at,
        String clientAddress) implements Audited {

    @Override
    public String role() {
        return actorRole;
    }

    @Override
    public String action() {
        return "APPLICATION_" + transition.name();
    }

    @Override
    public String targetType() {
        return "APPLICATION";
    }

    @Override
    public String targetId() {
        return String.valueOf(applicationId);
    }

    @Override
    public String outcome() {
        return "SUCCESS";
    }

    @Override
    public String detail() {
        return fromStatus + " -> " + toStatus + (versionNumber > 0 ? " v" + versionNumber : "")
                + (receiptNumber == null ? "" : " " + receiptNumber) + (deadline == null || transition != Action.EXTEND
                        ? "" : " until " + deadline);
    }
}
