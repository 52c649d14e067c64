package org.silkgrant.application.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.silkgrant.application.ApplicationFixture.budget;
import static org.silkgrant.application.ApplicationFixture.complete;
import static org.silkgrant.application.ApplicationFixture.line;

import org.junit.jupiter.api.Test;
import org.silkgrant.application.ApplicationContent.Budget;
import org.silkgrant.application.ApplicationContent.Source;
import org.silkgrant.application.ApplicationFixture;

class BudgetBalancedRuleTests {

    private final BudgetBalancedRule rule = new BudgetBalancedRule();

    private static RuleOutcome check(Budget budget) {
        ApplicationFixture application = complete();
        application.budget = budget;
        return application.check(new BudgetBalancedRule());
    }

    @Test
    void passesWhenTheLinesAddUpPerSource() {
        RuleOutcome outcome = complete().check(rule);

        assertThat(outcome.passed()).isTrue();
        assertThat(outcome.messageKey()).isEqualTo("rule.BUDGET_BALANCED.passed");
    }

    @Test
    void passesForBothSourcesWithTrailingZerosAndAWholeYuan() {
        RuleOutcome outcome = check(budget("100.0001", "200.50",
                line("EQUIPMENT", Source.FISCAL, "60.0001"),
                line("LABOUR", Source.FISCAL, "40.000000"),
                line("OPERATING", Source.SELF_RAISED, "150.5"),
                line("EQUIPMENT", Source.SELF_RAISED, "50")));

        assertThat(outcome.passed()).isTrue();
    }

    @Test
    void failsWhenTheFiscalLinesAreOneYuanShort() {
        RuleOutcome outcome = check(budget("100", "0",
                line("EQUIPMENT", Source.FISCAL, "30"),
                line("OPERATING", Source.FISCAL, "69.9999")));

        assertThat(outcome.passed()).isFalse();
        assertThat(outcome.messageKey()).isEqualTo("rule.BUDGET_BALANCED.fiscalUnbalanced");
        assertThat(outcome.arguments()).containsExactly("99.9999", "100", "0.0001");
        assertThat(outcome.section()).isEqualTo("budget");
    }

    @Test
    void failsWhenTheSelfRaisedLinesAreOneYuanOver() {
        RuleOutcome outcome = check(budget("10", "20",
                line("EQUIPMENT", Source.FISCAL, "10"),
                line("OPERATING", Source.SELF_RAISED, "20.0001")));

        assertThat(outcome.messageKey()).isEqualTo("rule.BUDGET_BALANCED.selfRaisedUnbalanced");
        assertThat(outcome.arguments()).containsExactly("20.0001", "20", "0.0001");
    }

    @Test
    void failsForALineWithFiveDecimals() {
        RuleOutcome outcome = check(budget("100", "0",
                line("EQUIPMENT", Source.FISCAL, "30.00001"),
                line("OPERATING", Source.FISCAL, "69.99999")));

        assertThat(outcome.messageKey()).isEqualTo("rule.BUDGET_BALANCED.lineTooManyDecimals");
        assertThat(outcome.arguments()).containsExactly(1, "30.00001");
    }

    @Test
    void failsForATotalWithFiveDecimals() {
        assertThat(check(budget("100.00001", "0")).messageKey()).isEqualTo("rule.BUDGET_BALANCED.totalTooManyDecimals");
    }

    @Test
    void failsForNegativeAmounts() {
        assertThat(check(budget("-1", "0")).messageKey()).isEqualTo("rule.BUDGET_BALANCED.totalNegative");
        assertThat(check(budget("0", "0", line("LABOUR", Source.FISCAL, "-5"), line("LABOUR", Source.FISCAL, "5")))
                .messageKey()).isEqualTo("rule.BUDGET_BALANCED.lineNegative");
    }

    @Test
    void failsForACategoryTheCallDoesNotList() {
        RuleOutcome outcome = check(budget("100", "0", line("TRAVEL", Source.FISCAL, "100")));

        assertThat(outcome.messageKey()).isEqualTo("rule.BUDGET_BALANCED.lineCategoryUnknown");
        assertThat(outcome.arguments()).containsExactly(1, "TRAVEL");
    }

    @Test
    void failsForIncompleteLines() {
        assertThat(check(budget("100", "0", line(null, Source.FISCAL, "100"))).messageKey())
                .isEqualTo("rule.BUDGET_BALANCED.lineCategoryMissing");
        assertThat(check(budget("100", "0", line("LABOUR", null, "100"))).messageKey())
                .isEqualTo("rule.BUDGET_BALANCED.lineSourceMissing");
        assertThat(check(budget("100", "0", line("LABOUR", Source.FISCAL, null))).messageKey())
                .isEqualTo("rule.BUDGET_BALANCED.lineAmountMissing");
    }

    @Test
    void failsWithoutTotals() {
        assertThat(check(budget(null, "0")).messageKey()).isEqualTo("rule.BUDGET_BALANCED.totalsMissing");
        assertThat(check(budget("100", null)).messageKey()).isEqualTo("rule.BUDGET_BALANCED.totalsMissing");
        assertThat(check(null).messageKey()).isEqualTo("rule.BUDGET_BALANCED.budgetMissing");
    }

    @Test
    void passesForZeroTotalsWithoutLines() {
        assertThat(check(budget("0", "0")).passed()).isTrue();
    }
}
