package org.silkgrant.application.rules;

import static org.silkgrant.application.rules.RuleOutcome.ORGANIZATION;
import static org.silkgrant.application.rules.RuleOutcome.TEAM;

import org.silkgrant.application.ApplicationContent;
import org.silkgrant.application.RuleContext;
import org.silkgrant.call.CallDefinition;

/** Neither the applicant organisation nor the project leader is on the program office's research-integrity list. */
final class IntegrityRecordRule implements EligibilityRule {

    static final String ID = "INTEGRITY_RECORD";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public RuleOutcome check(ApplicationContent content, CallDefinition call, RuleContext context) {
        if (context.organizationOnIntegrityList()) {
            return RuleOutcome.fail(ID, "organizationListed", ORGANIZATION);
        }
        if (context.leaderOnIntegrityList()) {
            return RuleOutcome.fail(ID, "leaderListed", TEAM);
        }
        return RuleOutcome.pass(ID);
    }
}
