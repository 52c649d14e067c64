package org.silkgrant.application.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.silkgrant.SilkGrantTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** The application through the API: create, save sections without overwriting anyone, read, and the checklist. */
@SilkGrantTest
@DirtiesContext
class ApplicationApiTests {

    private static final String PASSWORD = SilkGrantTest.DEMO_PASSWORD;

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    private JsonNode body(MockHttpServletRequestBuilder request) throws Exception {
        return json.readTree(mvc.perform(request).andReturn().getResponse().getContentAsString());
    }

    private long create(String leader, String title) throws Exception {
        JsonNode created = body(post("/api/v1/applications").with(httpBasic(leader, PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"callCode\":\"2023-SCO\",\"title\":\"" + title + "\"}"));
        assertThat(created.get("status").asString()).isEqualTo("DRAFT");
        return created.get("id").asLong();
    }

    private MockHttpServletRequestBuilder save(long id, String section, long ifMatch, String content, String user) {
        return put("/api/v1/applications/{id}/sections/{name}", id, section).with(httpBasic(user, PASSWORD))
                .header("If-Match", String.valueOf(ifMatch)).contentType(MediaType.APPLICATION_JSON).content(content);
    }

    private long version(long id, String user) throws Exception {
        return body(get("/api/v1/applications/{id}", id).with(httpBasic(user, PASSWORD))).get("version").asLong();
    }

    @Test
    void aLeaderCreatesAnApplicationWithItsTitleInTheBasics() throws Exception {
        long id = create("uni-leader", "阿尔泰区域生态监测联合研究");

        mvc.perform(get("/api/v1/applications/{id}", id).with(httpBasic("uni-leader", PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.callCode").value("2023-SCO"))
                .andExpect(jsonPath("$.status").value("DRAFT"))
                .andExpect(jsonPath("$.sections.basics.title").value("阿尔泰区域生态监测联合研究"));
        mvc.perform(get("/api/v1/applications").with(httpBasic("uni-leader", PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.content[?(@.id == " + id + ")]", hasSize(1)));
    }

    @Test
    void onlyLeadersCreateAndTitlesFollowTheCallsLimit() throws Exception {
        mvc.perform(post("/api/v1/applications").with(httpBasic("uni-admin", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"callCode\":\"2023-SCO\",\"title\":\"x\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/applications").with(httpBasic("uni-leader", PASSWORD)).header("Accept-Language", "en")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"callCode\":\"2023-SCO\",\"title\":\"" + "长".repeat(31) + "\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("title"))
                .andExpect(jsonPath("$.errors[0].message").value("The project title has at most 30 characters."));
        mvc.perform(post("/api/v1/applications").with(httpBasic("uni-leader", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"callCode\":\"NO-SUCH\",\"title\":\"x\"}"))
                .andExpect(status().isNotFound());
    }

    @Test
    void savesOfDifferentSectionsDoNotConflictButAStaleSaveOfTheSameSectionDoes() throws Exception {
        long id = create("uni-leader", "并发保存测试");
        long start = version(id, "uni-leader");

        JsonNode first = body(save(id, "narrative", start, "{\"objectives\":\"第一个人写的目标\"}", "uni-leader"));
        long afterFirst = first.get("version").asLong();
        assertThat(afterFirst).isGreaterThan(start);

        // Another tab, still at the start version, saves a different section: no conflict.
        mvc.perform(save(id, "ethics", start, "{\"humanSubjects\":false}", "uni-leader")).andExpect(status().isOk());

        // The same section from the start version: refused, with what is saved now.
        mvc.perform(save(id, "narrative", start, "{\"objectives\":\"第二个人写的目标\"}", "uni-leader"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.section").value("narrative"))
                .andExpect(jsonPath("$.current.objectives").value("第一个人写的目标"))
                .andExpect(jsonPath("$.savedBy").value("uni-leader"))
                .andExpect(jsonPath("$.version").isNumber());
        mvc.perform(get("/api/v1/applications/{id}", id).with(httpBasic("uni-leader", PASSWORD)))
                .andExpect(jsonPath("$.sections.narrative.objectives").value("第一个人写的目标"));

        // Having seen the conflict, the writer saves from the current version and wins.
        mvc.perform(save(id, "narrative", version(id, "uni-leader"), "{\"objectives\":\"合并后的目标\"}", "uni-leader"))
                .andExpect(status().isOk());
    }

    @Test
    void twoWritersRacingOnOneSectionExactlyOneWins() throws Exception {
        long id = create("uni-leader", "竞争保存测试");
        long start = version(id, "uni-leader");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Callable<Integer>> writers = new ArrayList<>();
            for (String text : List.of("甲", "乙")) {
                writers.add(() -> mvc.perform(save(id, "narrative", start, "{\"objectives\":\"" + text + "\"}",
                        "uni-leader")).andReturn().getResponse().getStatus());
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> result : pool.invokeAll(writers)) {
                statuses.add(result.get());
            }
            assertThat(statuses).containsExactlyInAnyOrder(200, 409);
        } finally {
            pool.shutdownNow();
        }
        String saved = body(get("/api/v1/applications/{id}", id).with(httpBasic("uni-leader", PASSWORD)))
                .get("sections").get("narrative").get("objectives").asString();
        assertThat(saved).isIn("甲", "乙");
    }

    @Test
    void aMalformedValueIsRefusedNamingTheFieldAndNothingIsLost() throws Exception {
        long id = create("uni-leader", "格式错误测试");
        long v = body(save(id, "basics", version(id, "uni-leader"),
                "{\"title\":\"格式错误测试\",\"startDate\":\"2024-01-01\"}", "uni-leader")).get("version").asLong();

        mvc.perform(save(id, "basics", v, "{\"title\":\"格式错误测试\",\"startDate\":\"明年\"}", "uni-leader"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("basics.startDate"));
        mvc.perform(save(id, "budget", v, "{\"fiscal\":\"100\",\"lines\":[{\"amount\":\"many\"}]}", "uni-leader"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("budget.lines[0].amount"));
        mvc.perform(get("/api/v1/applications/{id}", id).with(httpBasic("uni-leader", PASSWORD)))
                .andExpect(jsonPath("$.sections.basics.startDate").value("2024-01-01"));
        mvc.perform(save(id, "nonsense", v, "{}", "uni-leader")).andExpect(status().isNotFound());
        mvc.perform(put("/api/v1/applications/{id}/sections/basics", id).with(httpBasic("uni-leader", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"title\":\"x\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("If-Match"));
    }

    @Test
    void moneyIsKeptExactlyAsDecimalStrings() throws Exception {
        long id = create("ent-leader", "经费精度测试");
        mvc.perform(save(id, "budget", version(id, "ent-leader"),
                        "{\"fiscal\":\"100.0001\",\"selfRaised\":\"200.0002\",\"lines\":[{\"category\":\"EQUIPMENT\","
                                + "\"source\":\"FISCAL\",\"amount\":\"100.0001\"}]}", "ent-leader"))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/applications/{id}", id).with(httpBasic("ent-leader", PASSWORD)))
                .andExpect(jsonPath("$.sections.budget.fiscal").value("100.0001"))
                .andExpect(jsonPath("$.sections.budget.lines[0].amount").value("100.0001"));
    }

    @Test
    void anotherOrganisationGetsNotFoundAndTheOwnAdminMayReadButNotWrite() throws Exception {
        long id = create("uni-leader", "权限测试");

        mvc.perform(get("/api/v1/applications/{id}", id).with(httpBasic("ent-leader", PASSWORD)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/applications/{id}", id).with(httpBasic("ent-admin", PASSWORD)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/applications/{id}/checklist", id).with(httpBasic("ent-leader", PASSWORD)))
                .andExpect(status().isNotFound());
        mvc.perform(save(id, "narrative", 0, "{}", "ent-leader")).andExpect(status().isNotFound());

        mvc.perform(get("/api/v1/applications/{id}", id).with(httpBasic("uni-admin", PASSWORD)))
                .andExpect(status().isOk());
        mvc.perform(save(id, "narrative", version(id, "uni-admin"), "{}", "uni-admin")).andExpect(status().isForbidden());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "zh-CN | 科研助理岗位",
            "en    | research assistant",
            "ru    | научного ассистента"})
    void theChecklistHasEveryRuleOfTheCallInTheCallersLanguage(String language, String researchAssistant) throws Exception {
        long id = create("uni-leader", "清单测试");

        mvc.perform(get("/api/v1/applications/{id}/checklist", id).with(httpBasic("uni-leader", PASSWORD))
                        .header("Accept-Language", language))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.ready").value(false))
                .andExpect(jsonPath("$.results", hasSize(19)))
                .andExpect(jsonPath("$.results[0].rule").value("ORG_REGISTERED_IN_REGION"))
                .andExpect(jsonPath("$.results[0].clause").value("C1"))
                .andExpect(jsonPath("$.results[0].passed").value(true))
                .andExpect(jsonPath("$.results[?(@.rule == 'RESEARCH_ASSISTANT_POSITION')].passed").value(false))
                .andExpect(jsonPath("$.results[?(@.rule == 'RESEARCH_ASSISTANT_POSITION')].message")
                        .value(org.hamcrest.Matchers.hasItem(containsString(researchAssistant))))
                .andExpect(jsonPath("$.results[?(@.rule == 'DUPLICATE_CONTENT')].severity").value("WARNING"))
                // The new application's team starts with its leader, the account holder.
                .andExpect(jsonPath("$.results[?(@.rule == 'LEADER_IS_APPLICANT')].passed").value(true))
                .andExpect(jsonPath("$.results[?(@.rule == 'LEADER_IS_APPLICANT')].clause").value("R3"))
                .andExpect(jsonPath("$.results[?(@.rule == 'LEADER_IS_APPLICANT')].severity").value("BLOCKING"));
    }
}
