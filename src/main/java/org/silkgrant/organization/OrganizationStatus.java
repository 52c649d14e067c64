package org.silkgrant.organization;

/** Where an organisation's registration stands. */
public enum OrganizationStatus {
    PENDING_VERIFICATION, VERIFIED, REJECTED
}
