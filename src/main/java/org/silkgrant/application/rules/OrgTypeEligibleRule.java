package org.silkgrant.application.rules;

import static org.silkgrant.application.rules.RuleOutcome.ORGANIZATION;
import static org.silkgrant.application.rules.Values.blank;

import org.silkgrant.application.ApplicationContent;
import org.silkgrant.application.RuleContext;
import org.silkgrant.application.RuleContext.ApplicantOrganization;
import org.silkgrant.call.CallDefinition;
import org.silkgrant.shared.CreditCode;
import org.silkgrant.shared.InvalidIdentifierException;

/** C1: the credit-code category is one the call admits, and the declared organisation type agrees with it. */
final class OrgTypeEligibleRule implements EligibilityRule {

    static final String ID = "ORG_TYPE_ELIGIBLE";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public RuleOutcome check(ApplicationContent content, CallDefinition call, RuleContext context) {
        ApplicantOrganization organization = context.organization();
        if (organization == null || blank(organization.creditCode())) {
            return RuleOutcome.fail(ID, "creditCodeMissing", ORGANIZATION);
        }
        String category;
        try {
            category = CreditCode.parse(organization.creditCode()).category();
        } catch (InvalidIdentifierException e) {
            return RuleOutcome.fail(ID, "creditCodeInvalid", ORGANIZATION, organization.creditCode().strip());
        }
        if (!call.rules().eligibleOrganizationCategories().contains(category)) {
            return RuleOutcome.fail(ID, "categoryNotEligible", ORGANIZATION, category,
                    String.join(", ", call.rules().eligibleOrganizationCategories()));
        }
        if (organization.type() == null) {
            return RuleOutcome.fail(ID, "typeMissing", ORGANIZATION);
        }
        if (!organization.type().fits(category)) {
            return RuleOutcome.fail(ID, "typeMismatch", ORGANIZATION, category, organization.type().creditCategory());
        }
        return RuleOutcome.pass(ID);
    }
}
