package org.silkgrant.application.rules;

import java.util.List;

/** The eligibility rules the system implements, one instance of each; a call chooses which of them it runs. */
public final class EligibilityRules {

    private static final List<EligibilityRule> ALL = List.of(
            new OrgRegisteredInRegionRule(),
            new OrgTypeEligibleRule(),
            new OrgVerifiedRule(),
            new DirectionChosenRule(),
            new ForeignPartnerNamedRule(),
            new AgreementAttachedRule(),
            new ObjectivesCompleteRule(),
            new IndicatorsAssessableRule(),
            new IndicatorsIncludeIpRule(),
            new EthicsOpinionRule(),
            new MatchingFundsRule(),
            new BudgetBalancedRule(),
            new ResearchAssistantPositionRule(),
            new ImplementationPeriodRule(),
            new BeforeDeadlineRule(),
            new IntegrityRecordRule(),
            new LeaderProjectLimitRule(),
            new DuplicateContentRule(),
            new LeaderIsApplicantRule());

    private EligibilityRules() {
    }

    /** Every rule, in the order of RULES.md §5. */
    public static List<EligibilityRule> all() {
        return ALL;
    }
}
