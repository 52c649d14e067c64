package org.silkgrant.application.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.silkgrant.MutableClock;
import org.silkgrant.SilkGrantTest;
import org.silkgrant.account.AccountManagement;
import org.silkgrant.account.NewAccount;
import org.silkgrant.account.Role;
import org.silkgrant.document.ReceiptSigner;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.MockMvc;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The whole way through the API: create, fill every section, attach the agreement, checklist ready, submit,
 * check the receipt with the public key alone; the same receipt again; nothing changes afterwards; no submission
 * after the deadline.
 */
@SilkGrantTest
@DirtiesContext
class SubmissionApiTests {

    private static final String PASSWORD = SilkGrantTest.DEMO_PASSWORD;

    @TestConfiguration
    static class MovableTime {

        @Bean
        @Primary
        MutableClock mutableClock() {
            return new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        }
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Autowired
    MutableClock clock;

    @Autowired
    AccountManagement accounts;

    /** The full name on the accounts {@link #leaderLike} opens: the team's 项目负责人 (LEADER_IS_APPLICANT). */
    private static final String LEADER_NAME = "阿依古丽·买买提";

    /** A new project leader in the organisation of the given demo user: each test stays within the project limit. */
    private String leaderLike(String demoUser) {
        String username = demoUser + "-" + System.nanoTime() % 1_000_000;
        accounts.create(new NewAccount(username, PASSWORD, LEADER_NAME, username + "@example.edu.cn", null,
                accounts.findByUsername(demoUser).orElseThrow().organizationId(), Set.of(Role.APPLICANT), null), "test", null);
        return username;
    }

    private JsonNode call(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
            int expectedStatus) throws Exception {
        var response = mvc.perform(request).andReturn().getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(expectedStatus);
        return json.readTree(response.getContentAsString());
    }

