package org.silkgrant.organization;

import java.time.Instant;

/** A registered organisation as the office and its own people see it. */
public record OrganizationView(Long id, String name, String creditCode, OrganizationType type, String divisionCode,
        String divisionName, String address, OrganizationStatus status, String decisionComment, String decidedBy,
        Instant decidedAt, Instant registeredAt, long version) {

    public boolean verified() {
        return status == OrganizationStatus.VERIFIED;
    }
}
