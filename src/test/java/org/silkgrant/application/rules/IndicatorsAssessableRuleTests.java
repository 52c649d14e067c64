package org.silkgrant.application.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.silkgrant.application.ApplicationFixture.complete;

import org.junit.jupiter.api.Test;
import org.silkgrant.application.ApplicationContent.Indicator;
import org.silkgrant.application.ApplicationContent.IndicatorKind;
import org.silkgrant.application.ApplicationFixture;

class IndicatorsAssessableRuleTests {

    private final IndicatorsAssessableRule rule = new IndicatorsAssessableRule();

    private static final Indicator PATENTS = new Indicator(IndicatorKind.PATENT_APPLICATION, "申请发明专利", 2, "项");

    @Test
    void passesWhenEveryIndicatorHasAQuantityAndAUnit() {
        RuleOutcome outcome = complete().check(rule);

        assertThat(outcome.passed()).isTrue();
        assertThat(outcome.messageKey()).isEqualTo("rule.INDICATORS_ASSESSABLE.passed");
    }

    @Test
    void failsForAnIndicatorWithoutAUnit() {
        RuleOutcome outcome = complete().indicators(PATENTS, new Indicator(IndicatorKind.PAPER, "发表论文", 3, " ")).check(rule);

        assertThat(outcome.passed()).isFalse();
        assertThat(outcome.messageKey()).isEqualTo("rule.INDICATORS_ASSESSABLE.unitMissing");
        assertThat(outcome.arguments()).containsExactly(2);
        assertThat(outcome.section()).isEqualTo("indicators");
    }

    @Test
    void failsForAnIndicatorWithoutAQuantity() {
        RuleOutcome outcome = complete().indicators(new Indicator(IndicatorKind.PAPER, "发表论文", null, "篇"), PATENTS)
                .check(rule);

        assertThat(outcome.messageKey()).isEqualTo("rule.INDICATORS_ASSESSABLE.quantityMissing");
        assertThat(outcome.arguments()).containsExactly(1);
    }

    @Test
    void failsForANegativeQuantity() {
        RuleOutcome outcome = complete().indicators(PATENTS, new Indicator(IndicatorKind.TALENT, "培养", -1, "人")).check(rule);

        assertThat(outcome.messageKey()).isEqualTo("rule.INDICATORS_ASSESSABLE.quantityNegative");
    }

    @Test
    void aQuantityOfZeroIsStillAssessable() {
        assertThat(complete().indicators(PATENTS, new Indicator(IndicatorKind.OTHER, "其他", 0, "项")).check(rule).passed())
                .isTrue();
    }

    @Test
    void failsWithoutIndicators() {
        ApplicationFixture notFilledIn = complete();
        notFilledIn.indicators = null;

        assertThat(complete().indicators().check(rule).messageKey()).isEqualTo("rule.INDICATORS_ASSESSABLE.noIndicator");
        assertThat(notFilledIn.check(rule).messageKey()).isEqualTo("rule.INDICATORS_ASSESSABLE.noIndicator");
    }
}
