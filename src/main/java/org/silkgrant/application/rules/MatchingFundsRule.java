package org.silkgrant.application.rules;

import static org.silkgrant.application.rules.RuleOutcome.BUDGET;
import static org.silkgrant.application.rules.RuleOutcome.ORGANIZATION;
import static org.silkgrant.application.rules.Values.plain;

import java.math.BigDecimal;
import java.util.Locale;

import org.silkgrant.application.ApplicationContent;
import org.silkgrant.application.ApplicationContent.Budget;
import org.silkgrant.application.RuleContext;
import org.silkgrant.application.RuleContext.ApplicantOrganization;
import org.silkgrant.call.CallDefinition;
import org.silkgrant.organization.OrganizationType;

/** R4: an enterprise raises at least the call's ratio times the fiscal funding itself; public institutions need nothing. */
final class MatchingFundsRule implements EligibilityRule {

    static final String ID = "MATCHING_FUNDS";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public RuleOutcome check(ApplicationContent content, CallDefinition call, RuleContext context) {
        ApplicantOrganization organization = context.organization();
        if (organization == null) {
            return RuleOutcome.fail(ID, "organizationMissing", ORGANIZATION);
        }
        if (!enterprise(organization)) {
            return RuleOutcome.pass(ID, "notRequired");
        }
        Budget budget = content.budget();
        if (budget == null || budget.fiscal() == null || budget.selfRaised() == null) {
            return RuleOutcome.fail(ID, "amountsMissing", BUDGET);
        }
        BigDecimal ratio = call.rules().enterpriseMatchingRatio();
        BigDecimal required = ratio.multiply(budget.fiscal());
        if (budget.selfRaised().compareTo(required) < 0) {
            return RuleOutcome.fail(ID, "selfRaisedShort", BUDGET, plain(ratio), plain(required),
                    plain(budget.selfRaised()), plain(required.subtract(budget.selfRaised())));
        }
        return RuleOutcome.pass(ID);
    }

    /** By declared type or by credit-code category, so a mismatch (reported by ORG_TYPE_ELIGIBLE) cannot dodge the ratio. */
    private static boolean enterprise(ApplicantOrganization organization) {
        String code = organization.creditCode() == null ? "" : organization.creditCode().strip().toUpperCase(Locale.ROOT);
        return organization.type() == OrganizationType.ENTERPRISE
                || code.startsWith(OrganizationType.ENTERPRISE.creditCategory());
    }
}
