package org.silkgrant.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.silkgrant.SilkGrantTest;
import org.silkgrant.application.Action;
import org.silkgrant.application.ThroughTheApi;
import org.silkgrant.review.assignment.Basis;
import org.silkgrant.review.assignment.ConflictReason;
import org.silkgrant.shared.CreditCode;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.RequestBuilder;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Issue 12, points 2–4, through the API and the pages (docs/review.md "Certain and possible conflicts", "Declared
 * conflicts on the round page", "The expert's view before confirming"). Two applications of the demo university:
 * one names 新疆农业大学 as co-applicant with another valid credit code than the demo expert 刘建华's organisation, the
 * other names 新疆大学 with a credit code that fails GB 32100 (the demo expert 赵敏 works there). Both have Altai State
 * University as partner (the demo expert Alexei Ivanov works there: certain) and the demo expert 马文斌 declared a
 * conflict with the university in his profile. One round per call is open at a time, so the round's life is one
 * scenario on a context of its own.
 */
@SilkGrantTest
@DirtiesContext
class ConflictOfInterestTests {

    static final String CALL = "2023-SCO";
    static final String PASSWORD = SilkGrantTest.DEMO_PASSWORD;
    static final String LIU_CODE = code("12650000458000345");
    /** Another valid code than 新疆农业大学's in the registry. */
    static final String OTHER_VALID_CODE = code("12650000458000999");
    /** 新疆大学's code with a wrong check character. */
    static final String INVALID_CODE = wrongCheck(code("12650000458000142"));
    /** Content an expert must not see before confirming; none of it is a party's name. */
    static final String NARRATIVE_MARK = "机密研究内容甲乙丙";
    static final String SUMMARY_MARK = "机密摘要丁戊己";
    static final String BUDGET_MARK = "机密预算说明庚辛";

    @DynamicPropertySource
    static void noJobs(DynamicPropertyRegistry registry) {
        registry.add("silkgrant.review.reminder-cron", () -> "-");
        registry.add("silkgrant.notification.reminder-cron", () -> "-");
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Autowired
    UserDetailsService users;

    @Autowired
    ExpertManagement experts;

    @Autowired
    MessageSource messages;

    ThroughTheApi api;

    @BeforeEach
    void setUp() {
        api = new ThroughTheApi(mvc, json, users);
    }

    static String code(String first17) {
        return first17 + CreditCode.checkCharacter(first17);
    }

    static String wrongCheck(String valid) {
        return valid.substring(0, 17) + (valid.charAt(17) == '0' ? '1' : '0');
    }

    @Test
    void possibleConflictsAreExcludedUntilDismissedDeclaredOnesAreCountedAndTheExpertSeesWhoTakesPart()
            throws Exception {
        long agri = accepted("农业大学合作的阿尔泰生态监测", "新疆农业大学", OTHER_VALID_CODE);
        long xju = accepted("新疆大学合作的跨境水资源研究", "新疆大学", INVALID_CODE);
        ExpertView liu = expert("expert-liu");
        ExpertView zhao = expert("expert-zhao");
        ExpertView ivanov = expert("expert-ivanov");
        ExpertView ma = expert("expert-ma");
        ExpertView demo = expert("expert");

        // 1. Possible conflicts, each with what matched: both names and both codes.
        ThroughTheApi.Reply possible = api.send(get("/api/v1/calls/{code}/conflicts", CALL).param("certainty", "POSSIBLE")
                .with(api.as("officer")));
        assertThat(possible.status()).as(possible.text()).isEqualTo(200);
        assertThat(pairs(possible.body())).containsExactlyInAnyOrder(agri + "/" + liu.id(), xju + "/" + zhao.id());
        JsonNode liuAgri = conflict(possible.body(), agri, liu.id());
        assertThat(liuAgri.get("certainty").asString()).isEqualTo("POSSIBLE");
        assertThat(liuAgri.get("excluded").asBoolean()).isTrue();
        assertThat(strings(liuAgri.get("reasons"))).containsExactly("POSSIBLE_ORG_IS_CO_APPLICANT");
        JsonNode evidence = liuAgri.get("evidence").get(0);
        assertThat(evidence.get("basis").asString()).isEqualTo(Basis.CREDIT_CODES_DIFFER.name());
        assertThat(evidence.get("text").asString()).contains("新疆农业大学", OTHER_VALID_CODE, LIU_CODE,
                "统一社会信用代码不同");
        JsonNode zhaoXju = conflict(possible.body(), xju, zhao.id());
        assertThat(zhaoXju.get("evidence").get(0).get("basis").asString())
                .isEqualTo(Basis.CREDIT_CODE_INVALID.name());
        assertThat(zhaoXju.get("evidence").get(0).get("text").asString()).contains("新疆大学", INVALID_CODE, "未通过校验");
        ThroughTheApi.Reply certain = api.send(get("/api/v1/calls/{code}/conflicts", CALL).param("certainty", "CERTAIN")
                .with(api.as("officer")));
        assertThat(pairs(certain.body())).contains(agri + "/" + ivanov.id(), xju + "/" + ivanov.id(),
                agri + "/" + ma.id(), xju + "/" + ma.id()).doesNotContain(agri + "/" + liu.id());
        assertThat(mvc.perform(get("/api/v1/calls/{code}/conflicts", CALL).with(api.as("officer"))).andReturn()
                .getResponse().getHeader("X-Total-Count")).isEqualTo(String.valueOf(pairs(certain.body()).size() + 2));
        assertThat(api.send(get("/api/v1/calls/{code}/conflicts", CALL).param("limit", "5000")
                .with(api.as("officer"))).status()).as("every list is bounded").isEqualTo(422);

        // A certain conflict cannot be dismissed, nor a pair with none; a dismissal needs a bounded reason.
        assertThat(dismiss(agri, ivanov.id(), "同名不同人").status()).isEqualTo(409);
        assertThat(dismiss(agri, ivanov.id(), "同名不同人").detail()).contains("确定的利益冲突", "不能排除");
        assertThat(dismiss(agri, demo.id(), "无冲突").status()).isEqualTo(409);
        assertThat(dismiss(agri, liu.id(), " ").status()).isEqualTo(422);
        assertThat(dismiss(agri, liu.id(), "长".repeat(501)).status()).isEqualTo(422);

        // 2. The round: possible pairs are left out like certain ones, by the solver and by hand.
        long roundId = api.expect(post("/api/v1/calls/{code}/review-rounds", CALL).with(api.as("officer")), 201)
                .get("round").get("id").asLong();
        JsonNode pairs = assignments(roundId);
        assertThat(live(pairs, agri)).doesNotContain(liu.id(), ivanov.id(), ma.id()).hasSize(5);
        assertThat(live(pairs, xju)).doesNotContain(zhao.id(), ivanov.id(), ma.id()).hasSize(5);
        ThroughTheApi.Reply byHand = add(roundId, agri, liu.id());
        assertThat(byHand.status()).as(byHand.text()).isEqualTo(409);
        assertThat(byHand.detail()).contains("可能存在利益冲突", "专家所在单位可能是联合申报单位");

        // One expert of the first application is removed: the re-run cannot fill the gap, 刘建华 is excluded.
        long removedExpert = live(pairs, agri).stream().filter(id -> !id.equals(demo.id())).findFirst().orElseThrow();
        api.expect(delete("/api/v1/assignments/{id}", pair(pairs, agri, removedExpert).get("id").asLong())
                .with(api.as("officer")).contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"出差\"}"), 200);
        api.expect(post("/api/v1/review-rounds/{id}/rerun", roundId).with(api.as("officer")), 200);
        assertThat(live(assignments(roundId), agri)).hasSize(4).doesNotContain(liu.id());

        // 3. The officer dismisses 刘建华's possible conflict on the round page: the re-run assigns him.
        mvc.perform(post("/office/calls/{code}/review/conflicts/dismissals", CALL).with(api.as("officer")).with(csrf())
                        .param("applicationId", String.valueOf(agri)).param("expertId", String.valueOf(liu.id()))
                        .param("reason", "经核实，联合申报单位是新疆农业大学的独立法人附属企业，与刘建华无关"))
                .andExpect(redirectedUrl("/office/calls/" + CALL + "/review#possible-conflicts"));
        JsonNode dismissed = conflict(api.expect(get("/api/v1/calls/{code}/conflicts", CALL).param("certainty", "POSSIBLE")
                .with(api.as("officer")), 200), agri, liu.id());
        assertThat(dismissed.get("excluded").asBoolean()).isFalse();
        assertThat(dismissed.get("dismissal").get("dismissedBy").asString()).isEqualTo("officer");
        assertThat(dismissed.get("dismissal").get("reason").asString()).contains("独立法人附属企业");
        assertThat(strings(dismissed.get("dismissal").get("reasons"))).containsExactly("POSSIBLE_ORG_IS_CO_APPLICANT");
        long dismissalId = dismissed.get("dismissal").get("id").asLong();
        assertThat(dismiss(agri, liu.id(), "再次排除").status()).as("once is enough").isEqualTo(409);
        api.expect(post("/api/v1/review-rounds/{id}/rerun", roundId).with(api.as("officer")), 200);
        JsonNode afterDismissal = assignments(roundId);
        assertThat(live(afterDismissal, agri)).hasSize(5).contains(liu.id());
        assertThat(pair(afterDismissal, agri, liu.id()).get("origin").asString()).isEqualTo("SOLVER");
        String page = page("/office/calls/{code}/review", "officer", CALL);
        assertThat(page).contains("已排除", "独立法人附属企业", "撤回排除");

        // 4. Withdrawn, the dismissal stops covering the pair: its assignment is removed and it is refused again.
        mvc.perform(post("/office/calls/{code}/review/conflicts/dismissals/{id}/withdrawal", CALL, dismissalId)
                        .with(api.as("officer")).with(csrf()))
                .andExpect(redirectedUrl("/office/calls/" + CALL + "/review#possible-conflicts"));
        assertThat(api.send(delete("/api/v1/conflict-dismissals/{id}", dismissalId).with(api.as("officer"))).status())
                .as("withdrawn once").isEqualTo(409);
        JsonNode afterWithdrawal = assignments(roundId);
        assertThat(live(afterWithdrawal, agri)).hasSize(4).doesNotContain(liu.id());
        assertThat(conflict(api.expect(get("/api/v1/calls/{code}/conflicts", CALL).param("certainty", "POSSIBLE")
                .with(api.as("officer")), 200), agri, liu.id()).get("excluded").asBoolean()).isTrue();
        assertThat(add(roundId, agri, liu.id()).status()).isEqualTo(409);
        JsonNode history = api.expect(get("/api/v1/calls/{code}/conflict-dismissals", CALL).with(api.as("officer")), 200);
        assertThat(history).hasSize(1);
        assertThat(history.get(0).get("withdrawnBy").asString()).isEqualTo("officer");
        assertThat(history.get(0).get("withdrawnAt").isNull()).isFalse();
        assertThat(history.get(0).get("dismissedBy").asString()).isEqualTo("officer");

        // 5. The expert's view before confirming: who takes part, from the submitted snapshot — no content.
        long mine = pair(afterWithdrawal, xju, demo.id()).get("id").asLong();
        ThroughTheApi.Reply view = api.send(get("/api/v1/me/assignments/{id}", mine).with(api.as("expert")));
        assertThat(view.status()).as(view.text()).isEqualTo(200);
        JsonNode parties = view.body().get("parties");
        assertThat(parties.get("applicant").asString()).isEqualTo("新疆示范大学");
        assertThat(strings(parties.get("coApplicants"))).containsExactly("新疆大学");
        assertThat(parties.get("partners").get(0).get("name").asString()).isEqualTo("Altai State University");
        assertThat(parties.get("partners").get(0).get("country").asString()).isEqualTo("RU");
        assertThat(parties.get("partners").get(0).get("people").get(0).get("fullName").asString()).isEqualTo("Ivan Petrov");
        assertThat(parties.get("team").findValues("fullName").stream().map(JsonNode::asString))
                .containsExactly("张明", "李四");
        assertThat(view.text()).doesNotContain(NARRATIVE_MARK, SUMMARY_MARK, BUDGET_MARK, INVALID_CODE);
        String reviews = page("/expert/reviews", "expert");
        assertThat(reviews).contains("参与单位和人员", "新疆示范大学", "新疆大学", "Altai State University", "俄罗斯",
                "Ivan Petrov", "Professor", "张明", "李四").doesNotContain(NARRATIVE_MARK, SUMMARY_MARK, BUDGET_MARK);
        assertThat(api.send(get("/api/v1/me/assignments/{id}", mine).with(api.as("expert-sun"))).status())
                .as("another expert's assignment").isEqualTo(404);

        // 6. The PDF opens with the page session once the expert has confirmed; never for another expert.
        MockHttpSession expertSession = signIn("expert");
        assertThat(status(get("/applications/{id}/pdf", xju).session(expertSession))).isEqualTo(404);
        api.expect(post("/api/v1/assignments/{id}/conflict-declaration", mine).with(api.as("expert"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"noConflict\":true}"), 200);
        String confirmedPage = page("/expert/reviews", "expert");
        assertThat(confirmedPage).contains("href=\"/applications/" + xju + "/pdf\"")
                .doesNotContain("/api/v1/applications/" + xju + "/pdf");
        MockHttpServletResponse pdf = response(get("/applications/{id}/pdf", xju).session(expertSession));
        assertThat(pdf.getStatus()).isEqualTo(200);
        assertThat(pdf.getContentType()).startsWith(MediaType.APPLICATION_PDF_VALUE);
        assertThat(new String(pdf.getContentAsByteArray(), 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        assertThat(status(get("/applications/{id}/pdf", xju).session(signIn("expert-ivanov")))).isEqualTo(404);

        // 7. An expert declines; the round page lists and counts it with the profile declarations.
        long declining = live(afterWithdrawal, xju).stream().filter(id -> !id.equals(demo.id())).findFirst()
                .orElseThrow();
        ExpertView decliner = experts.find(declining).orElseThrow();
        api.expect(post("/api/v1/assignments/{id}/conflict-declaration", pair(afterWithdrawal, xju, declining)
                .get("id").asLong()).with(api.as(decliner.username())).contentType(MediaType.APPLICATION_JSON)
                .content("{\"noConflict\":false,\"reason\":\"本人与项目负责人为同一课题组\"}"), 200);
        ThroughTheApi.Reply declared = api.send(get("/api/v1/calls/{code}/declared-conflicts", CALL)
                .with(api.as("officer")));
        assertThat(declared.status()).isEqualTo(200);
        List<String> rows = new ArrayList<>();
        declared.body().forEach(d -> rows.add(d.get("source").asString() + " " + d.get("applicationId").asLong() + " "
                + d.get("expertName").asString() + " " + d.get("reason").asString()));
        assertThat(rows).containsExactlyInAnyOrder(
                "ASSIGNMENT " + xju + " " + decliner.fullName() + " 本人与项目负责人为同一课题组",
                "PROFILE " + agri + " 马文斌 近三年内曾在该单位任职",
                "PROFILE " + xju + " 马文斌 近三年内曾在该单位任职");
        assertThat(declared.body().get(0).get("declaredAt").isNull()).isFalse();
        page = page("/office/calls/{code}/review", "officer", CALL);
        assertThat(page).contains("专家声明的利益冲突（3）", decliner.fullName(), "本人与项目负责人为同一课题组",
                "第 1 轮评审中声明回避", "专家信息中声明回避：新疆示范大学", "近三年内曾在该单位任职")
                .doesNotContain("没有发现利益冲突");

        // 8. The complaint itself: with no computed conflict left, a declared one still keeps "none found" away.
        for (ExpertView gone : List.of(liu, zhao, ivanov, ma)) {
            experts.deactivate(gone.id(), "officer", null);
        }
        assertThat(api.expect(get("/api/v1/calls/{code}/conflicts", CALL).with(api.as("officer")), 200)).isEmpty();
        page = page("/office/calls/{code}/review", "officer", CALL);
        assertThat(page).doesNotContain("没有发现利益冲突").contains("专家声明的利益冲突（1）",
                "确定的利益冲突 0 对；疑似利益冲突 0 对（其中 0 对尚未排除，暂不分配）；专家声明的利益冲突 1 项。");
        assertThat(page("/office/calls/{code}/review?lang=en", "officer", CALL))
                .contains("Conflicts declared by experts (1)").doesNotContain("No conflicts of interest found");
    }

    @Test
    void onlyTheOfficeSeesAndDismissesConflicts() throws Exception {
        for (String who : List.of("uni-admin", "expert", "uni-leader")) {
            assertThat(api.send(get("/api/v1/calls/{code}/declared-conflicts", CALL).with(api.as(who))).status())
                    .as(who).isEqualTo(403);
            assertThat(api.send(get("/api/v1/calls/{code}/conflict-dismissals", CALL).with(api.as(who))).status())
                    .as(who).isEqualTo(403);
            assertThat(api.send(post("/api/v1/calls/{code}/conflict-dismissals", CALL).with(api.as(who))
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"applicationId\":1,\"expertId\":1,\"reason\":\"x\"}")).status()).as(who).isEqualTo(403);
            assertThat(api.send(delete("/api/v1/conflict-dismissals/1").with(api.as(who))).status()).as(who)
                    .isEqualTo(403);
            assertThat(mvc.perform(post("/office/calls/{code}/review/conflicts/dismissals", CALL).with(api.as(who))
                    .with(csrf()).param("applicationId", "1").param("expertId", "1").param("reason", "x")).andReturn()
                    .getResponse().getStatus()).as(who).isEqualTo(403);
        }
        assertThat(api.send(get("/api/v1/me/assignments/1").with(api.as("officer"))).status()).isEqualTo(403);
        assertThat(api.send(delete("/api/v1/conflict-dismissals/999999").with(api.as("officer"))).status())
                .isEqualTo(404);
    }

    @Test
    void everyReasonAndBasisIsWordedInEveryLanguage() {
        for (Locale locale : List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH, Locale.forLanguageTag("ru"))) {
            for (ConflictReason reason : ConflictReason.values()) {
                assertThat(messages.getMessage("review.reason." + reason.name(), null, null, locale))
                        .as("%s %s", reason, locale).isNotBlank().isNotEqualTo("review.reason." + reason.name());
            }
            for (Basis basis : Basis.values()) {
                assertThat(messages.getMessage("review.basis." + basis.name(), new Object[] {"registry:1"}, null,
                        locale)).as("%s %s", basis, locale).isNotBlank().doesNotContain("{0}", "review.basis");
            }
        }
    }

    // ---- the applications through the API

    /** A complete application of a new leader of the demo university with this title and co-applicant, ACCEPTED. */
    private long accepted(String title, String coApplicant, String creditCode) throws Exception {
        String leader = api.newLeader();
        long id = api.complete(leader);
        save(leader, id, "basics", "{\"title\":\"" + title + "\",\"category\":\"GENERAL\",\"scope\":\"G3\","
                + "\"startDate\":\"2024-01-01\",\"endDate\":\"2026-06-30\",\"keywords\":[\"生态\"],"
                + "\"summary\":\"" + SUMMARY_MARK + "\",\"recommendingDepartment\":\"650100\"}");
        save(leader, id, "narrative", "{\"objectives\":\"" + NARRATIVE_MARK + "\",\"rationale\":\"理由\","
                + "\"content\":\"" + NARRATIVE_MARK + "\",\"channels\":\"渠道\",\"responsibilities\":\"责任\","
                + "\"plan\":\"方案\",\"expectedResults\":\"成效\"}");
        save(leader, id, "coApplicants", "{\"organizations\":[{\"name\":\"" + coApplicant + "\",\"creditCode\":\""
                + creditCode + "\",\"province\":\"新疆\",\"role\":\"联合申报\"}]}");
        save(leader, id, "budget", "{\"fiscal\":\"100\",\"selfRaised\":\"0\",\"lines\":["
                + "{\"category\":\"EQUIPMENT\",\"source\":\"FISCAL\",\"amount\":\"60\",\"note\":\"" + BUDGET_MARK + "\"},"
                + "{\"category\":\"OPERATING\",\"source\":\"FISCAL\",\"amount\":\"40\"}]}");
        api.submitted(leader, id);
        api.step("uni-admin", id, Action.APPROVE, "同意");
        api.step("recommender", id, Action.RECOMMEND, "推荐");
        api.step("officer", id, Action.ACCEPT, "形式审查通过");
        return id;
    }

    private void save(String leader, long id, String section, String content) throws Exception {
        long version = api.expect(get("/api/v1/applications/{id}", id).with(api.as(leader)), 200).get("version")
                .asLong();
        api.expect(put("/api/v1/applications/{id}/sections/{name}", id, section).with(api.as(leader))
                .header("If-Match", String.valueOf(version)).contentType(MediaType.APPLICATION_JSON).content(content), 200);
    }

    private ExpertView expert(String username) {
        return experts.activeExperts().stream().filter(e -> e.username().equals(username)).findFirst().orElseThrow();
    }

    private ThroughTheApi.Reply dismiss(long application, long expert, String reason) throws Exception {
        return api.send(post("/api/v1/calls/{code}/conflict-dismissals", CALL).with(api.as("officer"))
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(java.util.Map.of(
                        "applicationId", application, "expertId", expert, "reason", reason))));
    }

    private ThroughTheApi.Reply add(long roundId, long application, long expert) throws Exception {
        return api.send(post("/api/v1/review-rounds/{id}/assignments", roundId).with(api.as("officer"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"applicationId\":" + application + ",\"expertId\":" + expert + ",\"reason\":\"补充\"}"));
    }

    private JsonNode assignments(long roundId) throws Exception {
        return api.expect(get("/api/v1/review-rounds/{id}/assignments", roundId).with(api.as("officer")), 200);
    }

    private static List<Long> live(JsonNode pairs, long application) {
        List<Long> out = new ArrayList<>();
        for (JsonNode p : pairs) {
            if (p.get("applicationId").asLong() == application
                    && Set.of("ASSIGNED", "CONFIRMED", "SUBMITTED").contains(p.get("status").asString())) {
                out.add(p.get("expertId").asLong());
            }
        }
        return out;
    }

    /** The latest pair of the application and expert. */
    private static JsonNode pair(JsonNode pairs, long application, long expert) {
        JsonNode found = null;
        for (JsonNode p : pairs) {
            if (p.get("applicationId").asLong() == application && p.get("expertId").asLong() == expert) {
                found = p;
            }
        }
        assertThat(found).as("pair %d/%d", application, expert).isNotNull();
        return found;
    }

    private static List<String> pairs(JsonNode conflicts) {
        List<String> out = new ArrayList<>();
        conflicts.forEach(c -> out.add(c.get("applicationId").asLong() + "/" + c.get("expertId").asLong()));
        return out;
    }

    private static JsonNode conflict(JsonNode conflicts, long application, long expert) {
        for (JsonNode c : conflicts) {
            if (c.get("applicationId").asLong() == application && c.get("expertId").asLong() == expert) {
                return c;
            }
        }
        throw new AssertionError("no conflict " + application + "/" + expert + " in " + conflicts);
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(v -> out.add(v.asString()));
        return out;
    }

    private String page(String path, String user, Object... variables) throws Exception {
        MockHttpServletResponse response = mvc.perform(get(path, variables).with(api.as(user))).andReturn()
                .getResponse();
        assertThat(response.getStatus()).as(path).isEqualTo(200);
        return response.getContentAsString(StandardCharsets.UTF_8);
    }

    /** A session from the login form, as a browser has it. */
    private MockHttpSession signIn(String username) throws Exception {
        return (MockHttpSession) mvc.perform(post("/login").param("username", username).param("password", PASSWORD)
                .with(csrf())).andExpect(redirectedUrl("/dashboard")).andReturn().getRequest().getSession(false);
    }

    /** The response, after the asynchronous dispatch when the request started one (the PDF). */
    private MockHttpServletResponse response(RequestBuilder request) throws Exception {
        MvcResult result = mvc.perform(request).andReturn();
        if (result.getRequest().isAsyncStarted()) {
            result = mvc.perform(asyncDispatch(result)).andReturn();
        }
        return result.getResponse();
    }

    private int status(RequestBuilder request) throws Exception {
        return response(request).getStatus();
    }
}
