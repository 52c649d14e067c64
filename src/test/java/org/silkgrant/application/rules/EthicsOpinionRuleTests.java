package org.silkgrant.application.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.silkgrant.application.ApplicationFixture.complete;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.silkgrant.application.ApplicationContent.HgrProcedure;
import org.silkgrant.application.ApplicationFixture;
import org.silkgrant.call.CallDefinition;

class EthicsOpinionRuleTests {

    private final EthicsOpinionRule rule = new EthicsOpinionRule();

    @Test
    void passesWithoutOpinionWhenEveryTriggerIsAnsweredNotInvolved() {
        RuleOutcome outcome = complete().ethics(false, false, false, null).check(rule);

        assertThat(outcome.passed()).isTrue();
        assertThat(outcome.messageKey()).isEqualTo("rule.ETHICS_OPINION.notRequired");
    }

    @ParameterizedTest(name = "human subjects {0}, genetic resources {1}, animals {2}")
    @CsvSource(nullValues = "null", value = {"null, false, false, 1", "false, null, false, 1", "false, false, null, 1",
            "null, null, null, 3", "true, null, null, 2"})
    void anUnansweredTriggerIsNotANoAndFailsSayingHowManyAreOpen(Boolean humanSubjects, Boolean geneticResources,
            Boolean animals, int open) {
        RuleOutcome outcome = complete().ethics(humanSubjects, geneticResources, animals, null)
                .attach("ETHICS_OPINION").attach("HGR_APPROVAL").check(rule);

        assertThat(outcome.passed()).isFalse();
        assertThat(outcome.messageKey()).isEqualTo("rule.ETHICS_OPINION.notAnswered");
        assertThat(outcome.arguments()).containsExactly(open);
        assertThat(outcome.section()).isEqualTo("ethics");
    }

    @Test
    void aTriggerTheCallDoesNotAskAboutNeedsNoAnswer() {
        ApplicationFixture application = complete().ethics(false, false, null, null);
        CallDefinition.Rules r = ApplicationFixture.CALL.rules();
        application.call = ApplicationFixture.callWithRules(new CallDefinition.Rules(r.minMonths(), r.maxMonths(),
                r.enterpriseMatchingRatio(), r.leaderProjectLimit(), r.titleMaxLength(), r.eligibleOrganizationCategories(),
                List.of("HUMAN_SUBJECTS", "HUMAN_GENETIC_RESOURCES"), r.ipIndicatorKinds(),
                r.duplicateSimilarityThreshold(), r.indirectCostBands(), r.checks()));

        assertThat(application.check(rule).messageKey()).isEqualTo("rule.ETHICS_OPINION.notRequired");
    }

    @ParameterizedTest(name = "human subjects {0}, genetic resources {1}, animals {2}")
    @CsvSource({"true, false, false", "false, true, false", "false, false, true"})
    void failsForEachDeclarationWithoutAnOpinion(boolean humanSubjects, boolean geneticResources, boolean animals) {
        RuleOutcome outcome = complete().ethics(humanSubjects, geneticResources, animals, HgrProcedure.PENDING)
                .attach("HGR_APPROVAL").check(rule);

        assertThat(outcome.passed()).isFalse();
        assertThat(outcome.messageKey()).isEqualTo("rule.ETHICS_OPINION.opinionMissing");
        assertThat(outcome.section()).isEqualTo("attachments");
    }

    @ParameterizedTest(name = "human subjects {0}, animals {1}")
    @CsvSource({"true, false", "false, true", "true, true"})
    void passesWithAnOpinionWhenNoGeneticResourcesAreInvolved(boolean humanSubjects, boolean animals) {
        RuleOutcome outcome = complete().ethics(humanSubjects, false, animals, null).attach("ETHICS_OPINION").check(rule);

        assertThat(outcome.passed()).isTrue();
        assertThat(outcome.messageKey()).isEqualTo("rule.ETHICS_OPINION.passed");
    }

    @Test
    void failsForGeneticResourcesWithAnOpinionButNeitherApprovalNorPendingProcedure() {
        RuleOutcome outcome = complete().ethics(false, true, false, null).attach("ETHICS_OPINION").check(rule);

        assertThat(outcome.passed()).isFalse();
        assertThat(outcome.messageKey()).isEqualTo("rule.ETHICS_OPINION.hgrProcedureMissing");
        assertThat(outcome.section()).isEqualTo("ethics");
    }

    @Test
    void failsForGeneticResourcesDeclaredApprovedWithoutTheApprovalFile() {
        RuleOutcome outcome = complete().ethics(false, true, false, HgrProcedure.APPROVED).attach("ETHICS_OPINION").check(rule);

        assertThat(outcome.messageKey()).isEqualTo("rule.ETHICS_OPINION.hgrApprovalMissing");
        assertThat(outcome.section()).isEqualTo("attachments");
    }

    @Test
    void passesForGeneticResourcesWithAnOpinionAndAPendingProcedure() {
        assertThat(complete().ethics(true, true, false, HgrProcedure.PENDING).attach("ETHICS_OPINION").check(rule).passed())
                .isTrue();
    }

    @Test
    void passesForGeneticResourcesWithAnOpinionAndTheApprovalFile() {
        ApplicationFixture application = complete().ethics(false, true, false, HgrProcedure.APPROVED)
                .attach("ETHICS_OPINION").attach("HGR_APPROVAL");

        assertThat(application.check(rule).passed()).isTrue();
    }

    @Test
    void failsWhenNothingIsDeclaredYet() {
        ApplicationFixture application = complete();
        application.ethics = null;

        RuleOutcome outcome = application.check(rule);

        assertThat(outcome.messageKey()).isEqualTo("rule.ETHICS_OPINION.notDeclared");
        assertThat(outcome.section()).isEqualTo("ethics");
    }
}
