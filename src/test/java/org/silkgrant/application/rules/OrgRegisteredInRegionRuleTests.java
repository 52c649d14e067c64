package org.silkgrant.application.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.silkgrant.application.ApplicationFixture.complete;

import org.junit.jupiter.api.Test;
import org.silkgrant.application.ApplicationFixture;
import org.silkgrant.organization.OrganizationType;

class OrgRegisteredInRegionRuleTests {

    private final OrgRegisteredInRegionRule rule = new OrgRegisteredInRegionRule();

    @Test
    void passesForAUniversityRegisteredAndLocatedInUrumqi() {
        RuleOutcome outcome = complete().check(rule);

        assertThat(outcome.passed()).isTrue();
        assertThat(outcome.messageKey()).isEqualTo("rule.ORG_REGISTERED_IN_REGION.passed");
    }

    @Test
    void failsForAValidBeijingCreditCode() {
        RuleOutcome outcome = complete()
                .organization(ApplicationFixture.BEIJING_CODE, OrganizationType.ENTERPRISE, "650102").check(rule);

        assertThat(outcome.passed()).isFalse();
        assertThat(outcome.messageKey()).isEqualTo("rule.ORG_REGISTERED_IN_REGION.creditCodeOutsideRegion");
        assertThat(outcome.arguments()).containsExactly("110000", "65");
        assertThat(outcome.section()).isEqualTo("organization");
    }

    @Test
    void failsForACreditCodeWithAWrongCheckCharacter() {
        String code = ApplicationFixture.UNIVERSITY_CODE;
        String wrong = code.substring(0, 17) + (code.charAt(17) == '0' ? '1' : '0');

        RuleOutcome outcome = complete().organization(wrong, OrganizationType.UNIVERSITY, "650102").check(rule);

        assertThat(outcome.messageKey()).isEqualTo("rule.ORG_REGISTERED_IN_REGION.creditCodeInvalid");
        assertThat(outcome.arguments()).containsExactly(wrong);
    }

    @Test
    void acceptsACreditCodeTypedInLowerCaseWithSpaces() {
        String typed = " " + ApplicationFixture.UNIVERSITY_CODE.toLowerCase(java.util.Locale.ROOT) + " ";

        assertThat(complete().organization(typed, OrganizationType.UNIVERSITY, "650102").check(rule).passed()).isTrue();
    }

    @Test
    void failsWhenTheDeclaredDivisionLiesOutsideTheRegion() {
        RuleOutcome outcome = complete()
                .organization(ApplicationFixture.UNIVERSITY_CODE, OrganizationType.UNIVERSITY, "110101").check(rule);

        assertThat(outcome.messageKey()).isEqualTo("rule.ORG_REGISTERED_IN_REGION.divisionOutsideRegion");
        assertThat(outcome.arguments()).containsExactly("110101", "65");
    }

    @Test
    void failsWithoutADeclaredDivision() {
        RuleOutcome outcome = complete()
                .organization(ApplicationFixture.UNIVERSITY_CODE, OrganizationType.UNIVERSITY, " ").check(rule);

        assertThat(outcome.messageKey()).isEqualTo("rule.ORG_REGISTERED_IN_REGION.divisionMissing");
    }

    @Test
    void failsWithoutACreditCodeOrWithoutAnOrganization() {
        ApplicationFixture noCode = complete().organization(null, OrganizationType.UNIVERSITY, "650102");
        ApplicationFixture noOrganization = complete();
        noOrganization.organization = null;

        assertThat(noCode.check(rule).messageKey()).isEqualTo("rule.ORG_REGISTERED_IN_REGION.creditCodeMissing");
        assertThat(noOrganization.check(rule).messageKey()).isEqualTo("rule.ORG_REGISTERED_IN_REGION.creditCodeMissing");
    }
}
