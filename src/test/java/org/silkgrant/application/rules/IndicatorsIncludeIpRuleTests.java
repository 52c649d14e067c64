package org.silkgrant.application.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.silkgrant.application.ApplicationFixture.complete;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.silkgrant.application.ApplicationContent.Indicator;
import org.silkgrant.application.ApplicationContent.IndicatorKind;
import org.silkgrant.application.ApplicationFixture;

class IndicatorsIncludeIpRuleTests {

    private final IndicatorsIncludeIpRule rule = new IndicatorsIncludeIpRule();

    private static final Indicator PAPERS = new Indicator(IndicatorKind.PAPER, "发表论文", 3, "篇");

    @Test
    void passesWithAPatentApplication() {
        RuleOutcome outcome = complete().check(rule);

        assertThat(outcome.passed()).isTrue();
        assertThat(outcome.messageKey()).isEqualTo("rule.INDICATORS_INCLUDE_IP.passed");
    }

    @ParameterizedTest
    @EnumSource(names = {"PATENT_APPLICATION", "PATENT_GRANT", "SOFTWARE_COPYRIGHT", "PLANT_VARIETY", "STANDARD"})
    void passesForEveryKindTheCallCountsAsIntellectualProperty(IndicatorKind kind) {
        assertThat(complete().indicators(PAPERS, new Indicator(kind, "知识产权", 1, "项")).check(rule).passed()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(names = {"PAPER", "TALENT", "PLATFORM", "OTHER"})
    void failsWhenNoIndicatorIsIntellectualProperty(IndicatorKind kind) {
        RuleOutcome outcome = complete().indicators(new Indicator(kind, "其他成果", 5, "项")).check(rule);

        assertThat(outcome.passed()).isFalse();
        assertThat(outcome.messageKey()).isEqualTo("rule.INDICATORS_INCLUDE_IP.ipMissing");
        assertThat(outcome.section()).isEqualTo("indicators");
    }

    @Test
    void failsForAnIntellectualPropertyIndicatorWithQuantityZero() {
        RuleOutcome outcome = complete().indicators(PAPERS, new Indicator(IndicatorKind.PATENT_GRANT, "授权专利", 0, "项"))
                .check(rule);

        assertThat(outcome.messageKey()).isEqualTo("rule.INDICATORS_INCLUDE_IP.quantityBelowOne");
        assertThat(outcome.arguments()).containsExactly(2);
    }

    @Test
    void failsForAnIntellectualPropertyIndicatorWithoutQuantity() {
        assertThat(complete().indicators(new Indicator(IndicatorKind.STANDARD, "标准", null, "项")).check(rule).messageKey())
                .isEqualTo("rule.INDICATORS_INCLUDE_IP.quantityBelowOne");
    }

    @Test
    void anIndicatorWithoutKindIsNotIntellectualProperty() {
        assertThat(complete().indicators(new Indicator(null, "专利", 2, "项")).check(rule).passed()).isFalse();
    }

    @Test
    void failsWhenIndicatorsAreNotFilledIn() {
        ApplicationFixture application = complete();
        application.indicators = null;

        assertThat(application.check(rule).messageKey()).isEqualTo("rule.INDICATORS_INCLUDE_IP.ipMissing");
    }
}
