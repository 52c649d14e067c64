package org.silkgrant.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.silkgrant.application.ApplicationFixture.CALL;
import static org.silkgrant.application.ApplicationFixture.complete;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.silkgrant.application.Checklist.Result;
import org.silkgrant.application.rules.EligibilityRule;
import org.silkgrant.application.rules.EligibilityRules;
import org.silkgrant.call.CallDefinition.Check;
import org.silkgrant.call.CallDefinition.Severity;
import org.silkgrant.call.internal.CallDefinitionLoader;

class ChecklistTests {

    private static ApplicationFixture empty() {
        ApplicationFixture application = complete();
        application.basics = null;
        application.narrative = null;
        application.team = null;
        application.partners = null;
        application.coApplicants = null;
        application.budget = null;
        application.indicators = null;
        application.ethics = null;
        application.agreement = null;
        application.attachments.clear();
        return application;
    }

    @Test
    void theCompleteApplicationIsReadyWithOneResultPerCheckInTheCallsOrder() {
        Checklist checklist = complete().checklist();

        assertThat(checklist.ready()).isTrue();
        assertThat(checklist.failing()).isEmpty();
        assertThat(checklist.results()).hasSize(19);
        assertThat(checklist.results()).extracting(Result::rule)
                .containsExactlyElementsOf(CALL.rules().checks().stream().map(Check::rule).toList());
        assertThat(checklist.results()).allSatisfy(r -> assertThat(r.messageKey()).startsWith("rule." + r.rule() + "."));
    }

    @Test
    void resultsCarryTheClausesAndSeverityOfTheCallsCheck() {
        Checklist checklist = complete().checklist();

        assertThat(checklist.results()).first().satisfies(r -> {
            assertThat(r.rule()).isEqualTo("ORG_REGISTERED_IN_REGION");
            assertThat(r.clauses()).containsExactly("C1");
            assertThat(r.severity()).isEqualTo(Severity.BLOCKING);
        });
        assertThat(checklist.results()).filteredOn(r -> r.rule().equals("FOREIGN_PARTNER_NAMED"))
                .singleElement().satisfies(r -> assertThat(r.clauses()).containsExactly("C2", "R3"));
        assertThat(checklist.results()).filteredOn(r -> r.rule().equals("LEADER_IS_APPLICANT")).singleElement()
                .satisfies(r -> {
                    assertThat(r.clauses()).containsExactly("R3");
                    assertThat(r.severity()).isEqualTo(Severity.BLOCKING);
                });
        assertThat(checklist.results()).filteredOn(r -> r.rule().equals("DUPLICATE_CONTENT")).singleElement()
                .satisfies(r -> assertThat(r.severity()).isEqualTo(Severity.WARNING));
        // In the order of RULES.md §5: the leader rule came last.
        assertThat(checklist.results()).last().satisfies(r -> assertThat(r.rule()).isEqualTo("LEADER_IS_APPLICANT"));
    }

    @Test
    void anEmptyApplicationIsNotReadyAndNoRuleThrows() {
        Checklist checklist = empty().checklist();

        assertThat(checklist.ready()).isFalse();
        assertThat(checklist.results()).hasSize(19);
        assertThat(checklist.failing()).extracting(Result::rule).containsExactly("DIRECTION_CHOSEN", "FOREIGN_PARTNER_NAMED",
                "AGREEMENT_ATTACHED", "OBJECTIVES_COMPLETE", "INDICATORS_ASSESSABLE", "INDICATORS_INCLUDE_IP",
                "ETHICS_OPINION", "BUDGET_BALANCED", "RESEARCH_ASSISTANT_POSITION", "PERIOD_2_TO_3_YEARS",
                "LEADER_IS_APPLICANT");
        assertThat(checklist.failing()).allSatisfy(r -> assertThat(r.section()).isNotNull());
    }

    @Test
    void anEmptyApplicationWithoutOrganizationAttachmentsOrDeadlineFailsWithoutThrowing() {
        ApplicationFixture application = empty();
        application.organization = null;
        application.attachments = null;
        application.deadline = null;
        application.duplicateSimilarity = null;

        Checklist checklist = application.checklist();

        assertThat(checklist.ready()).isFalse();
        assertThat(checklist.failing()).extracting(Result::rule).contains("ORG_REGISTERED_IN_REGION", "ORG_TYPE_ELIGIBLE",
                "ORG_VERIFIED", "MATCHING_FUNDS", "BEFORE_DEADLINE");
        assertThat(checklist.results()).filteredOn(r -> r.rule().equals("DUPLICATE_CONTENT")).singleElement()
                .satisfies(r -> assertThat(r.messageKey()).isEqualTo("rule.DUPLICATE_CONTENT.notChecked"));
    }

    @Test
    void aFailedWarningIsShownButDoesNotStopSubmission() {
        ApplicationFixture application = complete();
        application.duplicateSimilarity = 0.9;

        Checklist checklist = application.checklist();

        assertThat(checklist.ready()).isTrue();
        assertThat(checklist.failing()).extracting(Result::rule).containsExactly("DUPLICATE_CONTENT");
    }

    @Test
    void oneFailedBlockingCheckStopsSubmission() {
        ApplicationFixture application = complete();
        application.leaderOtherProjects = 1;

        assertThat(application.checklist().ready()).isFalse();
    }

    @Test
    void runsOnlyTheChecksTheCallListsWithTheSeverityItGives() {
        ApplicationFixture application = complete();
        application.duplicateSimilarity = 0.9;
        application.call = ApplicationFixture.callWithChecks(List.of(
                new Check("DUPLICATE_CONTENT", List.of("PRACTICE"), Severity.BLOCKING),
                new Check("ORG_VERIFIED", List.of("C1"), Severity.BLOCKING)));

        Checklist checklist = application.checklist();

        assertThat(checklist.results()).extracting(Result::rule).containsExactly("DUPLICATE_CONTENT", "ORG_VERIFIED");
        assertThat(checklist.ready()).isFalse();
    }

    @Test
    void aRuleTheCallListsButNobodyImplementsIsAnError() {
        List<EligibilityRule> withoutOne = new ArrayList<>(EligibilityRules.all());
        withoutOne.removeIf(r -> r.id().equals("MATCHING_FUNDS"));
        ApplicationFixture application = complete();

        assertThatThrownBy(() -> Checklist.evaluate(application.content(), CALL, application.context(), withoutOne))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("MATCHING_FUNDS");
    }

    @Test
    void everyRuleTheLoaderKnowsIsImplementedOnce() {
        assertThat(EligibilityRules.all()).extracting(EligibilityRule::id)
                .doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(CallDefinitionLoader.KNOWN_RULES);
    }
}
