package org.silkgrant.application;

/**
 * What someone does to an application (API.md {@code POST /applications/{id}/transitions}). {@code SUBMIT} also has
 * its own endpoint; {@code EXTEND} changes no state but is kept in the history like a transition. The funding
 * decision ({@code FUND}, {@code DECLINE}) and the award after the public notice ({@code AWARD}) are taken through the
 * award module, which records the decision with them.
 */
public enum Action {
    SUBMIT, APPROVE, RETURN, RECOMMEND, ACCEPT, REJECT, WITHDRAW, EXTEND, FUND, DECLINE, AWARD;

    /** The steps only the award module takes (they carry a decision or follow the notice). */
    public static final java.util.Set<Action> AWARD_STEPS = java.util.EnumSet.of(FUND, DECLINE, AWARD);
}
