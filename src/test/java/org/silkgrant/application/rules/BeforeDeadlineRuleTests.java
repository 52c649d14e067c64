package org.silkgrant.application.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.silkgrant.application.ApplicationFixture.DEADLINE;
import static org.silkgrant.application.ApplicationFixture.complete;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.silkgrant.application.ApplicationFixture;

class BeforeDeadlineRuleTests {

    private final BeforeDeadlineRule rule = new BeforeDeadlineRule();

    private static ApplicationFixture at(Instant now) {
        ApplicationFixture application = complete();
        application.now = now;
        return application;
    }

    @Test
    void passesBeforeTheDeadlineAndShowsItInTheCallsTimeZone() {
        RuleOutcome outcome = at(DEADLINE.minusSeconds(1)).check(rule);

        assertThat(outcome.passed()).isTrue();
        assertThat(outcome.messageKey()).isEqualTo("rule.BEFORE_DEADLINE.passed");
        assertThat(outcome.arguments()).containsExactly("2023-06-30 18:00", "Asia/Shanghai");
    }

    @Test
    void failsAtAndAfterTheDeadline() {
        RuleOutcome outcome = at(DEADLINE.plus(Duration.ofMinutes(1))).check(rule);

        assertThat(at(DEADLINE).check(rule).passed()).isFalse();
        assertThat(outcome.passed()).isFalse();
        assertThat(outcome.messageKey()).isEqualTo("rule.BEFORE_DEADLINE.deadlinePassed");
        assertThat(outcome.arguments()).containsExactly("2023-06-30 18:00", "Asia/Shanghai");
        assertThat(outcome.section()).isNull();
    }

    @Test
    void passesAfterTheDeadlineWithinAnExtension() {
        ApplicationFixture application = at(DEADLINE.plus(Duration.ofDays(1)));
        application.extendedUntil = DEADLINE.plus(Duration.ofDays(3));

        RuleOutcome outcome = application.check(rule);

        assertThat(outcome.passed()).isTrue();
        assertThat(outcome.messageKey()).isEqualTo("rule.BEFORE_DEADLINE.extended");
        assertThat(outcome.arguments()).containsExactly("2023-07-03 18:00", "Asia/Shanghai");
    }

    @Test
    void failsAfterTheExtensionToo() {
        ApplicationFixture application = at(DEADLINE.plus(Duration.ofDays(4)));
        application.extendedUntil = DEADLINE.plus(Duration.ofDays(3));

        assertThat(application.check(rule).messageKey()).isEqualTo("rule.BEFORE_DEADLINE.extensionPassed");
    }

    @Test
    void failsWhenTheCallHasNoDeadline() {
        ApplicationFixture application = complete();
        application.deadline = null;

        assertThat(application.check(rule).messageKey()).isEqualTo("rule.BEFORE_DEADLINE.deadlineNotSet");
    }
}
