package org.silkgrant.account.web;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.silkgrant.account.web.SignIns.from;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.silkgrant.SilkGrantTest;
import org.silkgrant.account.AccountManagement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** The caller's own account on the API: who they are, changing their password, their sign-in history. */
@SilkGrantTest
@DirtiesContext
class MeApiTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    AccountManagement accounts;

    private ResultActions changePassword(String username, String current, String next) throws Exception {
        return mvc.perform(post("/api/v1/me/password").with(httpBasic(username, SilkGrantTest.DEMO_PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"currentPassword\":\"" + current + "\",\"newPassword\":\"" + next + "\"}"));
    }

    @Test
    void aStaffMemberSeesTheirNameRolesAndNoOrganisation() throws Exception {
        mvc.perform(get("/api/v1/me").with(httpBasic("officer", SilkGrantTest.DEMO_PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.username").value("officer"))
                .andExpect(jsonPath("$.fullName").value("国际合作处 王处长"))
                .andExpect(jsonPath("$.roles").value(containsInAnyOrder("PROGRAM_OFFICER")))
                .andExpect(jsonPath("$.organizationId", nullValue()))
                .andExpect(jsonPath("$.password").doesNotExist());
    }

    @Test
    void aWrongCurrentPasswordIsAFieldErrorOnCurrentPassword() throws Exception {
        changePassword("sysadmin", "not-my-password", "Another#Pass2026")
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("currentPassword"))
                .andExpect(jsonPath("$.errors[0].code").value("WRONG"))
                .andExpect(jsonPath("$.errors[0].message").value("当前密码不正确。"));
    }

    @Test
    void aFailedPasswordChangeIsKeptInTheAuditRecord() throws Exception {
        changePassword("officer", "guessing-the-password", "Another#Pass2026")
                .andExpect(status().isUnprocessableContent());

        mvc.perform(get("/api/v1/audit-events").param("q", "PASSWORD_CHANGE")
                        .with(httpBasic("auditadmin", SilkGrantTest.DEMO_PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.content[?(@.targetId == '%s')].outcome",
                        accounts.findByUsername("officer").orElseThrow().id().toString()).value(hasItem("FAILURE")));
    }

    @Test
    void aWeakNewPasswordIsRefusedWithEveryBrokenRule() throws Exception {
        changePassword("sysadmin", SilkGrantTest.DEMO_PASSWORD, "short1")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[*].field", everyItem(is("newPassword"))))
                .andExpect(jsonPath("$.errors[*].code", containsInAnyOrder("TOO_SHORT", "CHARACTER_CLASSES")))
                .andExpect(jsonPath("$.errors[?(@.code == 'TOO_SHORT')].message", hasItem("密码至少需要 8 个字符。")));
    }

    @Test
    void errorsFollowTheLanguageOfTheRequest() throws Exception {
        mvc.perform(post("/api/v1/me/password").with(httpBasic("sysadmin", SilkGrantTest.DEMO_PASSWORD))
                        .header("Accept-Language", "ru").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"currentPassword\":\"" + SilkGrantTest.DEMO_PASSWORD + "\",\"newPassword\":\"short1\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[?(@.code == 'TOO_SHORT')].message",
                        hasItem("Пароль должен содержать не менее 8 символов.")));
    }

    @Test
    void aCommonPasswordIsRefusedEvenWithFourCharacterClasses() throws Exception {
        changePassword("sysadmin", SilkGrantTest.DEMO_PASSWORD, "P@ssw0rd1")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[*].code", containsInAnyOrder("COMMON")))
                .andExpect(jsonPath("$.errors[0].field").value("newPassword"));
    }

    @Test
    void aPasswordContainingTheUserNameIsRefused() throws Exception {
        changePassword("sysadmin", SilkGrantTest.DEMO_PASSWORD, "My-SysAdmin-2026")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[*].code", containsInAnyOrder("CONTAINS_USERNAME")));
        changePassword("sysadmin", SilkGrantTest.DEMO_PASSWORD, "X9#nimdasys")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[*].code", containsInAnyOrder("CONTAINS_USERNAME")));
    }

    @Test
    void theSamePasswordAgainIsRefused() throws Exception {
        changePassword("sysadmin", SilkGrantTest.DEMO_PASSWORD, SilkGrantTest.DEMO_PASSWORD)
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].code").value("SAME"));
    }

    @Test
    void afterAChangeOnlyTheNewPasswordWorks() throws Exception {
        changePassword("recommender", SilkGrantTest.DEMO_PASSWORD, "Silk-Road#2026")
                .andExpect(status().isNoContent());

        mvc.perform(get("/api/v1/me").with(httpBasic("recommender", SilkGrantTest.DEMO_PASSWORD)).with(from("10.20.0.1")))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/me").with(httpBasic("recommender", "Silk-Road#2026")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.username").value("recommender"));
    }

    @Test
    void theHistoryListsSignInsAndFailedAttempts() throws Exception {
        mvc.perform(SignIns.loginForm("auditadmin", SilkGrantTest.DEMO_PASSWORD).with(from("10.20.0.2")));
        mvc.perform(SignIns.loginForm("auditadmin", "wrong password").with(from("10.20.0.3")));

        mvc.perform(get("/api/v1/me/logins").with(httpBasic("auditadmin", SilkGrantTest.DEMO_PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.signIns[0].clientAddress").value("10.20.0.2"))
                .andExpect(jsonPath("$.signIns[0].outcome").value("SUCCESS"))
                .andExpect(jsonPath("$.signIns[0].at").value(org.hamcrest.Matchers.matchesPattern(
                        "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}.*Z")))
                .andExpect(jsonPath("$.failures[0].clientAddress").value("10.20.0.3"))
                .andExpect(jsonPath("$.failures[0].outcome").value("FAILURE"))
                .andExpect(jsonPath("$.failures[*].outcome", not(hasItem("SUCCESS"))));
    }
}
