package org.silkgrant.application.rules;

import static org.silkgrant.application.rules.RuleOutcome.TEAM;

import org.silkgrant.application.ApplicationContent;
import org.silkgrant.application.RuleContext;
import org.silkgrant.call.CallDefinition;

/** Regional practice (限项): the leader's current projects and this year's applications, this one included, stay within the call's limit. */
final class LeaderProjectLimitRule implements EligibilityRule {

    static final String ID = "LEADER_PROJECT_LIMIT";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public RuleOutcome check(ApplicationContent content, CallDefinition call, RuleContext context) {
        int limit = call.rules().leaderProjectLimit();
        if (context.leaderOtherProjects() + 1 > limit) {
            return RuleOutcome.fail(ID, "exceeded", TEAM, limit, context.leaderOtherProjects());
        }
        return RuleOutcome.pass(ID, "passed", limit);
    }
}
