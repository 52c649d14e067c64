package org.silkgrant.application.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.silkgrant.application.ApplicationFixture.complete;

import org.junit.jupiter.api.Test;
import org.silkgrant.application.ApplicationFixture;

class DuplicateContentRuleTests {

    private final DuplicateContentRule rule = new DuplicateContentRule();

    private static ApplicationFixture similarity(Double similarity) {
        ApplicationFixture application = complete();
        application.duplicateSimilarity = similarity;
        return application;
    }

    @Test
    void passesAsNotCheckedWhileTheCheckHasNotRun() {
        RuleOutcome outcome = similarity(null).check(rule);

        assertThat(outcome.passed()).isTrue();
        assertThat(outcome.messageKey()).isEqualTo("rule.DUPLICATE_CONTENT.notChecked");
    }

    @Test
    void treatsABrokenMeasurementAsNotChecked() {
        assertThat(similarity(Double.NaN).check(rule).messageKey()).isEqualTo("rule.DUPLICATE_CONTENT.notChecked");
    }

    @Test
    void passesBelowTheThreshold() {
        RuleOutcome outcome = similarity(0.5999).check(rule);

        assertThat(outcome.passed()).isTrue();
        assertThat(outcome.messageKey()).isEqualTo("rule.DUPLICATE_CONTENT.passed");
        assertThat(outcome.arguments()).containsExactly("60");
    }

    @Test
    void failsAtTheThreshold() {
        RuleOutcome outcome = similarity(0.6).check(rule);

        assertThat(outcome.passed()).isFalse();
        assertThat(outcome.messageKey()).isEqualTo("rule.DUPLICATE_CONTENT.similar");
        assertThat(outcome.arguments()).containsExactly("60", "60");
        assertThat(outcome.section()).isEqualTo("narrative");
    }

    @Test
    void failsAboveTheThreshold() {
        RuleOutcome outcome = similarity(0.876).check(rule);

        assertThat(outcome.passed()).isFalse();
        assertThat(outcome.arguments()).containsExactly("87", "60");
    }
}
