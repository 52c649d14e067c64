package org.silkgrant.review.assignment;

/** Why an expert may not review an application. One pair may have several. */
public enum ConflictReason {
    /** The expert works for the applicant organisation. */
    EXPERT_ORG_IS_APPLICANT,
    /** The expert works for a co-applicant organisation. */
    EXPERT_ORG_IS_CO_APPLICANT,
    /** The expert works for one of the (foreign) partner organisations. */
    EXPERT_ORG_IS_PARTNER,
    /** The expert is a member of the project team. */
    EXPERT_ON_TEAM,
    /** The expert is one of the partners' named people. */
    EXPERT_IS_PARTNER_PERSON,
    /** The expert declared a conflict with the applicant, a co-applicant or a partner organisation. */
    DECLARED_ORGANISATION,
    /** The expert declared a conflict with a team member or a partner's named person. */
    DECLARED_PERSON;

    int bit() {
        return 1 << ordinal();
    }
}
