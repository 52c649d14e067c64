package org.silkgrant.application.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.silkgrant.application.ApplicationFixture.complete;

import org.junit.jupiter.api.Test;
import org.silkgrant.application.ApplicationContent.Narrative;
import org.silkgrant.application.ApplicationFixture;

class ObjectivesCompleteRuleTests {

    private final ObjectivesCompleteRule rule = new ObjectivesCompleteRule();

    @Test
    void passesWhenAllSevenPartsAreFilledIn() {
        RuleOutcome outcome = complete().check(rule);

        assertThat(outcome.passed()).isTrue();
        assertThat(outcome.messageKey()).isEqualTo("rule.OBJECTIVES_COMPLETE.passed");
    }

    @Test
    void namesTheFirstEmptyPartAndCountsThemAll() {
        ApplicationFixture application = complete();
        application.narrative = new Narrative("目标", "理由", "内容", " \n", "责任", null, "成效");

        RuleOutcome outcome = application.check(rule);

        assertThat(outcome.passed()).isFalse();
        assertThat(outcome.messageKey()).isEqualTo("rule.OBJECTIVES_COMPLETE.channelsMissing");
        assertThat(outcome.arguments()).containsExactly(2);
        assertThat(outcome.section()).isEqualTo("narrative");
    }

    @Test
    void failsForEachPartLeftEmpty() {
        String[] keys = {"objectives", "rationale", "content", "channels", "responsibilities", "plan", "expectedResults"};
        for (int i = 0; i < keys.length; i++) {
            String[] parts = {"a", "b", "c", "d", "e", "f", "g"};
            parts[i] = "";
            ApplicationFixture application = complete();
            application.narrative = new Narrative(parts[0], parts[1], parts[2], parts[3], parts[4], parts[5], parts[6]);

            assertThat(application.check(rule).messageKey()).isEqualTo("rule.OBJECTIVES_COMPLETE." + keys[i] + "Missing");
        }
    }

    @Test
    void failsWithAllSevenMissingWhenTheSectionIsNotFilledIn() {
        ApplicationFixture application = complete();
        application.narrative = null;

        RuleOutcome outcome = application.check(rule);

        assertThat(outcome.messageKey()).isEqualTo("rule.OBJECTIVES_COMPLETE.objectivesMissing");
        assertThat(outcome.arguments()).containsExactly(7);
    }
}