    /** A complete G3 application of the leader; returns its id. */
    private long complete(String leader, String budget) throws Exception {
        long id = call(post("/api/v1/applications").with(httpBasic(leader, PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"callCode\":\"2023-SCO\",\"title\":\"阿尔泰区域生态监测联合研究\"}"), 201).get("id").asLong();
        Map<String, String> sections = Map.of(
                "basics", "{\"title\":\"阿尔泰区域生态监测联合研究\",\"category\":\"GENERAL\",\"scope\":\"G3\","
                        + "\"startDate\":\"2024-01-01\",\"endDate\":\"2026-06-30\",\"keywords\":[\"生态\"],\"summary\":\"摘要\","
                        + "\"recommendingDepartment\":\"650100\"}",
                "narrative", "{\"objectives\":\"目标\",\"rationale\":\"理由\",\"content\":\"内容\",\"channels\":\"渠道\","
                        + "\"responsibilities\":\"责任\",\"plan\":\"方案\",\"expectedResults\":\"成效\"}",
                "team", "{\"members\":[{\"fullName\":\"" + LEADER_NAME + "\",\"role\":\"LEADER\",\"title\":\"教授\"},"
                        + "{\"fullName\":\"李四\",\"role\":\"RESEARCH_ASSISTANT\",\"title\":\"科研助理\"}]}",
                "partners", "{\"partners\":[{\"country\":\"RU\",\"regionCode\":\"RU-ALT\",\"name\":\"Altai State University\","
                        + "\"address\":\"Barnaul\",\"people\":[{\"fullName\":\"Ivan Petrov\",\"position\":\"Professor\",\"role\":\"PI\"}]}]}",
                "budget", budget,
                "indicators", "{\"indicators\":[{\"kind\":\"PATENT_APPLICATION\",\"description\":\"发明专利申请\",\"quantity\":2,\"unit\":\"件\"}]}",
                "ethics", "{\"humanSubjects\":false,\"humanGeneticResources\":false,\"laboratoryAnimals\":false}",
                "agreement", "{\"scienceInput\":\"第3条\",\"divisionOfWork\":\"第4条\",\"ipOwnership\":\"第6条\",\"resultsOwnership\":\"第7条\"}");
        long version = call(get("/api/v1/applications/{id}", id).with(httpBasic(leader, PASSWORD)), 200).get("version").asLong();
        for (var section : sections.entrySet()) {
            version = call(put("/api/v1/applications/{id}/sections/{name}", id, section.getKey())
                    .with(httpBasic(leader, PASSWORD)).header("If-Match", String.valueOf(version))
                    .contentType(MediaType.APPLICATION_JSON).content(section.getValue()), 200).get("version").asLong();
        }
        mvc.perform(multipart("/api/v1/applications/{id}/attachments", id).file(new MockMultipartFile("file",
                        "agreement.pdf", "application/pdf", AttachmentApiTests.pdf()))
                        .param("kind", "COOPERATION_AGREEMENT").with(httpBasic(leader, PASSWORD)))
                .andExpect(status().isCreated());
        return id;
    }

    private static final String UNIVERSITY_BUDGET = "{\"fiscal\":\"100\",\"selfRaised\":\"0\",\"lines\":["
            + "{\"category\":\"EQUIPMENT\",\"source\":\"FISCAL\",\"amount\":\"60\"},"
            + "{\"category\":\"OPERATING\",\"source\":\"FISCAL\",\"amount\":\"40\"}]}";

    @Test
    void aCompleteApplicationIsSubmittedWithAReceiptAnyoneCanCheck() throws Exception {
        String leader = leaderLike("uni-leader");
        long id = complete(leader, UNIVERSITY_BUDGET);
        mvc.perform(get("/api/v1/applications/{id}/checklist", id).with(httpBasic(leader, PASSWORD)))
                .andExpect(jsonPath("$.ready").value(true));

        JsonNode submitted = call(post("/api/v1/applications/{id}/submit", id).with(httpBasic(leader, PASSWORD)), 200);
        assertThat(submitted.get("status").asString()).isEqualTo("SUBMITTED");
        JsonNode receipt = submitted.get("receipt");
        assertThat(receipt.get("number").asString()).matches("2023-SCO-\\d{6}");
        assertThat(receipt.get("digest").asString()).hasSize(64);

        String publicKey = mvc.perform(get("/api/v1/receipts/public-key")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        String line = receipt.get("number").asString() + "|" + receipt.get("submittedAt").asString() + "|"
                + receipt.get("digest").asString();
        assertThat(ReceiptSigner.verify(publicKey, line.getBytes(StandardCharsets.UTF_8),
                receipt.get("signature").asString())).isTrue();
        assertThat(ReceiptSigner.verify(publicKey, (line + "x").getBytes(StandardCharsets.UTF_8),
                receipt.get("signature").asString())).isFalse();

        JsonNode again = call(post("/api/v1/applications/{id}/submit", id).with(httpBasic(leader, PASSWORD)), 200);
        assertThat(again.get("receipt")).isEqualTo(receipt);

        mvc.perform(get("/api/v1/applications/{id}", id).with(httpBasic(leader, PASSWORD)))
                .andExpect(jsonPath("$.status").value("SUBMITTED"));
        long version = call(get("/api/v1/applications/{id}", id).with(httpBasic(leader, PASSWORD)), 200)
                .get("version").asLong();
        mvc.perform(put("/api/v1/applications/{id}/sections/narrative", id).with(httpBasic(leader, PASSWORD))
                        .header("If-Match", String.valueOf(version)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"objectives\":\"提交后修改\"}"))
                .andExpect(status().isConflict());
        mvc.perform(post("/api/v1/applications/{id}/submit", id).with(httpBasic("ent-leader", PASSWORD)))
                .andExpect(status().isNotFound());
    }

    @Test
    void aNewApplicationsTeamStartsWithItsLeaderAsOnTheAccount() throws Exception {
        String leader = leaderLike("uni-leader");
        long id = call(post("/api/v1/applications").with(httpBasic(leader, PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"callCode\":\"2023-SCO\",\"title\":\"预填项目负责人\"}"), 201).get("id").asLong();

        JsonNode members = call(get("/api/v1/applications/{id}", id).with(httpBasic(leader, PASSWORD)), 200)
                .at("/sections/team/members");
        assertThat(members).hasSize(1);
        assertThat(members.get(0).get("fullName").asString()).isEqualTo(LEADER_NAME);
        assertThat(members.get(0).get("role").asString()).isEqualTo("LEADER");
        assertThat(members.get(0).get("organization").asString()).isEqualTo("新疆示范大学");
        assertThat(members.get(0).get("email").asString()).isEqualTo(leader + "@example.edu.cn");
        JsonNode rule = leaderRule(leader, id);
        assertThat(rule.get("passed").asBoolean()).as(rule.toString()).isTrue();
        assertThat(rule.get("severity").asString()).isEqualTo("BLOCKING");
        assertThat(rule.get("clause").asString()).isEqualTo("R3");
    }

    @Test
    void theLeaderRuleBlocksSubmissionThroughTheApiAndSaysWhatIsWrong() throws Exception {
        String leader = leaderLike("uni-leader");
        long id = complete(leader, UNIVERSITY_BUDGET);

        // The case: someone else entered as 项目负责人 in the team table.
        saveTeam(leader, id, "{\"members\":[{\"fullName\":\"刘强\",\"role\":\"LEADER\"},"
                + "{\"fullName\":\"" + LEADER_NAME + "\",\"role\":\"MEMBER\"},"
                + "{\"fullName\":\"李四\",\"role\":\"RESEARCH_ASSISTANT\"}]}");
        JsonNode other = leaderRule(leader, id);
        assertThat(other.get("passed").asBoolean()).isFalse();
        assertThat(other.get("section").asString()).isEqualTo("team");
        assertThat(other.get("message").asString()).contains("刘强", LEADER_NAME);
        mvc.perform(post("/api/v1/applications/{id}/submit", id).with(httpBasic(leader, PASSWORD)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[*].code", hasItem("LEADER_IS_APPLICANT")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("team")));

        // Two leaders, one of them the account holder: still one too many.
        saveTeam(leader, id, "{\"members\":[{\"fullName\":\"" + LEADER_NAME + "\",\"role\":\"LEADER\"},"
                + "{\"fullName\":\"刘强\",\"role\":\"LEADER\"},{\"fullName\":\"李四\",\"role\":\"RESEARCH_ASSISTANT\"}]}");
        assertThat(leaderRule(leader, id).get("message").asString()).contains("2", "刘强", LEADER_NAME);
        assertThat(call(get("/api/v1/applications/{id}/checklist", id).with(httpBasic(leader, PASSWORD)), 200)
                .get("ready").asBoolean()).isFalse();

        // In English, and no leader at all.
        saveTeam(leader, id, "{\"members\":[{\"fullName\":\"李四\",\"role\":\"RESEARCH_ASSISTANT\"}]}");
        JsonNode english = call(get("/api/v1/applications/{id}/checklist", id).with(httpBasic(leader, PASSWORD))
                .header("Accept-Language", "en"), 200);
        assertThat(english.get("results").valueStream().filter(r -> r.get("rule").asString().equals("LEADER_IS_APPLICANT"))
                .findFirst().orElseThrow().get("message").asString()).startsWith("The team has no project leader")
                .contains(LEADER_NAME);

        // The same name in full-width spaces and another middle dot is the account holder.
        saveTeam(leader, id, "{\"members\":[{\"fullName\":\"　阿依古丽・买买提 \",\"role\":\"LEADER\"},"
                + "{\"fullName\":\"李四\",\"role\":\"RESEARCH_ASSISTANT\"}]}");
        assertThat(leaderRule(leader, id).get("passed").asBoolean()).isTrue();
        assertThat(call(post("/api/v1/applications/{id}/submit", id).with(httpBasic(leader, PASSWORD)), 200)
                .get("status").asString()).isEqualTo("SUBMITTED");
    }

    @Test
    void ethicsAnswersStayUnansweredUntilGivenAndUnansweredBlocks() throws Exception {
        String leader = leaderLike("uni-leader");
        long id = complete(leader, UNIVERSITY_BUDGET);
        long version = call(get("/api/v1/applications/{id}", id).with(httpBasic(leader, PASSWORD)), 200).get("version").asLong();
        call(put("/api/v1/applications/{id}/sections/ethics", id).with(httpBasic(leader, PASSWORD))
                .header("If-Match", String.valueOf(version)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"humanSubjects\":false,\"humanGeneticResources\":null}"), 200);

        JsonNode ethics = call(get("/api/v1/applications/{id}", id).with(httpBasic(leader, PASSWORD)), 200)
                .at("/sections/ethics");
        assertThat(ethics.get("humanSubjects").asBoolean()).isFalse();
        assertThat(ethics.get("humanGeneticResources").isNull()).isTrue();
        assertThat(ethics.get("laboratoryAnimals").isNull()).as("absent is unanswered, not false").isTrue();
        JsonNode checklist = call(get("/api/v1/applications/{id}/checklist", id).with(httpBasic(leader, PASSWORD)), 200);
        JsonNode rule = checklist.get("results").valueStream().filter(r -> r.get("rule").asString().equals("ETHICS_OPINION"))
                .findFirst().orElseThrow();
        assertThat(rule.get("passed").asBoolean()).isFalse();
        assertThat(rule.get("message").asString()).contains("2", "不涉及");
        mvc.perform(post("/api/v1/applications/{id}/submit", id).with(httpBasic(leader, PASSWORD)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[*].code", hasItem("ETHICS_OPINION")));
    }

    private JsonNode leaderRule(String leader, long id) throws Exception {
        JsonNode checklist = call(get("/api/v1/applications/{id}/checklist", id).with(httpBasic(leader, PASSWORD)), 200);
        return checklist.get("results").valueStream().filter(r -> r.get("rule").asString().equals("LEADER_IS_APPLICANT"))
                .findFirst().orElseThrow(() -> new AssertionError("no LEADER_IS_APPLICANT in " + checklist));
    }

    private void saveTeam(String leader, long id, String team) throws Exception {
        long version = call(get("/api/v1/applications/{id}", id).with(httpBasic(leader, PASSWORD)), 200).get("version").asLong();
        call(put("/api/v1/applications/{id}/sections/team", id).with(httpBasic(leader, PASSWORD))
                .header("If-Match", String.valueOf(version)).contentType(MediaType.APPLICATION_JSON).content(team), 200);
    }

    @Test
    void receiptNumbersFollowOneAnotherWithinTheCall() throws Exception {
        String university = leaderLike("uni-leader");
        String enterprise = leaderLike("ent-leader");
        long first = complete(university, UNIVERSITY_BUDGET);
        long second = complete(enterprise, "{\"fiscal\":\"50\",\"selfRaised\":\"100\",\"lines\":["
                + "{\"category\":\"EQUIPMENT\",\"source\":\"FISCAL\",\"amount\":\"50\"},"
                + "{\"category\":\"EQUIPMENT\",\"source\":\"SELF_RAISED\",\"amount\":\"100\"}]}");
        String a = call(post("/api/v1/applications/{id}/submit", first).with(httpBasic(university, PASSWORD)), 200)
                .get("receipt").get("number").asString();
        String b = call(post("/api/v1/applications/{id}/submit", second).with(httpBasic(enterprise, PASSWORD)), 200)
                .get("receipt").get("number").asString();
        assertThat(Integer.parseInt(b.substring(9))).isGreaterThan(Integer.parseInt(a.substring(9)));
    }

    @Test
    void anEnterpriseWithoutTwoToOneMatchingIsNotReady() throws Exception {
        String leader = leaderLike("ent-leader");
        long id = complete(leader, "{\"fiscal\":\"100\",\"selfRaised\":\"199.9999\",\"lines\":["
                + "{\"category\":\"EQUIPMENT\",\"source\":\"FISCAL\",\"amount\":\"100\"},"
                + "{\"category\":\"EQUIPMENT\",\"source\":\"SELF_RAISED\",\"amount\":\"199.9999\"}]}");

        mvc.perform(post("/api/v1/applications/{id}/submit", id).with(httpBasic(leader, PASSWORD)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[*].code", hasItem("MATCHING_FUNDS")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("budget")))
                .andExpect(jsonPath("$.checklist.ready").value(false));
        mvc.perform(get("/api/v1/applications/{id}", id).with(httpBasic(leader, PASSWORD)))
                .andExpect(jsonPath("$.status").value("DRAFT"));
    }

    @Test
    void noSubmissionAfterTheDeadline() throws Exception {
        String leader = leaderLike("uni-leader");
        long id = complete(leader, UNIVERSITY_BUDGET);
        clock.advance(Duration.ofDays(32));
        try {
            mvc.perform(post("/api/v1/applications/{id}/submit", id).with(httpBasic(leader, PASSWORD)))
                    .andExpect(status().isConflict());
        } finally {
            clock.advance(Duration.ofDays(-32));
        }
    }
}
