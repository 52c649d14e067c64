package org.silkgrant.application.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.silkgrant.application.ApplicationFixture.complete;

import org.junit.jupiter.api.Test;
import org.silkgrant.application.ApplicationFixture;

class LeaderProjectLimitRuleTests {

    private final LeaderProjectLimitRule rule = new LeaderProjectLimitRule();

    private static ApplicationFixture leaderWith(int otherProjects) {
        ApplicationFixture application = complete();
        application.leaderOtherProjects = otherProjects;
        return application;
    }

    @Test
    void passesForALeaderWithNothingElseUnderTheLimitOfOne() {
        RuleOutcome outcome = leaderWith(0).check(rule);

        assertThat(outcome.passed()).isTrue();
        assertThat(outcome.messageKey()).isEqualTo("rule.LEADER_PROJECT_LIMIT.passed");
        assertThat(outcome.arguments()).containsExactly(1);
    }

    @Test
    void failsForALeaderWithOneOtherProjectOrApplication() {
        RuleOutcome outcome = leaderWith(1).check(rule);

        assertThat(outcome.passed()).isFalse();
        assertThat(outcome.messageKey()).isEqualTo("rule.LEADER_PROJECT_LIMIT.exceeded");
        assertThat(outcome.arguments()).containsExactly(1, 1);
        assertThat(outcome.section()).isEqualTo("team");
    }
}
