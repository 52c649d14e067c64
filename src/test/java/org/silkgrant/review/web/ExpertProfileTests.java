package org.silkgrant.review.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.silkgrant.review.web.ExpertFixture.PASSWORD;
import static org.silkgrant.review.web.ExpertFixture.chineseExpert;
import static org.silkgrant.review.web.ExpertFixture.email;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.silkgrant.SilkGrantTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** The expert's own profile and declared conflicts, through the API and the page. */
@SilkGrantTest
@DirtiesContext
class ExpertProfileTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    /** A new expert created by the officer: user name and the password they chose. */
    private record Credentials(String username, String password, JsonNode expert) {
    }

    private Credentials newExpert(String name) throws Exception {
        String username = "exp" + System.nanoTime() % 1_000_000;
        String body = chineseExpert(name, email("self")).replaceFirst("\\{",
                "{\"username\":\"" + username + "\",\"password\":\"Expert#2026x\",");
        JsonNode created = json.readTree(mvc.perform(post("/api/v1/experts").with(httpBasic("officer", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString());
        return new Credentials(username, "Expert#2026x", created.get("expert"));
    }

    private ResultActions declare(Credentials expert, String body) throws Exception {
        return mvc.perform(post("/api/v1/me/expert-profile/conflicts").with(httpBasic(expert.username(), expert.password()))
                .header("Accept-Language", "en").contentType(MediaType.APPLICATION_JSON).content(body));
    }

    @Test
    void theDemoExpertHasAProfile() throws Exception {
        mvc.perform(get("/api/v1/me/expert-profile").with(httpBasic("expert", PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.username").value("expert"))
                .andExpect(jsonPath("$.fullName").value("评审专家 陈教授"))
                .andExpect(jsonPath("$.fields", hasItem("ECOLOGICAL_ENVIRONMENT")))
                .andExpect(jsonPath("$.organizationCode").isString());
    }

    @Test
    void theExpertChangesTheirOwnProfileWithTheVersionRead() throws Exception {
        Credentials expert = newExpert("自改");
        JsonNode e = expert.expert();
        String change = """
                {"fullName":"自改","organizationName":"新疆师范大学","organizationCode":"%s","country":"CN",
                 "title":"副教授","fields":["DIGITAL_ECONOMY"],"keywords":["跨境电商"],"languages":["zh","ru"],
                 "email":"%s"}""".formatted(e.get("organizationCode").asString(), e.get("email").asString());
        mvc.perform(put("/api/v1/me/expert-profile").with(httpBasic(expert.username(), expert.password()))
                        .header("If-Match", e.get("version").asLong())
                        .contentType(MediaType.APPLICATION_JSON).content(change))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.organizationName").value("新疆师范大学"))
                .andExpect(jsonPath("$.fields[0]").value("DIGITAL_ECONOMY"))
                .andExpect(jsonPath("$.languages", hasItem("ru")));
        mvc.perform(put("/api/v1/me/expert-profile").with(httpBasic(expert.username(), expert.password()))
                        .header("If-Match", e.get("version").asLong())
                        .contentType(MediaType.APPLICATION_JSON).content(change))
                .andExpect(status().isConflict());
        mvc.perform(put("/api/v1/me/expert-profile").with(httpBasic(expert.username(), expert.password()))
                        .header("If-Match", e.get("version").asLong() + 1)
                        .contentType(MediaType.APPLICATION_JSON).content(change.replace("\"CN\"", "\"DE\"")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("organizationCode"))
                .andExpect(jsonPath("$.errors[0].code").value("FOREIGN"));
        mvc.perform(get("/api/v1/audit-events").param("action", "EXPERT_PROFILE_CHANGED").param("actor", expert.username())
                        .with(httpBasic("auditadmin", PASSWORD)))
                .andExpect(jsonPath("$.totalElements").value(1))
                .andExpect(jsonPath("$.content[0].role").value("EXPERT"));
    }

    @Test
    void theExpertDeclaresAndWithdrawsConflicts() throws Exception {
        Credentials expert = newExpert("声明人");
        declare(expert, "{\"kind\":\"ORGANIZATION\",\"reason\":\"前雇主\"}")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("organizationName"));
        declare(expert, "{\"kind\":\"ORGANIZATION\",\"organizationCode\":\"12650100458000120\",\"reason\":\"前雇主\"}")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("organizationCode"))
                .andExpect(jsonPath("$.errors[0].code").value("LENGTH"));
        declare(expert, "{\"kind\":\"PERSON\",\"personName\":\"张明\"}")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[*].field", hasItem("organizationName")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("reason")));
        declare(expert, "{\"reason\":\"x\"}").andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("kind"));

        String university = ExpertFixture.creditCode(5);
        long organization = json.readTree(declare(expert, """
                {"kind":"ORGANIZATION","organizationName":"新疆示范大学","organizationCode":"%s","reason":"近三年内曾任职"}"""
                .formatted(university.toLowerCase())).andExpect(status().isCreated())
                .andExpect(jsonPath("$.organizationCode").value(university))
                .andReturn().getResponse().getContentAsString()).get("id").asLong();
        declare(expert, "{\"kind\":\"PERSON\",\"personName\":\"张明\",\"organizationName\":\"新疆示范大学\",\"reason\":\"博士导师\"}")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.kind").value("PERSON"));

        mvc.perform(get("/api/v1/me/expert-profile").with(httpBasic(expert.username(), expert.password())))
                .andExpect(jsonPath("$.conflicts.length()").value(2))
                .andExpect(jsonPath("$.conflicts[1].personName").value("张明"));
        mvc.perform(get("/api/v1/experts/{id}", expert.expert().get("id").asLong()).with(httpBasic("officer", PASSWORD)))
                .andExpect(jsonPath("$.conflicts[0].reason").value("近三年内曾任职"));

        // Another expert cannot withdraw it: not found, and it stays.
        mvc.perform(delete("/api/v1/me/expert-profile/conflicts/{id}", organization).with(httpBasic("expert", PASSWORD)))
                .andExpect(status().isNotFound());
        mvc.perform(delete("/api/v1/me/expert-profile/conflicts/{id}", organization)
                        .with(httpBasic(expert.username(), expert.password())))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/me/expert-profile").with(httpBasic(expert.username(), expert.password())))
                .andExpect(jsonPath("$.conflicts.length()").value(1));
        mvc.perform(get("/api/v1/audit-events").param("actor", expert.username()).with(httpBasic("auditadmin", PASSWORD)))
                .andExpect(jsonPath("$.content[*].action", hasItem("EXPERT_CONFLICT_DECLARED")))
                .andExpect(jsonPath("$.content[*].action", hasItem("EXPERT_CONFLICT_WITHDRAWN")));
    }

    @Test
    void onlyExpertsHaveAnOwnProfile() throws Exception {
        mvc.perform(get("/api/v1/me/expert-profile").with(httpBasic("uni-leader", PASSWORD)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/me/expert-profile").with(httpBasic("officer", PASSWORD)))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/me/expert-profile/conflicts").with(httpBasic("uni-admin", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"kind\":\"ORGANIZATION\"}"))
                .andExpect(status().isForbidden());
    }

    @Test
    void theProfilePageSavesTheProfileAndDeclaresAConflict() throws Exception {
        Credentials expert = newExpert("页面自改");
        JsonNode e = expert.expert();
        MockHttpSession session = ExpertFixture.signIn(mvc, expert.username(), expert.password());
        mvc.perform(get("/expert/profile").session(session).cookie(new jakarta.servlet.http.Cookie("silkgrant-lang", "en")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("My expert profile")))
                .andExpect(content().string(not(containsString("??"))));
        mvc.perform(post("/expert/profile").session(session).with(csrf())
                        .param("version", e.get("version").asString()).param("fullName", "页面自改")
                        .param("organizationName", "新疆工程学院").param("organizationCode", e.get("organizationCode").asString())
                        .param("country", "CN").param("fields", "NEW_ENERGY", "NEW_MATERIALS").param("languages", "zh")
                        .param("keywords", "储能、氢能").param("email", e.get("email").asString()))
                .andExpect(redirectedUrl("/expert/profile"));
        mvc.perform(post("/expert/profile/conflicts").session(session).with(csrf()).param("kind", "PERSON")
                        .param("personName", "李娜"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"reason-errors\"")))
                .andExpect(content().string(containsString("id=\"organizationName-errors\"")));
        mvc.perform(post("/expert/profile/conflicts").session(session).with(csrf()).param("kind", "PERSON")
                        .param("personName", "李娜").param("organizationName", "新疆丝路示范科技有限公司")
                        .param("reason", "合作者"))
                .andExpect(redirectedUrl("/expert/profile#conflicts"));
        JsonNode saved = json.readTree(mvc.perform(get("/api/v1/me/expert-profile")
                .with(httpBasic(expert.username(), expert.password()))).andReturn().getResponse().getContentAsString());
        assertThat(saved.get("organizationName").asString()).isEqualTo("新疆工程学院");
        assertThat(saved.get("keywords").toString()).contains("储能", "氢能");
        assertThat(saved.get("conflicts").get(0).get("personName").asString()).isEqualTo("李娜");
        mvc.perform(get("/expert/profile").session(session))
                .andExpect(content().string(containsString("新疆丝路示范科技有限公司")));
    }
}
