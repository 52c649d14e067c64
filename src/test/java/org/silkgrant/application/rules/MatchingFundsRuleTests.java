package org.silkgrant.application.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.silkgrant.application.ApplicationFixture.budget;
import static org.silkgrant.application.ApplicationFixture.complete;

import org.junit.jupiter.api.Test;
import org.silkgrant.application.ApplicationFixture;
import org.silkgrant.organization.OrganizationType;

class MatchingFundsRuleTests {

    private final MatchingFundsRule rule = new MatchingFundsRule();

    private static ApplicationFixture enterpriseWith(String fiscal, String selfRaised) {
        ApplicationFixture application = complete().enterprise();
        application.budget = budget(fiscal, selfRaised);
        return application;
    }

    @Test
    void passesForAnEnterpriseRaisingExactlyTwiceTheFiscalFunding() {
        RuleOutcome outcome = enterpriseWith("100", "200").check(rule);

        assertThat(outcome.passed()).isTrue();
        assertThat(outcome.messageKey()).isEqualTo("rule.MATCHING_FUNDS.passed");
    }

    @Test
    void failsForAnEnterpriseRaisingOneYuanLess() {
        RuleOutcome outcome = enterpriseWith("100", "199.9999").check(rule);

        assertThat(outcome.passed()).isFalse();
        assertThat(outcome.messageKey()).isEqualTo("rule.MATCHING_FUNDS.selfRaisedShort");
        assertThat(outcome.arguments()).containsExactly("2", "200", "199.9999", "0.0001");
        assertThat(outcome.section()).isEqualTo("budget");
    }

    @Test
    void comparesExactlyDownToTheYuan() {
        assertThat(enterpriseWith("0.3", "0.6").check(rule).passed()).isTrue();
        assertThat(enterpriseWith("33.3333", "66.6666").check(rule).passed()).isTrue();
        assertThat(enterpriseWith("33.3333", "66.6665").check(rule).passed()).isFalse();
    }

    @Test
    void passesForAPublicInstitutionWithNoSelfRaisedFunds() {
        ApplicationFixture application = complete();
        application.budget = budget("100", "0");

        RuleOutcome outcome = application.check(rule);

        assertThat(outcome.passed()).isTrue();
        assertThat(outcome.messageKey()).isEqualTo("rule.MATCHING_FUNDS.notRequired");
    }

    @Test
    void treatsAnEnterpriseCreditCodeAsEnterpriseWhateverTypeIsDeclared() {
        ApplicationFixture application = complete()
                .organization(ApplicationFixture.ENTERPRISE_CODE, OrganizationType.UNIVERSITY, "650102");
        application.budget = budget("100", "0");

        assertThat(application.check(rule).messageKey()).isEqualTo("rule.MATCHING_FUNDS.selfRaisedShort");
    }

    @Test
    void failsForAnEnterpriseWithoutAmounts() {
        ApplicationFixture notFilledIn = complete().enterprise();
        notFilledIn.budget = null;

        assertThat(enterpriseWith("100", null).check(rule).messageKey()).isEqualTo("rule.MATCHING_FUNDS.amountsMissing");
        assertThat(notFilledIn.check(rule).messageKey()).isEqualTo("rule.MATCHING_FUNDS.amountsMissing");
    }

    @Test
    void failsWithoutAnOrganization() {
        ApplicationFixture application = complete();
        application.organization = null;

        assertThat(application.check(rule).messageKey()).isEqualTo("rule.MATCHING_FUNDS.organizationMissing");
    }
}
