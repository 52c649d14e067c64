package org.silkgrant.review.assignment;

/** What matched when two organisations or two people were found to be (possibly) the same. */
public enum Basis {
    /** Both organisations carry the same unified social credit code. */
    SAME_CREDIT_CODE,
    /** The normalised names are equal, at most one side has a credit code, the countries do not differ. */
    SAME_NAME,
    /** The normalised names are equal but the two credit codes differ (both pass GB 32100): possible. */
    CREDIT_CODES_DIFFER,
    /** The normalised names are equal, the two credit codes differ and at least one fails GB 32100: possible. */
    CREDIT_CODE_INVALID,
    /** Both organisations have the same key of an {@link OrganisationKeys} (a registry id, an alias). */
    SAME_REGISTRY_KEY,
    /** Both people carry the same identity key. */
    SAME_IDENTITY,
    /** The same person's name, and one side's organisation is unknown. */
    SAME_NAME_ORGANISATION_UNKNOWN,
    /** The same person's name in the same organisation, at most one identity key. */
    SAME_NAME_SAME_ORGANISATION,
    /** The same person's name in what is possibly the same organisation: possible. */
    SAME_NAME_ORGANISATION_POSSIBLY_SAME,
    /** The same person's name in the same organisation, but the two identity keys differ: possible. */
    IDENTITY_KEYS_DIFFER
}
