package org.silkgrant.application.rules;

import static org.silkgrant.application.rules.RuleOutcome.ORGANIZATION;

import org.silkgrant.application.ApplicationContent;
import org.silkgrant.application.RuleContext;
import org.silkgrant.call.CallDefinition;

/** C1: the program office has verified the applicant organisation's registration. */
final class OrgVerifiedRule implements EligibilityRule {

    static final String ID = "ORG_VERIFIED";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public RuleOutcome check(ApplicationContent content, CallDefinition call, RuleContext context) {
        if (context.organization() == null || !context.organization().verified()) {
            return RuleOutcome.fail(ID, "notVerified", ORGANIZATION);
        }
        return RuleOutcome.pass(ID);
    }
}
