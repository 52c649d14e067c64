package org.silkgrant.application.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.silkgrant.application.ApplicationFixture.complete;

import org.junit.jupiter.api.Test;
import org.silkgrant.application.ApplicationContent.Member;
import org.silkgrant.application.ApplicationContent.MemberRole;
import org.silkgrant.application.ApplicationFixture;

class ResearchAssistantPositionRuleTests {

    private final ResearchAssistantPositionRule rule = new ResearchAssistantPositionRule();

    private static final Member LEADER = new Member("王明", MemberRole.LEADER, "教授", "新疆大学", null, null);
    private static final Member MEMBER = new Member("李娜", MemberRole.MEMBER, "副教授", "新疆大学", null, null);

    @Test
    void passesWithAResearchAssistant() {
        RuleOutcome outcome = complete().check(rule);

        assertThat(outcome.passed()).isTrue();
        assertThat(outcome.messageKey()).isEqualTo("rule.RESEARCH_ASSISTANT_POSITION.passed");
    }

    @Test
    void failsWithoutAResearchAssistant() {
        RuleOutcome outcome = complete().members(LEADER, MEMBER).check(rule);

        assertThat(outcome.passed()).isFalse();
        assertThat(outcome.messageKey()).isEqualTo("rule.RESEARCH_ASSISTANT_POSITION.missing");
        assertThat(outcome.section()).isEqualTo("team");
    }

    @Test
    void aPositionNobodyIsNamedForYetCounts() {
        Member open = new Member(null, MemberRole.RESEARCH_ASSISTANT, null, null, null, null);

        assertThat(complete().members(LEADER, open).check(rule).passed()).isTrue();
    }

    @Test
    void failsWhenTheTeamIsNotFilledIn() {
        ApplicationFixture application = complete();
        application.team = null;

        assertThat(application.check(rule).passed()).isFalse();
    }
}
