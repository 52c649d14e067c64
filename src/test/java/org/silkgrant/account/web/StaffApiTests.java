package org.silkgrant.account.web;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.silkgrant.SilkGrantTest;
import org.silkgrant.account.AccountManagement;
import org.silkgrant.account.AccountView;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import com.jayway.jsonpath.JsonPath;

/** The office's accounts on the API: the system admin creates them, the security admin sets roles and unlocks. */
@SilkGrantTest
@DirtiesContext
class StaffApiTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    AccountManagement accounts;

    private ResultActions createStaff(String admin, String json) throws Exception {
        return mvc.perform(post("/api/v1/staff").with(httpBasic(admin, SilkGrantTest.DEMO_PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content(json));
    }

    private static String staff(String username, String password, String roles) {
        return """
                {"username":"%s","password":"%s","fullName":"国际合作处 李工","email":"%s@example.org",
                 "phone":"0991-1234567","roles":[%s]}""".formatted(username, password, username, roles);
    }

    private ResultActions setRoles(String admin, Long id, String roles) throws Exception {
        return mvc.perform(put("/api/v1/users/{id}/roles", id).with(httpBasic(admin, SilkGrantTest.DEMO_PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content("{\"roles\":[" + roles + "]}"));
    }

    private Long idOf(String username) {
        return accounts.findByUsername(username).map(AccountView::id).orElseThrow();
    }

    @Test
    void theSystemAdminCreatesAStaffAccountThatCanSignIn() throws Exception {
        String body = createStaff("sysadmin", staff("new.officer", "Tian-Shan#2026", "\"PROGRAM_OFFICER\""))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", containsString("/api/v1/staff/")))
                .andReturn().getResponse().getContentAsString();
        Number id = JsonPath.read(body, "$.id");

        mvc.perform(get("/api/v1/me").with(httpBasic("new.officer", "Tian-Shan#2026")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.fullName").value("国际合作处 李工"))
                .andExpect(jsonPath("$.roles").value(containsInAnyOrder("PROGRAM_OFFICER")));
        mvc.perform(get("/api/v1/staff/{id}", id.longValue()).with(httpBasic("sysadmin", SilkGrantTest.DEMO_PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.username").value("new.officer"))
                .andExpect(jsonPath("$.locked").value(false))
                .andExpect(jsonPath("$.enabled").value(true));
    }

    @Test
    void onlyTheSystemAdminCreatesStaff() throws Exception {
        createStaff("secadmin", staff("sneaky", "Tian-Shan#2026", "\"EXPERT\"")).andExpect(status().isForbidden());
        createStaff("officer", staff("sneaky", "Tian-Shan#2026", "\"EXPERT\"")).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/staff").contentType(MediaType.APPLICATION_JSON)
                .content(staff("sneaky", "Tian-Shan#2026", "\"EXPERT\""))).andExpect(status().isUnauthorized());
    }

    @Test
    void twoAdminDutiesInOneAccountAreRefused() throws Exception {
        createStaff("sysadmin", staff("superuser", "Tian-Shan#2026", "\"SYSTEM_ADMIN\",\"AUDIT_ADMIN\""))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("roles"))
                .andExpect(jsonPath("$.errors[0].code").value("SEPARATION_OF_DUTIES"));
    }

    @Test
    void organisationRolesAreNotForStaff() throws Exception {
        mvc.perform(post("/api/v1/staff").with(httpBasic("sysadmin", SilkGrantTest.DEMO_PASSWORD))
                        .header("Accept-Language", "en").contentType(MediaType.APPLICATION_JSON)
                        .content(staff("applicant", "Tian-Shan#2026", "\"APPLICANT\"")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("roles"))
                .andExpect(jsonPath("$.errors[0].code").value("NOT_STAFF"))
                .andExpect(jsonPath("$.errors[0].message").value("A staff account cannot have the role “Project leader (applicant)”."));
    }

    @Test
    void aWeakInitialPasswordIsAFieldErrorOnPassword() throws Exception {
        createStaff("sysadmin", staff("weak.one", "password", "\"EXPERT\""))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[*].field", hasItem("password")))
                .andExpect(jsonPath("$.errors[*].code", hasItem("CHARACTER_CLASSES")));
        createStaff("sysadmin", staff("weak.two", "P@ssw0rd1", "\"EXPERT\""))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[*].code", containsInAnyOrder("COMMON")));
        createStaff("sysadmin", staff("weak.three", "Weak.Three#9", "\"EXPERT\""))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[*].code", containsInAnyOrder("CONTAINS_USERNAME")));
    }

    @Test
    void everyFieldErrorComesAtOnce() throws Exception {
        createStaff("sysadmin", """
                {"username":"Bad Name","password":"","fullName":" ","email":"not-an-address","roles":[]}""")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[*].field",
                        containsInAnyOrder("username", "password", "fullName", "email", "roles")));
    }

    @Test
    void aDuplicateUserNameIsRefused() throws Exception {
        createStaff("sysadmin", staff("Officer", "Tian-Shan#2026", "\"EXPERT\""))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("username"))
                .andExpect(jsonPath("$.errors[0].code").value("DUPLICATE"));
    }

    @Test
    void bothAdminsListTheStaffWithoutSecrets() throws Exception {
        for (String admin : new String[] {"sysadmin", "secadmin"}) {
            mvc.perform(get("/api/v1/staff").with(httpBasic(admin, SilkGrantTest.DEMO_PASSWORD)))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$[*].username", hasItem("officer")))
                    .andExpect(jsonPath("$[?(@.username == 'officer')].roles[0]").value("PROGRAM_OFFICER"))
                    .andExpect(jsonPath("$[0].id").isNumber())
                    .andExpect(jsonPath("$[0].locked").isBoolean())
                    .andExpect(content().string(not(containsString("password"))))
                    .andExpect(content().string(not(containsString("{bcrypt}"))))
                    .andExpect(content().string(not(containsString("mfa"))));
        }
        mvc.perform(get("/api/v1/staff").with(httpBasic("auditadmin", SilkGrantTest.DEMO_PASSWORD)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/staff").with(httpBasic("officer", SilkGrantTest.DEMO_PASSWORD)))
                .andExpect(status().isForbidden());
    }

    @Test
    void theSecurityAdminChangesRolesAndTheSystemAdminMayNot() throws Exception {
        createStaff("sysadmin", staff("changing.role", "Tian-Shan#2026", "\"EXPERT\"")).andExpect(status().isCreated());
        Long member = idOf("changing.role");
        setRoles("secadmin", member, "\"RECOMMENDER\"")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.username").value("changing.role"))
                .andExpect(jsonPath("$.roles").value(containsInAnyOrder("RECOMMENDER")));
        mvc.perform(get("/api/v1/me").with(httpBasic("changing.role", "Tian-Shan#2026")))
                .andExpect(jsonPath("$.roles").value(containsInAnyOrder("RECOMMENDER")));

        setRoles("sysadmin", member, "\"EXPERT\"").andExpect(status().isForbidden());
        setRoles("auditadmin", member, "\"EXPERT\"").andExpect(status().isForbidden());
    }

    /** Every pair of staff roles the separation-of-duties table forbids, on the security admin's endpoint. */
    @Test
    void everyForbiddenPairOfStaffRolesIsRefusedNamingBothRolesInWords() throws Exception {
        createStaff("sysadmin", staff("pair.target", "Tian-Shan#2026", "\"EXPERT\"")).andExpect(status().isCreated());
        Long target = idOf("pair.target");
        java.util.List<org.silkgrant.account.Role> staffRoles = org.silkgrant.account.Role.STAFF_ROLES.stream().sorted().toList();
        int refused = 0;
        for (int i = 0; i < staffRoles.size(); i++) {
            for (int j = i + 1; j < staffRoles.size(); j++) {
                org.silkgrant.account.Role a = staffRoles.get(i);
                org.silkgrant.account.Role b = staffRoles.get(j);
                if (org.silkgrant.account.SeparationOfDuties.allowedTogether(a, b)) {
                    continue;
                }
                refused++;
                mvc.perform(put("/api/v1/users/{id}/roles", target).with(httpBasic("secadmin", SilkGrantTest.DEMO_PASSWORD))
                                .header("Accept-Language", "en").contentType(MediaType.APPLICATION_JSON)
                                .content("{\"roles\":[\"" + a + "\",\"" + b + "\"]}"))
                        .andExpect(status().isUnprocessableContent())
                        .andExpect(jsonPath("$.errors[0].field").value("roles"))
                        .andExpect(jsonPath("$.errors[0].code").value("SEPARATION_OF_DUTIES"))
                        .andExpect(jsonPath("$.errors[0].message").value(containsString(ENGLISH.get(a))))
                        .andExpect(jsonPath("$.errors[0].message").value(containsString(ENGLISH.get(b))))
                        .andExpect(jsonPath("$.errors[0].message").value(not(containsString(a.name()))))
                        .andExpect(jsonPath("$.errors[0].message").value(not(containsString(b.name()))));
            }
        }
        org.assertj.core.api.Assertions.assertThat(refused).as("forbidden pairs of the six staff roles").isEqualTo(15);
        mvc.perform(get("/api/v1/me").with(httpBasic("pair.target", "Tian-Shan#2026")))
                .andExpect(jsonPath("$.roles").value(containsInAnyOrder("EXPERT")));
    }

    private static final java.util.Map<org.silkgrant.account.Role, String> ENGLISH = java.util.Map.of(
            org.silkgrant.account.Role.RECOMMENDER, "Recommending department",
            org.silkgrant.account.Role.PROGRAM_OFFICER, "Program officer",
            org.silkgrant.account.Role.EXPERT, "Expert",
            org.silkgrant.account.Role.SYSTEM_ADMIN, "System administrator",
            org.silkgrant.account.Role.SECURITY_ADMIN, "Security administrator",
            org.silkgrant.account.Role.AUDIT_ADMIN, "Audit administrator");

    @Test
    void theRefusalIsInTheReadersLanguage() throws Exception {
        Long officer = idOf("officer");
        for (String[] language : new String[][] {{"zh-CN", "“国际合作处项目管理员”和“评审专家”不能由同一账号担任"},
                {"ru", "«Сотрудник программного офиса (отдел международного сотрудничества)» и «Эксперт»"}}) {
            mvc.perform(put("/api/v1/users/{id}/roles", officer).with(httpBasic("secadmin", SilkGrantTest.DEMO_PASSWORD))
                            .header("Accept-Language", language[0]).contentType(MediaType.APPLICATION_JSON)
                            .content("{\"roles\":[\"EXPERT\",\"PROGRAM_OFFICER\"]}"))
                    .andExpect(status().isUnprocessableContent())
                    .andExpect(jsonPath("$.errors[0].message").value(containsString(language[1])));
        }
    }

    @Test
    void staffCreationKeepsTheSeparationToo() throws Exception {
        createStaff("sysadmin", staff("officer.auditor", "Tian-Shan#2026", "\"PROGRAM_OFFICER\",\"AUDIT_ADMIN\""))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("roles"))
                .andExpect(jsonPath("$.errors[0].code").value("SEPARATION_OF_DUTIES"));
        createStaff("sysadmin", staff("expert.officer", "Tian-Shan#2026", "\"EXPERT\",\"PROGRAM_OFFICER\""))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].code").value("SEPARATION_OF_DUTIES"));
        org.assertj.core.api.Assertions.assertThat(accounts.findByUsername("officer.auditor")).isEmpty();
        org.assertj.core.api.Assertions.assertThat(accounts.findByUsername("expert.officer")).isEmpty();
    }

    /** All 36 pairs of the nine roles through the one check every path that gives roles goes through. */
    @Test
    void theAccountServiceRefusesEveryForbiddenPair() {
        org.silkgrant.account.Role[] roles = org.silkgrant.account.Role.values();
        int pairs = 0;
        for (int i = 0; i < roles.length; i++) {
            for (int j = i + 1; j < roles.length; j++) {
                pairs++;
                var violations = accounts.check(new org.silkgrant.account.NewAccount("pair.check", "Tian-Shan#2026",
                        "x", null, null, null, java.util.EnumSet.of(roles[i], roles[j]), null));
                boolean refused = violations.stream().anyMatch(v -> "roles".equals(v.field())
                        && "SEPARATION_OF_DUTIES".equals(v.code()));
                org.assertj.core.api.Assertions.assertThat(refused).as(roles[i] + " + " + roles[j])
                        .isEqualTo(!org.silkgrant.account.SeparationOfDuties.allowedTogether(roles[i], roles[j]));
            }
        }
        org.assertj.core.api.Assertions.assertThat(pairs).isEqualTo(36);
    }

    @Test
    void rolesKeepTheAdminDutiesSeparated() throws Exception {
        setRoles("secadmin", idOf("sysadmin"), "\"SYSTEM_ADMIN\",\"AUDIT_ADMIN\"")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("roles"))
                .andExpect(jsonPath("$.errors[0].code").value("SEPARATION_OF_DUTIES"));
        setRoles("secadmin", idOf("officer"), "")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].code").value("REQUIRED"));
    }

    @Test
    void theSecurityAdminCannotChangeTheirOwnRoles() throws Exception {
        setRoles("secadmin", idOf("secadmin"), "\"AUDIT_ADMIN\"")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].code").value("SELF"));
    }

    @Test
    void anUnknownAccountIsNotFound() throws Exception {
        setRoles("secadmin", 987654L, "\"EXPERT\"").andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/users/{id}/unlock", 987654L).with(httpBasic("secadmin", SilkGrantTest.DEMO_PASSWORD)))
                .andExpect(status().isNotFound());
    }

    @Test
    void anOrganisationsPersonIsNotFoundHere() throws Exception {
        Long member = accounts.findByUsername("uni-admin").filter(a -> a.organizationId() != null)
                .map(AccountView::id).orElse(null);
        Assumptions.assumeTrue(member != null, "the demo organisations' people are not seeded");
        setRoles("secadmin", member, "\"APPLICANT\"").andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/users/{id}/unlock", member).with(httpBasic("secadmin", SilkGrantTest.DEMO_PASSWORD)))
                .andExpect(status().isNotFound());
    }

    @Test
    void unlockingIsForTheSecurityAdmin() throws Exception {
        Long officer = idOf("officer");
        mvc.perform(post("/api/v1/users/{id}/unlock", officer).with(httpBasic("sysadmin", SilkGrantTest.DEMO_PASSWORD)))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/users/{id}/unlock", officer).with(httpBasic("secadmin", SilkGrantTest.DEMO_PASSWORD)))
                .andExpect(status().isNoContent());
    }
}
