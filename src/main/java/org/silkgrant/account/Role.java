package org.silkgrant.account;

/** The roles of ARCHITECTURE.md; the last three are the separated admin duties of MLPS 2.0. */
public enum Role {
    APPLICANT, ORG_ADMIN, RECOMMENDER, PROGRAM_OFFICER, EXPERT, PARTNER_CONTACT, SYSTEM_ADMIN, SECURITY_ADMIN, AUDIT_ADMIN;

    /** The Spring Security authority of this role. */
    public String authority() {
        return "ROLE_" + name();
    }
}
