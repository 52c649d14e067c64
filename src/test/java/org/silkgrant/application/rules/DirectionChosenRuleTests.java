package org.silkgrant.application.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.silkgrant.application.ApplicationFixture.complete;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.silkgrant.application.ApplicationFixture;

class DirectionChosenRuleTests {

    private final DirectionChosenRule rule = new DirectionChosenRule();

    @Test
    void passesForG3WithAPartnerInAltaiKrai() {
        RuleOutcome outcome = complete().partnerIn("RU", "RU-ALT").check(rule);

        assertThat(outcome.passed()).isTrue();
        assertThat(outcome.messageKey()).isEqualTo("rule.DIRECTION_CHOSEN.passed");
        assertThat(outcome.arguments()).containsExactly("G3");
    }

    @Test
    void failsForG3WithAPartnerOnlyInNovosibirsk() {
        RuleOutcome outcome = complete().partnerIn("RU", "RU-NVS").check(rule);

        assertThat(outcome.passed()).isFalse();
        assertThat(outcome.messageKey()).isEqualTo("rule.DIRECTION_CHOSEN.altaiPartnerMissing");
        assertThat(outcome.arguments()).containsExactly("G3");
        assertThat(outcome.section()).isEqualTo("partners");
    }

    @ParameterizedTest
    @CsvSource({"KZ, KZ-VOS", "KZ, KZ-63", "KZ, KZ-10", "KZ, KZ-ALA", "MN, MN-071", "RU, RU-TY", "ru, ru-alt"})
    void acceptsCurrentAndFormerCodesOfTheListedRegions(String country, String region) {
        assertThat(complete().partnerIn(country, region).check(rule).passed()).isTrue();
    }

    @Test
    void failsWhenTheRegionCodeIsListedButForAnotherCountry() {
        assertThat(complete().partnerIn("MN", "RU-ALT").check(rule).passed()).isFalse();
    }

    @Test
    void passesForG3WhenAnyOnePartnerIsInAListedRegion() {
        RuleOutcome outcome = complete()
                .partners(ApplicationFixture.altaiStateUniversity("RU", "RU-NVS"), ApplicationFixture.altaiStateUniversity("KZ", "KZ-VOS"))
                .check(rule);

        assertThat(outcome.passed()).isTrue();
    }

    @Test
    void failsForG1WithoutAField() {
        RuleOutcome outcome = complete().direction("GENERAL", "G1").check(rule);

        assertThat(outcome.messageKey()).isEqualTo("rule.DIRECTION_CHOSEN.fieldMissing");
        assertThat(outcome.arguments()).containsExactly("G1");
        assertThat(outcome.section()).isEqualTo("basics");
    }

    @Test
    void failsForG1WithAFieldNotInTheList() {
        RuleOutcome outcome = complete().direction("GENERAL", "G1").field("ASTROLOGY").check(rule);

        assertThat(outcome.messageKey()).isEqualTo("rule.DIRECTION_CHOSEN.fieldUnknown");
        assertThat(outcome.arguments()).containsExactly("G1", "ASTROLOGY");
    }

    @Test
    void passesForG1WithAListedFieldAndWithOrWithoutAPlatformType() {
        assertThat(complete().direction("GENERAL", "G1").field("NEW_ENERGY").check(rule).passed()).isTrue();
        assertThat(complete().direction("GENERAL", "G1").field("NEW_ENERGY").platformType("JOINT_LABORATORY").check(rule)
                .passed()).isTrue();
    }

    @Test
    void failsForG1WithAPlatformTypeNotInTheList() {
        RuleOutcome outcome = complete().direction("GENERAL", "G1").field("NEW_ENERGY").platformType("SPACE_STATION")
                .check(rule);

        assertThat(outcome.messageKey()).isEqualTo("rule.DIRECTION_CHOSEN.platformTypeUnknown");
        assertThat(outcome.arguments()).containsExactly("G1", "SPACE_STATION");
    }

    @Test
    void failsForG6WithoutAPortPark() {
        RuleOutcome outcome = complete().direction("GENERAL", "G6").check(rule);

        assertThat(outcome.messageKey()).isEqualTo("rule.DIRECTION_CHOSEN.portParkMissing");
        assertThat(outcome.arguments()).containsExactly("G6");
    }

    @Test
    void failsForG6WithAPortParkNotInTheList() {
        assertThat(complete().direction("GENERAL", "G6").portPark("URUMQI_HTZ").check(rule).messageKey())
                .isEqualTo("rule.DIRECTION_CHOSEN.portParkUnknown");
    }

    @Test
    void passesForG6WithAListedPortPark() {
        assertThat(complete().direction("GENERAL", "G6").portPark("KHORGOS_EDZ").check(rule).passed()).isTrue();
    }

    @Test
    void failsForG8WithoutAnEarlierProject() {
        RuleOutcome outcome = complete().direction("GENERAL", "G8").previousProject("  ").check(rule);

        assertThat(outcome.messageKey()).isEqualTo("rule.DIRECTION_CHOSEN.previousProjectMissing");
        assertThat(outcome.arguments()).containsExactly("G8");
    }

    @Test
    void passesForG8WithAnEarlierProject() {
        assertThat(complete().direction("GENERAL", "G8").previousProject("2021E01012").check(rule).passed()).isTrue();
    }

    @Test
    void passesForAKeyScopeThatNeedsNothing() {
        assertThat(complete().direction("KEY", "K1").check(rule).passed()).isTrue();
    }

    @Test
    void failsWithoutACategoryOrWithAnUnknownOne() {
        assertThat(complete().direction(null, "G3").check(rule).messageKey()).isEqualTo("rule.DIRECTION_CHOSEN.categoryMissing");
        assertThat(complete().direction("MAJOR", "G3").check(rule).messageKey()).isEqualTo("rule.DIRECTION_CHOSEN.categoryUnknown");
    }

    @Test
    void failsWithoutAScope() {
        RuleOutcome outcome = complete().direction("GENERAL", "").check(rule);

        assertThat(outcome.messageKey()).isEqualTo("rule.DIRECTION_CHOSEN.scopeMissing");
        assertThat(outcome.arguments()).containsExactly("GENERAL");
    }

    @Test
    void failsForAScopeOfAnotherCategory() {
        RuleOutcome outcome = complete().direction("KEY", "G3").check(rule);

        assertThat(outcome.messageKey()).isEqualTo("rule.DIRECTION_CHOSEN.scopeNotInCategory");
        assertThat(outcome.arguments()).containsExactly("G3", "KEY");
    }

    @Test
    void failsWhenBasicsAreNotFilledIn() {
        ApplicationFixture application = complete();
        application.basics = null;

        assertThat(application.check(rule).messageKey()).isEqualTo("rule.DIRECTION_CHOSEN.categoryMissing");
    }

    @Test
    void failsForG3WhenPartnersAreNotFilledIn() {
        ApplicationFixture application = complete();
        application.partners = null;

        assertThat(application.check(rule).messageKey()).isEqualTo("rule.DIRECTION_CHOSEN.altaiPartnerMissing");
    }
}
