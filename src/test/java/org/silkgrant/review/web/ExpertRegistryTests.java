package org.silkgrant.review.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.silkgrant.review.web.ExpertFixture.PASSWORD;
import static org.silkgrant.review.web.ExpertFixture.chineseExpert;
import static org.silkgrant.review.web.ExpertFixture.email;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.HashMap;
import java.util.Map;

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

/**
 * The office's expert registry through the API and the pages: creating an expert and their account, every field
 * rule named by its field, search, changes with If-Match, deactivation, and who may do what.
 */
@SilkGrantTest
@DirtiesContext
class ExpertRegistryTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    private ResultActions create(String body) throws Exception {
        return mvc.perform(post("/api/v1/experts").with(httpBasic("officer", PASSWORD)).header("Accept-Language", "en")
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private JsonNode body(ResultActions result) throws Exception {
        return json.readTree(result.andReturn().getResponse().getContentAsString());
    }

    /** Error codes by field of a 422 answer. */
    private Map<String, String> errors(ResultActions result) throws Exception {
        Map<String, String> codes = new HashMap<>();
        body(result).get("errors").forEach(e -> codes.merge(e.get("field").asString(), e.get("code").asString(),
                (a, b) -> a + " " + b));
        return codes;
    }

    @Test
    void theOfficerCreatesAnExpertWhoSignsInWithTheHandedOverPassword() throws Exception {
        String email = email("li.hua");
        JsonNode created = body(create(chineseExpert("李华", email))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.expert.fullName").value("李华"))
                .andExpect(jsonPath("$.expert.country").value("CN"))
                .andExpect(jsonPath("$.expert.fields[0]").value("MODERN_AGRICULTURE"))
                .andExpect(jsonPath("$.expert.active").value(true)));
        String username = created.get("username").asString();
        String password = created.get("initialPassword").asString();
        assertThat(username).startsWith("li.hua");
        assertThat(password).hasSizeGreaterThanOrEqualTo(12);

        mvc.perform(get("/api/v1/me/expert-profile").with(httpBasic(username, password)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.email").value(email))
                .andExpect(jsonPath("$.keywords", hasItem("节水灌溉")));
        mvc.perform(get("/api/v1/me").with(httpBasic(username, password)))
                .andExpect(jsonPath("$.roles", hasItem("EXPERT")));
        mvc.perform(get("/api/v1/audit-events").param("action", "EXPERT_CREATED").param("actor", "officer")
                        .with(httpBasic("auditadmin", PASSWORD)))
                .andExpect(jsonPath("$.content[*].targetId", hasItem(created.get("id").asString())));
    }

    @Test
    void theOfficerMayChooseTheUserNameAndPassword() throws Exception {
        String body = chineseExpert("周强", email("zhou")).replaceFirst("\\{",
                "{\"username\":\"zhou-qiang\",\"password\":\"Zhou#Qiang2026\",");
        create(body).andExpect(status().isCreated())
                .andExpect(jsonPath("$.username").value("zhou-qiang"))
                .andExpect(jsonPath("$.initialPassword").doesNotExist());
        mvc.perform(get("/api/v1/me/expert-profile").with(httpBasic("zhou-qiang", "Zhou#Qiang2026")))
                .andExpect(status().isOk());
        Map<String, String> taken = errors(create(chineseExpert("周强", email("zhou2")).replaceFirst("\\{",
                "{\"username\":\"zhou-qiang\",\"password\":\"weak\",")).andExpect(status().isUnprocessableContent()));
        assertThat(taken).containsEntry("username", "DUPLICATE").containsKey("password");
    }

    @Test
    void everyBadFieldIsNamedAndNothingIsSaved() throws Exception {
        String email = email("bad");
        Map<String, String> errors = errors(create("""
                {"fullName":" ","organizationName":"","country":"XX","fields":["NOT_A_FIELD"],
                 "languages":["xx"],"email":"not-an-address","keywords":["%s"]}""".formatted("k".repeat(51)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[?(@.field == 'fields')].message",
                        hasItem(containsString("NOT_A_FIELD")))));
        assertThat(errors).containsEntry("fullName", "REQUIRED").containsEntry("organizationName", "REQUIRED")
                .containsEntry("country", "UNKNOWN").containsEntry("fields", "UNKNOWN")
                .containsEntry("languages", "UNKNOWN").containsEntry("email", "FORMAT")
                .containsEntry("keywords", "TOO_LONG");

        Map<String, String> empty = errors(create("""
                {"fullName":"赵六","organizationName":"某大学","country":"CN","fields":[],"languages":[],
                 "email":"%s"}""".formatted(email)).andExpect(status().isUnprocessableContent()));
        assertThat(empty).containsEntry("organizationCode", "REQUIRED").containsEntry("fields", "REQUIRED")
                .containsEntry("languages", "REQUIRED");
        mvc.perform(get("/api/v1/experts").param("name", "赵六").with(httpBasic("officer", PASSWORD)))
                .andExpect(jsonPath("$.totalElements").value(0));
    }

    @Test
    void aChineseOrganisationNeedsAValidCreditCodeAndAForeignOneNone() throws Exception {
        String valid = ExpertFixture.creditCode(4242);
        char wrong = valid.charAt(17) == '0' ? '1' : '0';
        assertThat(errors(create(chineseExpert("钱七", email("qian")).replace("\"organizationCode\":\"",
                "\"organizationCode\":\"X")).andExpect(status().isUnprocessableContent())))
                .containsKey("organizationCode");
        String body = """
                {"fullName":"钱七","organizationName":"某研究所","organizationCode":"%s","country":"CN",
                 "fields":["NEW_ENERGY"],"languages":["zh"],"email":"%s"}""";
        assertThat(errors(create(body.formatted(valid.substring(0, 17) + wrong, email("qian")))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("check character")))))
                .containsEntry("organizationCode", "CHECK_CHARACTER");
        create(body.formatted(valid.toLowerCase(), email("qian"))).andExpect(status().isCreated())
                .andExpect(jsonPath("$.expert.organizationCode").value(valid));

        String foreign = """
                {"fullName":"Ivan Petrov","organizationName":"Novosibirsk State University","organizationCode":%s,
                 "country":"ru","fields":["NEW_MATERIALS"],"languages":["ru","en"],"email":"%s"}""";
        assertThat(errors(create(foreign.formatted("\"" + valid + "\"", email("petrov")))
                .andExpect(status().isUnprocessableContent()))).containsEntry("organizationCode", "FOREIGN");
        create(foreign.formatted("null", email("petrov"))).andExpect(status().isCreated())
                .andExpect(jsonPath("$.expert.country").value("RU"))
                .andExpect(jsonPath("$.expert.organizationCode").doesNotExist());
    }

    @Test
    void anEmailBelongsToOneExpertWhateverItsCase() throws Exception {
        String email = email("dup");
        create(chineseExpert("甲", email)).andExpect(status().isCreated());
        assertThat(errors(create(chineseExpert("乙", email.toUpperCase())).andExpect(status().isUnprocessableContent())))
                .containsEntry("email", "DUPLICATE");
    }

    @Test
    void theOfficerSearchesByNameOrganisationFieldKeywordAndCountry() throws Exception {
        mvc.perform(get("/api/v1/experts").param("field", "MEDICINE_HEALTH").with(httpBasic("officer", PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.content[*].fullName", hasItem("吴海燕")))
                .andExpect(jsonPath("$.content[*].fields[*]", hasItem("MEDICINE_HEALTH")))
                .andExpect(jsonPath("$.content[*].fullName", not(hasItem("刘建华"))));
        mvc.perform(get("/api/v1/experts").param("keyword", "geochem").with(httpBasic("officer", PASSWORD)))
                .andExpect(jsonPath("$.content[*].fullName", hasItem("Alexei Ivanov")));
        mvc.perform(get("/api/v1/experts").param("country", "kz").with(httpBasic("officer", PASSWORD)))
                .andExpect(jsonPath("$.content[*].country", everyItem(org.hamcrest.Matchers.is("KZ"))))
                .andExpect(jsonPath("$.content[*].fullName", hasItem("Nurlan Akhmetov")));
        mvc.perform(get("/api/v1/experts").param("organization", "农业大学").param("name", "刘")
                        .with(httpBasic("officer", PASSWORD)))
                .andExpect(jsonPath("$.totalElements").value(1))
                .andExpect(jsonPath("$.content[0].fullName").value("刘建华"));
        // The demo expert who declared a conflict with the demo university.
        mvc.perform(get("/api/v1/experts").param("name", "马文斌").with(httpBasic("officer", PASSWORD)))
                .andExpect(jsonPath("$.content[0].conflicts[0].organizationName").value("新疆示范大学"))
                .andExpect(jsonPath("$.content[0].conflicts[0].kind").value("ORGANIZATION"));
    }

    @Test
    void onlyTheOfficerKeepsTheRegistry() throws Exception {
        for (String user : new String[] {"uni-leader", "uni-admin", "expert", "sysadmin"}) {
            mvc.perform(get("/api/v1/experts").with(httpBasic(user, PASSWORD))).andExpect(status().isForbidden());
            mvc.perform(post("/api/v1/experts").with(httpBasic(user, PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                    .content(chineseExpert("丙", email("x")))).andExpect(status().isForbidden());
            mvc.perform(get("/api/v1/experts/template.xlsx").with(httpBasic(user, PASSWORD)))
                    .andExpect(status().isForbidden());
        }
        mvc.perform(get("/api/v1/experts")).andExpect(status().isUnauthorized());
    }

    @Test
    void anExpertReadsTheirOwnEntryAndAnotherIsNotFound() throws Exception {
        long own = body(mvc.perform(get("/api/v1/me/expert-profile").with(httpBasic("expert", PASSWORD)))
                .andExpect(status().isOk())).get("id").asLong();
        long other = body(mvc.perform(get("/api/v1/experts").param("name", "刘建华").with(httpBasic("officer", PASSWORD))))
                .get("content").get(0).get("id").asLong();

        mvc.perform(get("/api/v1/experts/{id}", own).with(httpBasic("expert", PASSWORD))).andExpect(status().isOk());
        mvc.perform(get("/api/v1/experts/{id}", other).with(httpBasic("expert", PASSWORD)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/experts/{id}", other).with(httpBasic("officer", PASSWORD))).andExpect(status().isOk());
        mvc.perform(get("/api/v1/experts/{id}", other).with(httpBasic("uni-leader", PASSWORD)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/experts/{id}", 999_999).with(httpBasic("officer", PASSWORD)))
                .andExpect(status().isNotFound());
    }

    @Test
    void theOfficerChangesAnExpertWithTheVersionReadAndDeactivatesThem() throws Exception {
        JsonNode created = body(create(chineseExpert("孔明", email("kong"))).andExpect(status().isCreated()));
        long id = created.get("id").asLong();
        long version = created.get("expert").get("version").asLong();
        String change = """
                {"fullName":"孔明","organizationName":"新疆农业科学院","organizationCode":"%s","country":"CN",
                 "title":"研究员","fields":["MODERN_AGRICULTURE"],"keywords":["棉花"],"languages":["zh"],"email":"%s",
                 "active":%s}""";
        String email = created.get("expert").get("email").asString();
        String code = created.get("expert").get("organizationCode").asString();

        mvc.perform(put("/api/v1/experts/{id}", id).with(httpBasic("officer", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content(change.formatted(code, email, "null")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("If-Match"));
        mvc.perform(put("/api/v1/experts/{id}", id).with(httpBasic("officer", PASSWORD)).header("If-Match", version)
                        .contentType(MediaType.APPLICATION_JSON).content(change.formatted(code, email, "false")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.organizationName").value("新疆农业科学院"))
                .andExpect(jsonPath("$.keywords[0]").value("棉花"))
                .andExpect(jsonPath("$.active").value(false));
        mvc.perform(put("/api/v1/experts/{id}", id).with(httpBasic("officer", PASSWORD)).header("If-Match", version)
                        .contentType(MediaType.APPLICATION_JSON).content(change.formatted(code, email, "null")))
                .andExpect(status().isConflict());
        mvc.perform(get("/api/v1/experts").param("name", "孔明").param("active", "true")
                        .with(httpBasic("officer", PASSWORD)))
                .andExpect(jsonPath("$.totalElements").value(0));
        mvc.perform(get("/api/v1/audit-events").param("action", "EXPERT_DEACTIVATED").with(httpBasic("auditadmin", PASSWORD)))
                .andExpect(jsonPath("$.content[*].targetId", hasItem(String.valueOf(id))));
        mvc.perform(get("/api/v1/audit-events").param("action", "EXPERT_PROFILE_CHANGED").with(httpBasic("auditadmin", PASSWORD)))
                .andExpect(jsonPath("$.content[*].detail", hasItem(containsString("organizationName"))));
    }

    @Test
    void theOfficersPagesListCreateEditAndDeactivate() throws Exception {
        MockHttpSession officer = ExpertFixture.signIn(mvc, "officer", PASSWORD);
        mvc.perform(get("/office/experts").session(officer))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("刘建华")))
                .andExpect(content().string(containsString("href=\"/office/experts/template.xlsx\"")))
                .andExpect(content().string(not(containsString("??"))));
        mvc.perform(get("/office/experts").param("field", "MEDICINE_HEALTH").session(officer))
                .andExpect(content().string(containsString("吴海燕")))
                .andExpect(content().string(containsString(">医药健康</span>")))
                .andExpect(content().string(not(containsString(">MEDICINE_HEALTH</span>"))))
                .andExpect(content().string(not(containsString("刘建华"))));
        mvc.perform(get("/office/experts/new").session(officer).cookie(new jakarta.servlet.http.Cookie("silkgrant-lang", "ru")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Новый эксперт")))
                .andExpect(content().string(not(containsString("??"))));

        mvc.perform(post("/office/experts").session(officer).with(csrf()).param("fullName", "页面专家")
                        .param("organizationName", "某大学").param("country", "CN").param("email", "not-an-address"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"organizationCode-errors\"")))
                .andExpect(content().string(containsString("id=\"email-errors\"")))
                .andExpect(content().string(containsString("id=\"fields-errors\"")));
        String email = email("page");
        mvc.perform(post("/office/experts").session(officer).with(csrf()).param("fullName", "页面专家")
                        .param("organizationName", "某大学").param("organizationCode", ExpertFixture.creditCode(777))
                        .param("country", "CN").param("fields", "NEW_ENERGY").param("languages", "zh")
                        .param("keywords", "风电，储能").param("email", email))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("页面专家")))
                .andExpect(content().string(containsString("id=\"created\"")));
        JsonNode expert = body(mvc.perform(get("/api/v1/experts").param("name", "页面专家")
                .with(httpBasic("officer", PASSWORD)))).get("content").get(0);
        assertThat(expert.get("keywords").toString()).contains("风电", "储能");

        long id = expert.get("id").asLong();
        mvc.perform(post("/office/experts/{id}/deactivation", id).session(officer).with(csrf()))
                .andExpect(redirectedUrl("/office/experts/" + id));
        mvc.perform(get("/office/experts/{id}", id).session(officer))
                .andExpect(content().string(containsString("id=\"reactivate\"")));
    }

    @Test
    void applicantsAndExpertsDoNotReachTheOfficePages() throws Exception {
        MockHttpSession leader = ExpertFixture.signIn(mvc, "uni-leader", PASSWORD);
        mvc.perform(get("/office/experts").session(leader)).andExpect(status().isForbidden());
        mvc.perform(get("/expert/profile").session(leader)).andExpect(status().isForbidden());
        MockHttpSession expert = ExpertFixture.signIn(mvc, "expert", PASSWORD);
        mvc.perform(get("/office/experts").session(expert)).andExpect(status().isForbidden());
        mvc.perform(get("/dashboard").session(expert))
                .andExpect(content().string(containsString("href=\"/expert/profile\"")))
                .andExpect(content().string(not(containsString("href=\"/office/experts\""))));
    }
}
