package org.silkgrant.review.ranking;

/**
 * A row of a ranked list: its rank within its category and scope (applications equal on every sort key share a
 * rank, and the next rank skips: 1, 1, 3) and its scores.
 */
public record RankedApplication(int rank, Group group, ApplicationScore score) {

    /** The list an application is ranked in: its category (KEY, GENERAL) and support scope (K1 … G9). */
    public record Group(String category, String scope) {
    }
}
