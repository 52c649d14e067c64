package org.silkgrant.application.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.silkgrant.application.ApplicationFixture.complete;

import org.junit.jupiter.api.Test;
import org.silkgrant.application.ApplicationContent.Agreement;
import org.silkgrant.application.ApplicationFixture;

class AgreementAttachedRuleTests {

    private final AgreementAttachedRule rule = new AgreementAttachedRule();

    @Test
    void passesWithTheAgreementFileAndAllFourReferences() {
        RuleOutcome outcome = complete().check(rule);

        assertThat(outcome.passed()).isTrue();
        assertThat(outcome.messageKey()).isEqualTo("rule.AGREEMENT_ATTACHED.passed");
    }

    @Test
    void failsWithoutTheAgreementFile() {
        RuleOutcome outcome = complete().detach("COOPERATION_AGREEMENT").attach("OTHER").check(rule);

        assertThat(outcome.passed()).isFalse();
        assertThat(outcome.messageKey()).isEqualTo("rule.AGREEMENT_ATTACHED.fileMissing");
        assertThat(outcome.section()).isEqualTo("attachments");
    }

    @Test
    void namesTheFirstEmptyReferenceAndCountsThemAll() {
        ApplicationFixture application = complete();
        application.agreement = new Agreement("第3条", "第4条", "", null);

        RuleOutcome outcome = application.check(rule);

        assertThat(outcome.messageKey()).isEqualTo("rule.AGREEMENT_ATTACHED.ipOwnershipMissing");
        assertThat(outcome.arguments()).containsExactly(2);
        assertThat(outcome.section()).isEqualTo("agreement");
    }

    @Test
    void failsWhenTheAgreementSectionIsNotFilledIn() {
        ApplicationFixture application = complete();
        application.agreement = null;

        RuleOutcome outcome = application.check(rule);

        assertThat(outcome.messageKey()).isEqualTo("rule.AGREEMENT_ATTACHED.scienceInputMissing");
        assertThat(outcome.arguments()).containsExactly(4);
    }
}
