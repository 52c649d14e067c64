package org.silkgrant.review.assignment;

/** How sure a conflict of interest is. */
public enum Certainty {
    /** The identifiers or names settle it: the pair is never assigned. */
    CERTAIN,
    /** A match the identifiers do not settle: the pair is excluded until the program officer dismisses it. */
    POSSIBLE
}
