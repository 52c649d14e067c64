package org.silkgrant.account;

import java.util.EnumSet;
import java.util.Set;

/**
 * The roles of ARCHITECTURE.md; the last three are the separated admin duties of MLPS 2.0. Which roles one account
 * may hold together is {@link SeparationOfDuties}.
 */
public enum Role {
    APPLICANT, ORG_ADMIN, RECOMMENDER, PROGRAM_OFFICER, EXPERT, PARTNER_CONTACT, SYSTEM_ADMIN, SECURITY_ADMIN, AUDIT_ADMIN;

    /** The three admin duties (三权分立). */
    public static final Set<Role> ADMIN_DUTIES = EnumSet.of(SYSTEM_ADMIN, SECURITY_ADMIN, AUDIT_ADMIN);

    /** Roles of an organisation's own people. */
    public static final Set<Role> ORGANIZATION_ROLES = EnumSet.of(APPLICANT, ORG_ADMIN);

    /** Roles of the office side, created by the system admin. */
    public static final Set<Role> STAFF_ROLES = EnumSet.of(RECOMMENDER, PROGRAM_OFFICER, EXPERT, SYSTEM_ADMIN,
            SECURITY_ADMIN, AUDIT_ADMIN);

    /** Staff roles that must sign in with a second factor. */
    public static final Set<Role> SECOND_FACTOR_ROLES = EnumSet.of(PROGRAM_OFFICER, SYSTEM_ADMIN, SECURITY_ADMIN,
            AUDIT_ADMIN);

    /** The Spring Security authority of this role. */
    public String authority() {
        return "ROLE_" + name();
    }
}
