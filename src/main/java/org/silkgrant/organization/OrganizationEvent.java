package org.silkgrant.organization;

import org.silkgrant.shared.Audited;

/**
 * Something that happened to an organisation: registered, verified, rejected. Kept by the audit record; the
 * verification decision also becomes a notice to the organisation's admins.
 */
public record OrganizationEvent(String actor, String action, Long organizationId, String organizationName,
        OrganizationStatus status, String comment, String clientAddress) implements Audited {

    @Override
    public String targetType() {
        return "ORGANIZATION";
    }

    @Override
    public String targetId() {
        return String.valueOf(organizationId);
    }

    @Override
    public String outcome() {
        return "SUCCESS";
    }

    @Override
    public String detail() {
        return status + (comment == null ? "" : ": " + comment);
    }

    /** Whether this event is the office's verification decision. */
    public boolean isDecision() {
        return "ORGANIZATION_VERIFIED".equals(action) || "ORGANIZATION_REJECTED".equals(action);
    }
}
