package org.silkgrant.application;

/**
 * What someone does to an application (API.md {@code POST /applications/{id}/transitions}). {@code SUBMIT} also has
 * its own endpoint; {@code EXTEND} changes no state but is kept in the history like a transition. The funding
 * decision ({@code FUND}, {@code DECLINE}) and the award after the public notice ({@code AWARD}) are taken through the
 * award module, which records the decision with them; {@code START_REVIEW} through the review module when it opens a
 * review round.
 */
public enum Action {
    SUBMIT, APPROVE, RETURN, RECOMMEND, ACCEPT, REJECT, WITHDRAW, EXTEND, FUND, DECLINE, AWARD, START_REVIEW;

    /** The steps only the award module takes (they carry a decision or follow the notice). */
    public static final java.util.Set<Action> AWARD_STEPS = java.util.EnumSet.of(FUND, DECLINE, AWARD);

    /** The step only the review module takes when it opens a review round: ACCEPTED → UNDER_REVIEW. */
    public static final java.util.Set<Action> REVIEW_STEPS = java.util.EnumSet.of(START_REVIEW);

    /** The step as a message argument: its label in the reader's language, never the code. */
    public static org.springframework.context.MessageSourceResolvable label(Action action) {
        return org.silkgrant.shared.Label.of("routing.action.", action);
    }
}
