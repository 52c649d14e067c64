package org.silkgrant.organization.web;

import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.silkgrant.SilkGrantTest;
import org.silkgrant.account.AccountManagement;
import org.silkgrant.notification.Smtp;
import org.silkgrant.organization.Codes;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import jakarta.mail.internet.MimeMessage;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Registration through the API: every rule of the credit code and division, the password policy, the duplicate
 * credit code; a taken user name answered like a free one and resolved by the mailed single-use link (GreenMail);
 * registrations per address throttled; an unverified organisation's admin told of few taken names.
 */
@SilkGrantTest
@DirtiesContext
class OrganizationApiTests {

    private static final Smtp SMTP = new Smtp();
    private static final java.util.regex.Pattern LINK = java.util.regex.Pattern
            .compile("https://silkgrant\\.test/register/confirm\\?token=([A-Za-z0-9_-]{43})");

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        SMTP.register(registry);
        registry.add("silkgrant.mail.base-url", () -> "https://silkgrant.test");
    }

    private static final String PASSWORD = SilkGrantTest.DEMO_PASSWORD;
    private static final AtomicInteger USERS = new AtomicInteger();

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Autowired
    AccountManagement accounts;

    private static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

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
    void aWeakPasswordIsRefusedButATakenUserNameIsNotTold() throws Exception {
        ResultActions weak = register(Codes.registration(Codes.creditCode("91", "650100"), "ENTERPRISE", "650102",
                "officer", "password")).andExpect(status().isUnprocessableContent());
        org.assertj.core.api.Assertions.assertThat(errorCodes(weak, "admin.password")).contains("CHARACTER_CLASSES", "COMMON");
        org.assertj.core.api.Assertions.assertThat(errorCodes(weak, "admin.username")).isEmpty();
        org.assertj.core.api.Assertions.assertThat(weak.andReturn().getResponse().getContentAsString())
                .doesNotContain("DUPLICATE", "taken", "already");
    }

    @Test
    void aTakenUserNameIsAnsweredLikeAFreeOneAndResolvedByTheMailedLink() throws Exception {
        String freeName = user();
        String freeBody = register(Codes.registration(Codes.creditCode("91", "650100"), "ENTERPRISE", "650102",
                freeName, "Enterprise#2026", freeName + "@example.org")).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        String email = "taken-" + user() + "@example.org";
        MockHttpServletResponse taken = register(Codes.registration(Codes.creditCode("91", "650100"), "ENTERPRISE",
                "650102", "Officer", "Enterprise#2026", email)).andExpect(status().isCreated()).andReturn().getResponse();

        // The same answer: status, fields, status value; the id is the organisation's, from the same sequence.
        JsonNode free = json.readTree(freeBody);
        JsonNode same = json.readTree(taken.getContentAsString());
        org.assertj.core.api.Assertions.assertThat(same.propertyNames()).containsExactlyElementsOf(free.propertyNames());
        org.assertj.core.api.Assertions.assertThat(same.get("status").asString()).isEqualTo("PENDING_VERIFICATION");
        long organizationId = same.get("id").asLong();
        org.assertj.core.api.Assertions.assertThat(organizationId).isGreaterThan(free.get("id").asLong());
        // The demo officer's password still works for the officer only.
        mvc.perform(get("/api/v1/me").with(httpBasic("officer", "Enterprise#2026"))).andExpect(status().isUnauthorized());

        // The mail to the address given carries the link; the free registration got a mail without one.
        MimeMessage mail = await().atMost(java.time.Duration.ofSeconds(30)).until(() -> SMTP.to(email, "/register/confirm"),
                list -> !list.isEmpty()).get(0);
        java.util.regex.Matcher link = LINK.matcher(Smtp.body(mail));
        org.assertj.core.api.Assertions.assertThat(link.find()).as("the link in " + Smtp.body(mail)).isTrue();
        String token = link.group(1);
        MimeMessage received = await().atMost(java.time.Duration.ofSeconds(30))
                .until(() -> SMTP.to(freeName + "@example.org", freeName), list -> !list.isEmpty()).get(0);
        org.assertj.core.api.Assertions.assertThat(Smtp.body(received)).doesNotContain("/register/confirm");

        // The link's page; a taken name is refused (each try counts), a free one opens the account.
        mvc.perform(get("/register/confirm").param("token", token))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("测试科技有限公司")))
                .andExpect(content().string(containsString("还可尝试 3 次")));
        mvc.perform(post("/register/confirm").with(csrf()).param("token", token).param("username", "expert"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("该用户名已被使用")))
                .andExpect(content().string(containsString("还可尝试 2 次")));
        String chosen = user();
        mvc.perform(post("/register/confirm").with(csrf()).param("token", token).param("username", chosen))
                .andExpect(redirectedUrl("/register/confirmed"));
        mvc.perform(get("/api/v1/me").with(httpBasic(chosen, "Enterprise#2026")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.roles[0]").value("ORG_ADMIN"))
                .andExpect(jsonPath("$.organizationId").value(organizationId));

        // The link works once.
        mvc.perform(get("/register/confirm").param("token", token))
                .andExpect(content().string(containsString("id=\"confirm-invalid\"")));
        mvc.perform(post("/register/confirm").with(csrf()).param("token", token).param("username", user()))
                .andExpect(content().string(containsString("id=\"confirm-invalid\"")));
    }

    @Test
    void aLinkAllowsThreeTriesOnly() throws Exception {
        String email = "tries-" + user() + "@example.org";
        register(Codes.registration(Codes.creditCode("91", "650100"), "ENTERPRISE", "650102", "sysadmin",
                "Enterprise#2026", email)).andExpect(status().isCreated());
        MimeMessage mail = await().atMost(java.time.Duration.ofSeconds(30)).until(() -> SMTP.to(email, "/register/confirm"),
                list -> !list.isEmpty()).get(0);
        java.util.regex.Matcher link = LINK.matcher(Smtp.body(mail));
        org.assertj.core.api.Assertions.assertThat(link.find()).isTrue();
        for (String name : new String[] {"officer", "expert", "secadmin"}) {
            mvc.perform(post("/register/confirm").with(csrf()).param("token", link.group(1)).param("username", name));
        }
        String fresh = user();
        mvc.perform(post("/register/confirm").with(csrf()).param("token", link.group(1)).param("username", fresh))
                .andExpect(content().string(containsString("id=\"confirm-invalid\"")));
        org.assertj.core.api.Assertions.assertThat(accounts.findByUsername(fresh)).isEmpty();
    }

    /** With the postgres profile the session, flash attributes included, is serialized into the database. */
    @Test
    void theRegistrationPagesFlashCanBeKeptInTheDatabase() throws Exception {
        var result = mvc.perform(post("/register").with(csrf()).param("name", "闪存测试科技有限公司")
                        .param("creditCode", Codes.creditCode("91", "650100")).param("type", "ENTERPRISE")
                        .param("divisionCode", "650102").param("address", "乌鲁木齐市").param("adminUsername", user())
                        .param("adminPassword", "Enterprise#2026").param("adminFullName", "管理员")
                        .param("adminEmail", "flash@example.org"))
                .andExpect(redirectedUrl("/register/done")).andReturn();
        org.assertj.core.api.Assertions.assertThat((java.util.Map<String, Object>) result.getFlashMap()).containsKeys("registeredName", "email");
        org.springframework.util.SerializationUtils.serialize(result.getFlashMap());
    }

    @Test
    void anAdminEMailAddressIsRequired() throws Exception {
        ResultActions result = register(Codes.registration(Codes.creditCode("91", "650100"), "ENTERPRISE", "650102",
                user(), "Enterprise#2026", "")).andExpect(status().isUnprocessableContent());
        org.assertj.core.api.Assertions.assertThat(errorCodes(result, "admin.email")).isEqualTo("REQUIRED");
    }

    @Test
    void registrationsFromOneAddressAreThrottled() throws Exception {
        for (int i = 0; i < 20; i++) {
            mvc.perform(post("/api/v1/organizations/registrations").with(from("10.77.0.1"))
                            .contentType(MediaType.APPLICATION_JSON).content(Codes.registration(
                                    Codes.creditCode("91", "650100"), "ENTERPRISE", "650102", user(), "Enterprise#2026")))
                    .andExpect(status().isCreated());
        }
        mvc.perform(post("/api/v1/organizations/registrations").with(from("10.77.0.1")).header("Accept-Language", "en")
                        .contentType(MediaType.APPLICATION_JSON).content(Codes.registration(
                                Codes.creditCode("91", "650100"), "ENTERPRISE", "650102", user(), "Enterprise#2026")))
                .andExpect(status().isTooManyRequests())
                .andExpect(jsonPath("$.detail").value(containsString("Too many registrations")));
        mvc.perform(post("/api/v1/organizations/registrations").with(from("10.77.0.2"))
                        .contentType(MediaType.APPLICATION_JSON).content(Codes.registration(
                                Codes.creditCode("91", "650100"), "ENTERPRISE", "650102", user(), "Enterprise#2026")))
                .andExpect(status().isCreated());
    }

    @Test
    void anUnverifiedOrganisationsAdminIsToldOfFewTakenNames() throws Exception {
        String admin = user();
        long id = json.readTree(register(Codes.registration(Codes.creditCode("91", "650100"), "ENTERPRISE", "650102",
                admin, "Enterprise#2026")).andReturn().getResponse().getContentAsString()).get("id").asLong();
        String[] taken = {"officer", "expert", "sysadmin", "secadmin", "auditadmin"};
        for (String name : taken) {
            createMember(id, admin, name).andExpect(status().isUnprocessableContent())
                    .andExpect(jsonPath("$.errors[0].code").value("DUPLICATE"));
        }
        // The sixth answer of the day is the same whatever the name.
        createMember(id, admin, "recommender").andExpect(status().isTooManyRequests());
        createMember(id, admin, user()).andExpect(status().isTooManyRequests());

        // Once the office has verified the organisation, its admin is answered as any office user is.
        mvc.perform(post("/api/v1/organizations/{id}/verification", id).with(httpBasic("officer", PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content("{\"decision\":\"VERIFIED\"}")).andExpect(status().isOk());
        createMember(id, admin, "recommender").andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].code").value("DUPLICATE"));
        createMember(id, admin, user()).andExpect(status().isCreated());
    }

    private ResultActions createMember(long organizationId, String admin, String username) throws Exception {
        return mvc.perform(post("/api/v1/organizations/{id}/users", organizationId).with(httpBasic(admin, "Enterprise#2026"))
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"username":"%s","password":"Leader#Pass2026","fullName":"负责人","email":"l@example.org",
                         "role":"APPLICANT"}""".formatted(username)));
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
