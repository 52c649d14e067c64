package org.silkgrant.application;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.silkgrant.organization.OrganizationType;

/**
 * What the eligibility rules need besides the content and the call: the applicant organisation, the attached
 * files, the time, and what other parts of the system know about the leader and the text.
 *
 * @param now                  the server time the rules judge by
 * @param deadline             the call's deadline; null when the office has not set one
 * @param extendedUntil        an extension the office granted this application, or null
 * @param leaderOtherProjects  the leader's current projects plus this year's other applications in the system
 * @param duplicateSimilarity  the highest similarity (0…1) to another application; null when not checked yet
 * @param accountHolder        the full name on the account of the leader who submits (the cover's 项目负责人); null
 *                             when unknown
 */
public record RuleContext(
        ApplicantOrganization organization,
        List<AttachmentRef> attachments,
        Instant now,
        Instant deadline,
        Instant extendedUntil,
        int leaderOtherProjects,
        boolean organizationOnIntegrityList,
        boolean leaderOnIntegrityList,
        Double duplicateSimilarity,
        String accountHolder) {

    public RuleContext {
        Objects.requireNonNull(now, "now");
        attachments = attachments == null ? List.of() : attachments.stream().filter(Objects::nonNull).toList();
    }

    /** Whether a file of this attachment kind (COOPERATION_AGREEMENT, ETHICS_OPINION …) is attached. */
    public boolean hasAttachment(String kind) {
        return attachments.stream().anyMatch(a -> kind.equals(a.kind()));
    }

    /** The applicant organisation as registered: credit code and division as declared, type, verification. */
    public record ApplicantOrganization(String creditCode, OrganizationType type, String divisionCode, boolean verified) {
    }

    /** A file attached to the application, by attachment kind code of the call. */
    public record AttachmentRef(String kind, String fileName, String sha256) {
    }
}
