package org.silkgrant.application.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.silkgrant.application.ApplicationFixture.complete;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.silkgrant.application.ApplicationContent.Member;
import org.silkgrant.application.ApplicationContent.MemberRole;
import org.silkgrant.application.ApplicationFixture;

class LeaderIsApplicantRuleTests {

    private final LeaderIsApplicantRule rule = new LeaderIsApplicantRule();

    private static final Member ASSISTANT = new Member("张强", MemberRole.RESEARCH_ASSISTANT, "科研助理", "新疆大学", null, null);

    private static Member leader(String name) {
        return new Member(name, MemberRole.LEADER, "教授", "新疆大学", null, null);
    }

    private static Member member(String name) {
        return new Member(name, MemberRole.MEMBER, "副教授", "新疆大学", null, null);
    }

    @Test
    void passesWhenTheOneLeaderIsTheAccountHolder() {
        RuleOutcome outcome = complete().check(rule);

        assertThat(outcome.passed()).isTrue();
        assertThat(outcome.messageKey()).isEqualTo("rule.LEADER_IS_APPLICANT.passed");
        assertThat(outcome.arguments()).containsExactly("王明");
    }

    @Test
    void failsWithoutALeaderAndNamesTheAccountHolder() {
        RuleOutcome outcome = complete().members(member("李娜"), ASSISTANT).check(rule);

        assertThat(outcome.passed()).isFalse();
        assertThat(outcome.messageKey()).isEqualTo("rule.LEADER_IS_APPLICANT.noLeader");
        assertThat(outcome.arguments()).containsExactly("王明");
        assertThat(outcome.section()).isEqualTo("team");
    }

    @Test
    void failsWhenTheTeamIsNotFilledIn() {
        ApplicationFixture application = complete();
        application.team = null;

        assertThat(application.check(rule).messageKey()).isEqualTo("rule.LEADER_IS_APPLICANT.noLeader");
    }

    @Test
    void failsWithTwoLeadersEvenWhenOneIsTheAccountHolder() {
        RuleOutcome outcome = complete().members(leader("王明"), leader("刘强"), ASSISTANT).check(rule);

        assertThat(outcome.passed()).isFalse();
        assertThat(outcome.messageKey()).isEqualTo("rule.LEADER_IS_APPLICANT.severalLeaders");
        assertThat(outcome.arguments()).containsExactly(2, "王明、刘强", "王明");
        assertThat(outcome.section()).isEqualTo("team");
    }

    @Test
    void failsWhenTheLeaderIsSomeoneElseAndNamesBoth() {
        // The case: the cover says 李娜 (the account holder), the team table 刘强.
        ApplicationFixture application = complete().members(leader("刘强"), member("李娜"), ASSISTANT);
        application.accountHolder = "李娜";

        RuleOutcome outcome = application.check(rule);

        assertThat(outcome.passed()).isFalse();
        assertThat(outcome.messageKey()).isEqualTo("rule.LEADER_IS_APPLICANT.notAccountHolder");
        assertThat(outcome.arguments()).containsExactly("刘强", "李娜");
        assertThat(outcome.section()).isEqualTo("team");
    }

    @Test
    void failsWhenTheLeadersRowHasNoName() {
        RuleOutcome outcome = complete().members(leader("  "), ASSISTANT).check(rule);

        assertThat(outcome.messageKey()).isEqualTo("rule.LEADER_IS_APPLICANT.leaderNameMissing");
        assertThat(outcome.arguments()).containsExactly("王明");
    }

    @ParameterizedTest(name = "team \"{0}\" = account \"{1}\"")
    @CsvSource(delimiter = '|', value = {
            "王明 | 王明",
            "' 王明　' | 王明",                          // spaces around, an ideographic space at the end
            "王 明 | 王明",                              // a space between Chinese characters
            "Ｗａｎｇ　Ｍｉｎｇ | Wang Ming",            // full-width letters and space
            "'Wang   Ming' | Wang Ming",                // doubled spaces
            "买买提・艾力 | 买买提·艾力",                 // katakana middle dot for the Chinese one
            "买买提 • 艾力 | 买买提·艾力"})               // bullet with spaces
    void namesThatDifferOnlyInWidthSpacesOrTheMiddleDotAreTheSameName(String team, String account) {
        ApplicationFixture application = complete().members(leader(team), ASSISTANT);
        application.accountHolder = account;

        assertThat(application.check(rule).passed()).as("%s against %s", team, account).isTrue();
    }

    @ParameterizedTest(name = "team \"{0}\" ≠ account \"{1}\"")
    @CsvSource(delimiter = '|', value = {"王明明 | 王明", "WangMing | Wang Ming", "wang ming | Wang Ming", "王明 | 汪明"})
    void otherNamesAreNotTheAccountHolder(String team, String account) {
        ApplicationFixture application = complete().members(leader(team), ASSISTANT);
        application.accountHolder = account;

        RuleOutcome outcome = application.check(rule);

        assertThat(outcome.passed()).isFalse();
        assertThat(outcome.messageKey()).isEqualTo("rule.LEADER_IS_APPLICANT.notAccountHolder");
    }

    @Test
    void theLeaderMayBeListedAnywhereInTheTable() {
        assertThat(complete().members(member("李娜"), ASSISTANT, leader("王明")).check(rule).passed()).isTrue();
    }
}
