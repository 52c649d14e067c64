package org.silkgrant.organization.web;

import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.silkgrant.SilkGrantTest;
import org.silkgrant.organization.Codes;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** Registration through the API: every rule of the credit code and division, the password policy, duplicates. */
@SilkGrantTest
@DirtiesContext
class OrganizationApiTests {

    private static final String PASSWORD = SilkGrantTest.DEMO_PASSWORD;
    private static final AtomicInteger USERS = new AtomicInteger();

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    private static String user() {
        return "reg" + System.nanoTime() % 1_000_000 + USERS.incrementAndGet();
    }

    private ResultActions register(String body) throws Exception {
        return mvc.perform(post("/api/v1/organizations/registrations").contentType(MediaType.APPLICATION_JSON)
                .header("Accept-Language", "en").content(body));
    }

    private String errorCodes(ResultActions result, String field) throws Exception {
        JsonNode body = json.readTree(result.andReturn().getResponse().getContentAsString());
        StringBuilder codes = new StringBuilder();
        body.get("errors").forEach(e -> {
            if (e.get("field").asString().equals(field)) {
                codes.append(e.get("code").asString()).append(' ');
            }
        });
        return codes.toString().strip();
    }

    @Test
    void aRegionEnterpriseRegistersAndWaitsForVerification() throws Exception {
        register(Codes.registration(Codes.creditCode("91", "650100"), "ENTERPRISE", "650102", user(), "Enterprise#2026"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.id").isNumber())
                .andExpect(jsonPath("$.status").value("PENDING_VERIFICATION"));
    }

    @Test
    void lowerCaseCreditCodesAreAccepted() throws Exception {
        register(Codes.registration(Codes.creditCode("12", "653100").toLowerCase(), "UNIVERSITY", "653101", user(),
                "University#2026")).andExpect(status().isCreated());
    }

    @ParameterizedTest
    @CsvSource({
            "91110000600037341L, ENTERPRISE, 650102, NOT_IN_REGION",
            "9165010012345678,   ENTERPRISE, 650102, LENGTH",
            "91650100I2345678X1, ENTERPRISE, 650102, FORBIDDEN_CHARACTER",
            "''                , ENTERPRISE, 650102, REQUIRED"})
    void refusesABadCreditCodeNamingTheField(String code, String type, String division, String expected) throws Exception {
        ResultActions result = register(Codes.registration(code, type, division, user(), "Enterprise#2026"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        org.assertj.core.api.Assertions.assertThat(errorCodes(result, "creditCode")).isEqualTo(expected);
    }

    @Test
    void refusesAWrongCheckCharacter() throws Exception {
        String valid = Codes.creditCode("91", "650100");
        char wrong = valid.charAt(17) == '0' ? '1' : '0';
        ResultActions result = register(Codes.registration(valid.substring(0, 17) + wrong, "ENTERPRISE", "650102", user(),
                "Enterprise#2026")).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].message").value(containsString("check character")));
        org.assertj.core.api.Assertions.assertThat(errorCodes(result, "creditCode")).isEqualTo("CHECK_CHARACTER");
    }

    @Test
    void refusesAnEnterpriseWithAPublicInstitutionsCode() throws Exception {
        ResultActions result = register(Codes.registration(Codes.creditCode("12", "650100"), "ENTERPRISE", "650102",
                user(), "Enterprise#2026")).andExpect(status().isUnprocessableContent());
        org.assertj.core.api.Assertions.assertThat(errorCodes(result, "creditCode")).isEqualTo("TYPE_MISMATCH");
    }

    @Test
    void refusesADivisionOutsideTheRegionOrInAnotherPrefecture() throws Exception {
        ResultActions unknown = register(Codes.registration(Codes.creditCode("91", "650100"), "ENTERPRISE", "110101",
                user(), "Enterprise#2026")).andExpect(status().isUnprocessableContent());
        org.assertj.core.api.Assertions.assertThat(errorCodes(unknown, "divisionCode")).isEqualTo("UNKNOWN");

        ResultActions elsewhere = register(Codes.registration(Codes.creditCode("91", "650100"), "ENTERPRISE", "653101",
                user(), "Enterprise#2026")).andExpect(status().isUnprocessableContent());
        org.assertj.core.api.Assertions.assertThat(errorCodes(elsewhere, "divisionCode")).isEqualTo("MISMATCH");
    }

    @Test
    void refusesASecondRegistrationOfTheSameCode() throws Exception {
        String code = Codes.creditCode("91", "650100");
        register(Codes.registration(code, "ENTERPRISE", "650102", user(), "Enterprise#2026")).andExpect(status().isCreated());

        ResultActions again = register(Codes.registration(code, "ENTERPRISE", "650102", user(), "Enterprise#2026"))
                .andExpect(status().isUnprocessableContent());
        org.assertj.core.api.Assertions.assertThat(errorCodes(again, "creditCode")).isEqualTo("DUPLICATE");
    }

    @Test
    void refusesAWeakAdminPasswordAndATakenUserName() throws Exception {
        ResultActions weak = register(Codes.registration(Codes.creditCode("91", "650100"), "ENTERPRISE", "650102",
                "officer", "password")).andExpect(status().isUnprocessableContent());
        org.assertj.core.api.Assertions.assertThat(errorCodes(weak, "admin.password")).contains("CHARACTER_CLASSES", "COMMON");
        org.assertj.core.api.Assertions.assertThat(errorCodes(weak, "admin.username")).isEqualTo("DUPLICATE");
    }

    @Test
    void nothingIsSavedWhenAnyFieldIsWrong() throws Exception {
        String code = Codes.creditCode("91", "650100");
        register(Codes.registration(code, "ENTERPRISE", "650102", user(), "short")).andExpect(status().isUnprocessableContent());

        register(Codes.registration(code, "ENTERPRISE", "650102", user(), "Enterprise#2026")).andExpect(status().isCreated());
    }

    @Test
    void theOfficerVerifiesAndTheAdminSeesTheNotice() throws Exception {
        String admin = user();
        String body = register(Codes.registration(Codes.creditCode("91", "650100"), "ENTERPRISE", "650102", admin,
                "Enterprise#2026")).andReturn().getResponse().getContentAsString();
        long id = json.readTree(body).get("id").asLong();

        mvc.perform(post("/api/v1/organizations/{id}/verification", id).with(httpBasic(admin, "Enterprise#2026"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"decision\":\"VERIFIED\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/organizations/{id}/verification", id).with(httpBasic("officer", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"decision\":\"VERIFIED\",\"comment\":\"材料齐全\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("VERIFIED"))
                .andExpect(jsonPath("$.decidedBy").value("officer"));
        mvc.perform(post("/api/v1/organizations/{id}/verification", id).with(httpBasic("officer", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"decision\":\"REJECTED\",\"comment\":\"no\"}"))
                .andExpect(status().isConflict());

        mvc.perform(get("/notices").with(org.springframework.security.test.web.servlet.request
                        .SecurityMockMvcRequestPostProcessors.user(new org.silkgrant.account.SilkGrantUser(0L, admin, "x",
                                "x", id, java.util.Set.of(org.silkgrant.account.Role.ORG_ADMIN), true, false, false))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("已通过国际合作处审核")))
                .andExpect(content().string(containsString("材料齐全")));
    }

    @Test
    void aRejectionNeedsAComment() throws Exception {
        String body = register(Codes.registration(Codes.creditCode("91", "650100"), "ENTERPRISE", "650102", user(),
                "Enterprise#2026")).andReturn().getResponse().getContentAsString();
        long id = json.readTree(body).get("id").asLong();

        mvc.perform(post("/api/v1/organizations/{id}/verification", id).with(httpBasic("officer", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"decision\":\"REJECTED\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("comment"));
    }

    @Test
    void theOfficerSearchesTheQueue() throws Exception {
        String code = Codes.creditCode("91", "650100");
        register(Codes.registration(code, "ENTERPRISE", "650102", user(), "Enterprise#2026")).andExpect(status().isCreated());

        mvc.perform(get("/api/v1/organizations").param("status", "PENDING_VERIFICATION").param("q", code.substring(8, 16))
                        .with(httpBasic("officer", PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.content[*].creditCode", hasItem(code)))
                .andExpect(jsonPath("$.content[*].status", not(hasItem("VERIFIED"))));
        mvc.perform(get("/api/v1/organizations").with(httpBasic("uni-admin", PASSWORD)))
                .andExpect(status().isForbidden());
    }
}
