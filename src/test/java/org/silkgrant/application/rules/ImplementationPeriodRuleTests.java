package org.silkgrant.application.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.silkgrant.application.ApplicationFixture.complete;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.silkgrant.application.ApplicationFixture;

class ImplementationPeriodRuleTests {

    private final ImplementationPeriodRule rule = new ImplementationPeriodRule();

    private RuleOutcome period(String start, String end) {
        return complete().period(LocalDate.parse(start), LocalDate.parse(end)).check(rule);
    }

    @ParameterizedTest(name = "{0} to {1}: {2}")
    @CsvSource({
            "2024-01-01, 2025-12-31, true",   // exactly 24 months, both days counted
            "2024-01-01, 2026-12-31, true",   // exactly 36 months
            "2024-01-01, 2025-12-30, false",  // 24 months less a day
            "2024-01-01, 2027-01-01, false",  // 36 months and a day
            "2024-01-01, 2026-06-30, true",
            "2024-03-15, 2026-03-14, true",
            "2024-03-15, 2026-03-13, false",
            "2024-03-15, 2027-03-14, true",
            "2024-03-15, 2027-03-15, false",
            "2024-01-01, 2023-12-31, false"})
    void passesFromTwoToThreeYearsCountingBothDays(String start, String end, boolean passes) {
        assertThat(period(start, end).passed()).isEqualTo(passes);
    }

    @Test
    void saysTheEarliestEndWhenTooShort() {
        RuleOutcome outcome = period("2024-01-01", "2025-12-30");

        assertThat(outcome.messageKey()).isEqualTo("rule.PERIOD_2_TO_3_YEARS.tooShort");
        assertThat(outcome.arguments()).containsExactly(24, "2024-01-01", "2025-12-31");
        assertThat(outcome.section()).isEqualTo("basics");
    }

    @Test
    void saysTheLatestEndWhenTooLong() {
        RuleOutcome outcome = period("2024-01-01", "2027-01-01");

        assertThat(outcome.messageKey()).isEqualTo("rule.PERIOD_2_TO_3_YEARS.tooLong");
        assertThat(outcome.arguments()).containsExactly(36, "2024-01-01", "2026-12-31");
    }

    @Test
    void passesWithTheCallsBounds() {
        RuleOutcome outcome = period("2024-01-01", "2025-12-31");

        assertThat(outcome.messageKey()).isEqualTo("rule.PERIOD_2_TO_3_YEARS.passed");
        assertThat(outcome.arguments()).containsExactly(24, 36);
    }

    @Test
    void failsWithoutDates() {
        ApplicationFixture notFilledIn = complete();
        notFilledIn.basics = null;

        assertThat(complete().period(LocalDate.of(2024, 1, 1), null).check(rule).messageKey())
                .isEqualTo("rule.PERIOD_2_TO_3_YEARS.datesMissing");
        assertThat(notFilledIn.check(rule).messageKey()).isEqualTo("rule.PERIOD_2_TO_3_YEARS.datesMissing");
    }
}
