package org.silkgrant.notification;

/**
 * What a notification tells its recipient; {@code notification.<KIND>} is its headline (inbox line and mail
 * subject) with the arguments of {@link Notification}.
 */
public enum Kind {
    /** To the organisation's admins: an application awaits their sign-off. */
    SUBMITTED,
    /** To the leader: the submission is received, with its receipt number. */
    SUBMIT_RECEIPT,
    /** To the leader: the organisation approved. */
    APPROVE,
    /** To the recommenders (or the office): an approved application awaits them. */
    APPROVE_QUEUE,
    RETURN, RECOMMEND, ACCEPT, REJECT, WITHDRAW, EXTEND,
    /** To the leader and the organisation's admins: the funding decision, and the award after the notice. */
    FUND, DECLINE, AWARD,
    /** To the leader and the organisation's admins: the approved application is on public notice until {3}. */
    NOTICE_PUBLISHED,
    /** To the leader and the office: an objection was filed against a noticed project. */
    OBJECTION_FILED,
    /** To the leader and the objector: the office answered the objection. */
    OBJECTION_ANSWERED,
    ORGANIZATION_VERIFIED, ORGANIZATION_REJECTED,
    /** To a leader: a draft or returned application is not submitted and the deadline is near. */
    REMINDER_DRAFT,
    /** To an organisation's admin: submitted applications await sign-off and its deadline is near. */
    REMINDER_SIGN_OFF,
    /** To a recommender: approved applications await recommendation and its deadline is near. */
    REMINDER_RECOMMENDATION,
    /** To an expert: reviews of a round are not submitted and the round's deadline is near. */
    REMINDER_REVIEW,
    /** To an expert: {4} new applications to review in call {0}, round {2}, until {3}. */
    EXPERT_ASSIGNED,
    /** To the program officers: expert {1} declared a conflict with application {0}; a gap to fill. */
    CONFLICT_DECLARED,
    /** To an expert: the program officer reopened their score sheet of call {0}, with the reason as the comment. */
    SHEET_REOPENED;

    String messageKey() {
        return "notification." + name();
    }
}
