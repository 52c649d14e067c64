package org.silkgrant.review.assignment;

/**
 * Why an expert may not review an application. One pair may have several. The first seven are certain; each has a
 * possible twin ({@code POSSIBLE_…}) for a match that the identifiers do not settle (docs/review.md "Certain and
 * possible conflicts"). A certain reason always excludes the pair; a possible one excludes it until the program
 * officer dismisses it with a reason.
 */
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
    DECLARED_PERSON,
    /** The expert's organisation may be the applicant (same name, the codes disagree or one is invalid). */
    POSSIBLE_ORG_IS_APPLICANT,
    /** The expert's organisation may be a co-applicant. */
    POSSIBLE_ORG_IS_CO_APPLICANT,
    /** The expert's organisation may be a partner organisation. */
    POSSIBLE_ORG_IS_PARTNER,
    /** The expert may be a member of the team (same name in the same organisation, other identity key). */
    POSSIBLE_ON_TEAM,
    /** The expert may be one of the partners' named people. */
    POSSIBLE_PARTNER_PERSON,
    /** An organisation the expert declared may be the applicant, a co-applicant or a partner. */
    POSSIBLE_DECLARED_ORGANISATION,
    /** A person the expert declared may be a team member or a partner's named person. */
    POSSIBLE_DECLARED_PERSON;

    private static final int CERTAIN_COUNT = 7;

    /** Every certain reason's bit. */
    public static final int CERTAIN_BITS = (1 << CERTAIN_COUNT) - 1;

    /** Every possible reason's bit. */
    public static final int POSSIBLE_BITS = ((1 << values().length) - 1) & ~CERTAIN_BITS;

    public Certainty certainty() {
        return ordinal() < CERTAIN_COUNT ? Certainty.CERTAIN : Certainty.POSSIBLE;
    }

    /** The reason of the same kind with the given certainty: {@code EXPERT_ON_TEAM.with(POSSIBLE)} is POSSIBLE_ON_TEAM. */
    public ConflictReason with(Certainty certainty) {
        int base = ordinal() % CERTAIN_COUNT;
        return values()[certainty == Certainty.CERTAIN ? base : base + CERTAIN_COUNT];
    }

    int bit() {
        return 1 << ordinal();
    }
}
