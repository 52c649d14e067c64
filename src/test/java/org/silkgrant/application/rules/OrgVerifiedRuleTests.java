package org.silkgrant.application.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.silkgrant.application.ApplicationFixture.complete;

import org.junit.jupiter.api.Test;
import org.silkgrant.application.ApplicationFixture;
import org.silkgrant.application.RuleContext.ApplicantOrganization;

class OrgVerifiedRuleTests {

    private final OrgVerifiedRule rule = new OrgVerifiedRule();

    @Test
    void passesForAVerifiedOrganization() {
        RuleOutcome outcome = complete().check(rule);

        assertThat(outcome.passed()).isTrue();
        assertThat(outcome.messageKey()).isEqualTo("rule.ORG_VERIFIED.passed");
    }

    @Test
    void failsForAnOrganizationNotYetVerified() {
        ApplicationFixture application = complete();
        ApplicantOrganization o = application.organization;
        application.organization = new ApplicantOrganization(o.creditCode(), o.type(), o.divisionCode(), false);

        RuleOutcome outcome = application.check(rule);

        assertThat(outcome.passed()).isFalse();
        assertThat(outcome.messageKey()).isEqualTo("rule.ORG_VERIFIED.notVerified");
        assertThat(outcome.section()).isEqualTo("organization");
    }

    @Test
    void failsWithoutAnOrganization() {
        ApplicationFixture application = complete();
        application.organization = null;

        assertThat(application.check(rule).passed()).isFalse();
    }
}
