package org.silkgrant.application.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.silkgrant.application.ApplicationFixture.complete;

import org.junit.jupiter.api.Test;
import org.silkgrant.application.ApplicationFixture;

class IntegrityRecordRuleTests {

    private final IntegrityRecordRule rule = new IntegrityRecordRule();

    @Test
    void passesWhenNeitherIsListed() {
        RuleOutcome outcome = complete().check(rule);

        assertThat(outcome.passed()).isTrue();
        assertThat(outcome.messageKey()).isEqualTo("rule.INTEGRITY_RECORD.passed");
    }

    @Test
    void failsWhenTheOrganizationIsListed() {
        ApplicationFixture application = complete();
        application.organizationOnIntegrityList = true;

        RuleOutcome outcome = application.check(rule);

        assertThat(outcome.passed()).isFalse();
        assertThat(outcome.messageKey()).isEqualTo("rule.INTEGRITY_RECORD.organizationListed");
        assertThat(outcome.section()).isEqualTo("organization");
    }

    @Test
    void failsWhenTheLeaderIsListed() {
        ApplicationFixture application = complete();
        application.leaderOnIntegrityList = true;

        RuleOutcome outcome = application.check(rule);

        assertThat(outcome.passed()).isFalse();
        assertThat(outcome.messageKey()).isEqualTo("rule.INTEGRITY_RECORD.leaderListed");
        assertThat(outcome.section()).isEqualTo("team");
    }
}
