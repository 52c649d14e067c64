package org.silkgrant.account.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.silkgrant.account.web.SignIns.from;
import static org.silkgrant.account.web.SignIns.signIn;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.silkgrant.SilkGrantTest;
import org.silkgrant.account.AccountManagement;
import org.silkgrant.account.AccountView;
import org.silkgrant.account.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The account pages: the sign-in page's messages, one's own account with sign-in history and password change, the
 * system admin's staff page, the security admin's roles and settings page; each in three languages.
 */
@SilkGrantTest
@DirtiesContext
class AccountPagesTests {

    private static final String TIME = "(?s).*\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}.*";

    @Autowired
    MockMvc mvc;

    @Autowired
    AccountManagement accounts;

    private static Cookie language(String tag) {
        return new Cookie("silkgrant-lang", tag);
    }

    private Long idOf(String username) {
        return accounts.findByUsername(username).map(AccountView::id).orElseThrow();
    }

    @Test
    void theLoginPageExplainsFailuresThrottlingAndLinksToRegistration() throws Exception {
        mvc.perform(get("/login"))
                .andExpect(content().string(allOf(containsString("href=\"/register\""), containsString("注册申报单位"),
                        not(containsString("id=\"login-error\"")))));
        mvc.perform(get("/login").param("error", ""))
                .andExpect(content().string(containsString("用户名或密码不正确，或账号因多次登录失败已被暂时锁定。")));
        mvc.perform(get("/login").param("throttled", "").cookie(language("en")))
                .andExpect(content().string(containsString("Too many failed sign-ins from your network address.")));
        mvc.perform(get("/login").param("logout", "").cookie(language("ru")))
                .andExpect(content().string(allOf(containsString("Зарегистрировать организацию"), not(containsString("??")))));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "zh-CN | 我的账号 | 系统管理员 | 修改密码 | 最近 10 次登录",
            "en    | My account | System administrator | Change password | Last 10 sign-ins",
            "ru    | Моя учётная запись | Администратор системы | Сменить пароль | Последние 10 входов"})
    void theAccountPageShowsWhoOneIsInThreeLanguages(String tag, String title, String role, String change,
            String signIns) throws Exception {
        MockHttpSession session = signIn(mvc, "sysadmin");
        mvc.perform(get("/account").session(session).cookie(language(tag)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString(title), containsString(role), containsString(change),
                        containsString(signIns), containsString("系统管理员"), containsString("sysadmin"),
                        containsString("name=\"_csrf\""), not(containsString("??")))));
    }

    @Test
    void theAccountPageListsSignInsThePreviousOneAndFailedAttempts() throws Exception {
        signIn(mvc, "auditadmin");
        mvc.perform(SignIns.loginForm("auditadmin", "not the password").with(from("10.6.0.9")))
                .andExpect(redirectedUrl("/login?error"));
        MockHttpSession session = (MockHttpSession) mvc.perform(SignIns.loginForm("auditadmin",
                        SilkGrantTest.DEMO_PASSWORD).with(from("10.6.0.1")))
                .andExpect(redirectedUrl("/dashboard")).andReturn().getRequest().getSession(false);

        String html = mvc.perform(get("/account").session(session))
                .andExpect(status().isOk())
                .andExpect(content().string(matchesPattern(TIME)))
                .andReturn().getResponse().getContentAsString();
        String previous = html.substring(html.indexOf("id=\"previous-sign-in\""));
        assertThat(previous.substring(0, previous.indexOf("</dd>"))).contains("127.0.0.1").doesNotContain("10.6.0.1");
        String failures = html.substring(html.indexOf("id=\"failures\""));
        assertThat(failures).contains("10.6.0.9").contains("data-outcome=\"FAILURE\"").contains("密码错误或用户名不存在");
    }

    @Test
    void changingThePasswordOnThePage() throws Exception {
        MockHttpSession session = signIn(mvc, "recommender");

        mvc.perform(post("/account/password").session(session).with(csrf())
                        .param("currentPassword", SilkGrantTest.DEMO_PASSWORD)
                        .param("newPassword", "Kunlun#Peak2026").param("repeatPassword", "Kunlun#Peak2027"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("两次输入的新密码不一致。"),
                        containsString("id=\"repeatPassword-errors\""), containsString("is-invalid"),
                        not(containsString("Kunlun#Peak2026")))));

        mvc.perform(post("/account/password").session(session).with(csrf())
                        .param("currentPassword", "wrong").param("newPassword", "Kunlun#Peak2026")
                        .param("repeatPassword", "Kunlun#Peak2026"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("当前密码不正确。"),
                        containsString("id=\"currentPassword-errors\""))));

        mvc.perform(post("/account/password").session(session).with(csrf())
                        .param("currentPassword", SilkGrantTest.DEMO_PASSWORD).param("newPassword", "abc")
                        .param("repeatPassword", "abc").cookie(language("en")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("The password must have at least 8 characters."),
                        containsString("id=\"newPassword-errors\""))));

        mvc.perform(post("/account/password").session(session).with(csrf())
                        .param("currentPassword", SilkGrantTest.DEMO_PASSWORD)
                        .param("newPassword", "Kunlun#Peak2026").param("repeatPassword", "Kunlun#Peak2026"))
                .andExpect(redirectedUrl("/account"))
                .andExpect(flash().attribute("notice", "密码已修改，下次登录请使用新密码。"));

        mvc.perform(get("/api/v1/me").with(httpBasic("recommender", "Kunlun#Peak2026"))).andExpect(status().isOk());
    }

    @Test
    void aPasswordChangeNeedsTheCsrfToken() throws Exception {
        MockHttpSession session = signIn(mvc, "expert");
        mvc.perform(post("/account/password").session(session)
                        .param("currentPassword", SilkGrantTest.DEMO_PASSWORD)
                        .param("newPassword", "Kunlun#Peak2026").param("repeatPassword", "Kunlun#Peak2026"))
                .andExpect(status().isForbidden());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "zh-CN | 工作人员账号 | 新建工作人员账号 | 审计管理员",
            "en    | Staff accounts | New staff account | Audit administrator",
            "ru    | Учётные записи сотрудников | Новая учётная запись сотрудника | Администратор аудита"})
    void theStaffPageListsTheOfficeInThreeLanguages(String tag, String title, String create, String role)
            throws Exception {
        MockHttpSession session = signIn(mvc, "sysadmin");
        mvc.perform(get("/admin/staff").session(session).cookie(language(tag)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString(title), containsString(create), containsString(role),
                        containsString("data-username=\"officer\""), containsString("value=\"SECURITY_ADMIN\""),
                        not(containsString("value=\"APPLICANT\"")), not(containsString("??")))));
    }

    @Test
    void theSystemAdminCreatesStaffOnThePage() throws Exception {
        MockHttpSession session = signIn(mvc, "sysadmin");

        mvc.perform(post("/admin/staff").session(session).with(csrf())
                        .param("username", "page.expert").param("fullName", "评审专家 赵教授")
                        .param("email", "zhao@example.org").param("phone", "").param("password", "weak")
                        .param("role", ""))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("id=\"password-errors\""),
                        containsString("id=\"roles-errors\""), containsString("请至少选择一个角色。"),
                        containsString("value=\"page.expert\""), containsString("评审专家 赵教授"),
                        not(containsString("value=\"weak\"")))));

        mvc.perform(post("/admin/staff").session(session).with(csrf())
                        .param("username", "page.expert").param("fullName", "评审专家 赵教授")
                        .param("email", "zhao@example.org").param("phone", "").param("password", "Gobi-Desert#77")
                        .param("role", "EXPERT"))
                .andExpect(redirectedUrl("/admin/staff"))
                .andExpect(flash().attribute("notice", containsString("page.expert")));

        assertThat(accounts.findByUsername("page.expert")).hasValueSatisfying(a -> {
            assertThat(a.roles()).containsExactly(Role.EXPERT);
            assertThat(a.organizationId()).isNull();
        });
        mvc.perform(get("/api/v1/me").with(httpBasic("page.expert", "Gobi-Desert#77"))).andExpect(status().isOk());
    }

    @Test
    void adminPagesAreForTheirOwnAdminOnly() throws Exception {
        MockHttpSession secadmin = signIn(mvc, "secadmin");
        MockHttpSession sysadmin = signIn(mvc, "sysadmin");
        MockHttpSession officer = signIn(mvc, "officer");

        mvc.perform(get("/admin/staff").session(secadmin)).andExpect(status().isForbidden());
        mvc.perform(get("/admin/staff").session(officer)).andExpect(status().isForbidden());
        mvc.perform(post("/admin/staff").session(secadmin).with(csrf()).param("username", "x"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/admin/security").session(sysadmin)).andExpect(status().isForbidden());
        mvc.perform(post("/admin/security/users/{id}/roles", idOf("officer")).session(sysadmin).with(csrf())
                .param("roles", "EXPERT")).andExpect(status().isForbidden());
        mvc.perform(get("/admin/staff")).andExpect(redirectedUrl("/login"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "zh-CN | 安全管理 | 安全设置 | 30 分钟 | 连续失败 5 次",
            "en    | Security | Security settings | 30 minutes | 5 failures in a row",
            "ru    | Безопасность | Настройки безопасности | 30 мин. | 5 неудачных попыток подряд"})
    void theSecurityPageShowsRolesAndSettingsInThreeLanguages(String tag, String title, String settings,
            String minutes, String failures) throws Exception {
        MockHttpSession session = signIn(mvc, "secadmin");
        mvc.perform(get("/admin/security").session(session).cookie(language(tag)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString(title), containsString(settings),
                        containsString(minutes), containsString(failures), containsString("data-username=\"expert\""),
                        not(containsString("??")))));
    }

    @Test
    void theSecurityAdminSavesRolesAndSeesRefusalsAsAnAlert() throws Exception {
        MockHttpSession session = signIn(mvc, "secadmin");
        Long officer = idOf("officer");

        mvc.perform(post("/admin/security/users/{id}/roles", officer).session(session).with(csrf())
                        .param("roles", "SYSTEM_ADMIN", "AUDIT_ADMIN"))
                .andExpect(redirectedUrl("/admin/security"))
                .andExpect(flash().attribute("alert", allOf(containsString("officer"),
                        containsString("“系统管理员”和“审计管理员”不能由同一账号担任"))));
        assertThat(accounts.find(officer).orElseThrow().roles()).containsExactly(Role.PROGRAM_OFFICER);
        mvc.perform(get("/admin/security").session(session))
                .andExpect(content().string(allOf(containsString("id=\"alert\""), containsString("职责分离"))));

        // The office and the experts are kept apart as well, named in words.
        mvc.perform(post("/admin/security/users/{id}/roles", officer).session(session).with(csrf())
                        .param("roles", "PROGRAM_OFFICER", "EXPERT"))
                .andExpect(redirectedUrl("/admin/security"))
                .andExpect(flash().attribute("alert", allOf(containsString("“国际合作处项目管理员”和“评审专家”"),
                        not(containsString("PROGRAM_OFFICER")))));
        assertThat(accounts.find(officer).orElseThrow().roles()).containsExactly(Role.PROGRAM_OFFICER);
        mvc.perform(get("/admin/security").session(session))
                .andExpect(content().string(containsString("“国际合作处项目管理员”和“评审专家”不能由同一账号担任")));

        Long expert = idOf("expert-wu");
        mvc.perform(post("/admin/security/users/{id}/roles", expert).session(session).with(csrf())
                        .param("roles", "RECOMMENDER"))
                .andExpect(redirectedUrl("/admin/security"))
                .andExpect(flash().attribute("notice", containsString("expert-wu")));
        assertThat(accounts.find(expert).orElseThrow().roles()).containsExactly(Role.RECOMMENDER);
        mvc.perform(get("/admin/security").session(session))
                .andExpect(content().string(allOf(containsString("id=\"notice\""),
                        matchesPattern("(?s).*<input [^>]*id=\"roles-" + expert + "-RECOMMENDER\"[^>]*checked[^>]*>.*"),
                        matchesPattern("(?s).*<input [^>]*id=\"roles-" + expert + "-EXPERT\"(?![^>]*checked)[^>]*>.*"))));

        mvc.perform(post("/admin/security/users/{id}/roles", idOf("secadmin")).session(session).with(csrf())
                        .param("roles", "SECURITY_ADMIN", "EXPERT"))
                .andExpect(flash().attribute("alert", containsString("不能修改自己的角色")));
        assertThat(accounts.findByUsername("secadmin").orElseThrow().roles()).containsExactly(Role.SECURITY_ADMIN);
    }

    @Test
    void theSecurityAdminUnlocksOnThePage() throws Exception {
        // Guessing from three addresses locks the account (for addresses its owner has not used).
        for (String address : new String[] {"10.7.0.1", "10.7.0.2", "10.7.0.3"}) {
            for (int i = 1; i <= 5; i++) {
                mvc.perform(SignIns.loginForm("expert", "wrong " + i).with(from(address)));
            }
        }
        MockHttpSession session = signIn(mvc, "secadmin");
        mvc.perform(get("/admin/security").session(session))
                .andExpect(content().string(containsString("/admin/security/users/" + idOf("expert") + "/unlock")));

        mvc.perform(post("/admin/security/users/{id}/unlock", idOf("expert")).session(session).with(csrf()))
                .andExpect(redirectedUrl("/admin/security"))
                .andExpect(flash().attribute("notice", containsString("expert")));
        signIn(mvc, "expert");
    }

    @Test
    void onlyStaffAccountsAreReachableOnTheSecurityPage() throws Exception {
        MockHttpSession session = signIn(mvc, "secadmin");
        mvc.perform(post("/admin/security/users/{id}/roles", 987654L).session(session).with(csrf())
                .param("roles", "EXPERT")).andExpect(status().isNotFound());
        mvc.perform(post("/admin/security/users/{id}/unlock", 987654L).session(session).with(csrf()))
                .andExpect(status().isNotFound());
        accounts.findByUsername("uni-admin").filter(a -> a.organizationId() != null).ifPresent(member -> {
            try {
                mvc.perform(post("/admin/security/users/{id}/unlock", member.id()).session(session).with(csrf()))
                        .andExpect(status().isNotFound());
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
    }

    @Test
    void thesePagesCarryNoInlineScript() throws Exception {
        MockHttpSession sysadmin = signIn(mvc, "sysadmin");
        MockHttpSession secadmin = signIn(mvc, "secadmin");
        for (var page : new Object[][] {{"/account", sysadmin}, {"/admin/staff", sysadmin}, {"/admin/security", secadmin}}) {
            String html = mvc.perform(get((String) page[0]).session((MockHttpSession) page[1]))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            assertThat(html).as((String) page[0])
                    .doesNotContainPattern("<script(?![^>]*\\bsrc=)[^>]*>")
                    .doesNotContainPattern("\\son[a-z]+=\"");
        }
    }
}
