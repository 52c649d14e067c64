package org.silkgrant.application.rules;

import static org.silkgrant.application.rules.RuleOutcome.ORGANIZATION;
import static org.silkgrant.application.rules.Values.blank;

import org.silkgrant.application.ApplicationContent;
import org.silkgrant.application.RuleContext;
import org.silkgrant.application.RuleContext.ApplicantOrganization;
import org.silkgrant.call.CallDefinition;
import org.silkgrant.shared.CreditCode;
import org.silkgrant.shared.InvalidIdentifierException;

/** C1: the applicant's credit code is valid and registered in the call's region, and so is its declared division. */
final class OrgRegisteredInRegionRule implements EligibilityRule {

    static final String ID = "ORG_REGISTERED_IN_REGION";

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
        CreditCode code;
        try {
            code = CreditCode.parse(organization.creditCode());
        } catch (InvalidIdentifierException e) {
            return RuleOutcome.fail(ID, "creditCodeInvalid", ORGANIZATION, organization.creditCode().strip());
        }
        String prefix = call.region().divisionPrefix();
        if (!code.registeredIn(prefix)) {
            return RuleOutcome.fail(ID, "creditCodeOutsideRegion", ORGANIZATION, code.divisionCode(), prefix);
        }
        if (blank(organization.divisionCode())) {
            return RuleOutcome.fail(ID, "divisionMissing", ORGANIZATION);
        }
        String division = organization.divisionCode().strip();
        if (!division.startsWith(prefix)) {
            return RuleOutcome.fail(ID, "divisionOutsideRegion", ORGANIZATION, division, prefix);
        }
        return RuleOutcome.pass(ID);
    }
}
