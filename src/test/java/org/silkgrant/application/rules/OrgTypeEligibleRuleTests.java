package org.silkgrant.application.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.silkgrant.application.ApplicationFixture.complete;

import org.junit.jupiter.api.Test;
import org.silkgrant.application.ApplicationFixture;
import org.silkgrant.organization.OrganizationType;

class OrgTypeEligibleRuleTests {

    private final OrgTypeEligibleRule rule = new OrgTypeEligibleRule();

    @Test
    void passesForAUniversityWithCategory12() {
        RuleOutcome outcome = complete().check(rule);

        assertThat(outcome.passed()).isTrue();
        assertThat(outcome.messageKey()).isEqualTo("rule.ORG_TYPE_ELIGIBLE.passed");
    }

    @Test
    void passesForAnEnterpriseWithCategory91() {
        assertThat(complete().enterprise().check(rule).passed()).isTrue();
    }

    @Test
    void failsForAnEnterpriseWhoseCreditCodeHasCategory12() {
        RuleOutcome outcome = complete()
                .organization(ApplicationFixture.UNIVERSITY_CODE, OrganizationType.ENTERPRISE, "650102").check(rule);

        assertThat(outcome.passed()).isFalse();
        assertThat(outcome.messageKey()).isEqualTo("rule.ORG_TYPE_ELIGIBLE.typeMismatch");
        assertThat(outcome.arguments()).containsExactly("12", "91");
        assertThat(outcome.section()).isEqualTo("organization");
    }

    @Test
    void failsForACategoryTheCallDoesNotAdmit() {
        String socialOrganization = ApplicationFixture.creditCode("51", "650102", "MJ0000001");

        RuleOutcome outcome = complete()
                .organization(socialOrganization, OrganizationType.SOCIAL_ORGANIZATION, "650102").check(rule);

        assertThat(outcome.messageKey()).isEqualTo("rule.ORG_TYPE_ELIGIBLE.categoryNotEligible");
        assertThat(outcome.arguments()).containsExactly("51", "91, 12");
    }

    @Test
    void failsWithoutADeclaredType() {
        RuleOutcome outcome = complete().organization(ApplicationFixture.UNIVERSITY_CODE, null, "650102").check(rule);

        assertThat(outcome.messageKey()).isEqualTo("rule.ORG_TYPE_ELIGIBLE.typeMissing");
    }

    @Test
    void failsWhenTheCreditCodeIsMissingOrInvalid() {
        assertThat(complete().organization(null, OrganizationType.UNIVERSITY, "650102").check(rule).messageKey())
                .isEqualTo("rule.ORG_TYPE_ELIGIBLE.creditCodeMissing");
        assertThat(complete().organization("12650102ABC", OrganizationType.UNIVERSITY, "650102").check(rule).messageKey())
                .isEqualTo("rule.ORG_TYPE_ELIGIBLE.creditCodeInvalid");
    }
}
