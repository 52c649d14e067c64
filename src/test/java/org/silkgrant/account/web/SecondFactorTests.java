package org.silkgrant.account.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.silkgrant.account.web.SignIns.from;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.silkgrant.SilkGrantTest;
import org.silkgrant.account.AccountManagement;
import org.silkgrant.account.AccountView;
import org.silkgrant.account.LoginRecord;
import org.silkgrant.account.NewAccount;
import org.silkgrant.account.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import dev.samstevens.totp.code.DefaultCodeGenerator;

/**
 * With the staff second factor on: officers and admins enrol an authenticator on first sign-in and type its code
 * at every sign-in before any page opens; the API refuses them HTTP Basic; other staff are not asked.
 */
@SpringBootTest(properties = "silkgrant.security.require-staff-mfa=true")
@AutoConfigureMockMvc
@ActiveProfiles("test")
@DirtiesContext
class SecondFactorTests {

    private static final Pattern SECRET = Pattern.compile("id=\"mfa-secret\">([A-Z2-7]+)<");

    @Autowired
    MockMvc mvc;

    @Autowired
    AccountManagement accounts;

    private static String secretOn(String page) {
        Matcher m = SECRET.matcher(page);
        assertThat(m.find()).as("the page shows the secret for manual entry").isTrue();
        return m.group(1);
    }

    private static String code(String secret, long epochSeconds) throws Exception {
        return new DefaultCodeGenerator().generate(secret, Math.floorDiv(epochSeconds, 30));
    }

    /** A six-digit code that is wrong now and in the neighbouring periods the server accepts. */
    private static String wrongCode(String secret) throws Exception {
        long now = Instant.now().getEpochSecond();
        Set<String> valid = new HashSet<>();
        for (long t = now - 60; t <= now + 60; t += 30) {
            valid.add(code(secret, t));
        }
        return valid.contains("000000") ? "111111" : "000000";
    }

    private String enrolmentPage(MockHttpSession session) throws Exception {
        return mvc.perform(get("/mfa").session(session))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }

    @Test
    void anOfficerEnrolsWithTheQrCodeAndThenReachesTheDashboard() throws Exception {
        MockHttpSession session = SignIns.signIn(mvc, "officer");

        mvc.perform(get("/dashboard").session(session)).andExpect(redirectedUrl("/mfa"));
        mvc.perform(get("/account").session(session)).andExpect(redirectedUrl("/mfa"));

        String page = enrolmentPage(session);
        assertThat(page).contains("<img").contains("src=\"data:image/png;base64,").contains("身份验证器");
        String secret = secretOn(page);

        String before = session.getId();
        String firstCode = code(secret, Instant.now().getEpochSecond());
        mvc.perform(post("/mfa").session(session).with(csrf()).param("code", firstCode))
                .andExpect(redirectedUrl("/dashboard"));
        assertThat(session.getId()).as("a new session id once the second factor is passed").isNotEqualTo(before);

        mvc.perform(get("/dashboard").session(session)).andExpect(status().isOk());
        mvc.perform(get("/account").session(session)).andExpect(status().isOk());
        mvc.perform(get("/mfa").session(session)).andExpect(redirectedUrl("/dashboard"));

        // The next sign-in asks for a code only: the authenticator is already enrolled.
        MockHttpSession next = SignIns.signIn(mvc, "officer");
        mvc.perform(get("/mfa").session(next))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(not(containsString("<img")), not(containsString("mfa-secret")),
                        containsString("name=\"code\""))));
        // The code used at the first sign-in is refused a second time (no replay); a later step's code is accepted.
        mvc.perform(post("/mfa").session(next).with(csrf()).param("code", firstCode))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("动态验证码不正确")));
        mvc.perform(post("/mfa").session(next).with(csrf()).param("code", code(secret, Instant.now().getEpochSecond() + 30)))
                .andExpect(redirectedUrl("/dashboard"));
        mvc.perform(get("/dashboard").session(next)).andExpect(status().isOk());
    }

    @Test
    void aWrongCodeIsRefusedAndCounted() throws Exception {
        MockHttpSession session = SignIns.signIn(mvc, "sysadmin");
        String secret = secretOn(enrolmentPage(session));

        mvc.perform(post("/mfa").session(session).with(csrf()).param("code", wrongCode(secret)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("动态验证码不正确"), containsString("is-invalid"))));
        mvc.perform(get("/dashboard").session(session)).andExpect(redirectedUrl("/mfa"));

        AccountView sysadmin = accounts.findByUsername("sysadmin").orElseThrow();
        assertThat(sysadmin.locked()).isFalse();
        assertThat(accounts.recentFailures(sysadmin.id())).extracting(LoginRecord::outcome)
                .contains("SECOND_FACTOR_FAILURE");
    }

    @Test
    void fiveWrongCodesLockTheAccountAndEndTheSession() throws Exception {
        accounts.create(new NewAccount("mfa.guesser", SilkGrantTest.DEMO_PASSWORD, "被猜测的账号", null, null, null,
                Set.of(Role.PROGRAM_OFFICER), null), "test", null);
        MockHttpSession session = SignIns.signIn(mvc, "mfa.guesser");
        String secret = secretOn(enrolmentPage(session));

        for (int i = 1; i < 5; i++) {
            mvc.perform(post("/mfa").session(session).with(csrf()).with(from("10.5.0.1")).param("code", wrongCode(secret)))
                    .andExpect(status().isOk());
        }
        mvc.perform(post("/mfa").session(session).with(csrf()).with(from("10.5.0.1")).param("code", wrongCode(secret)))
                .andExpect(redirectedUrl("/login?error"));

        assertThat(accounts.findByUsername("mfa.guesser").map(AccountView::locked)).contains(true);
        assertThat(session.isInvalid()).isTrue();
        mvc.perform(SignIns.loginForm("mfa.guesser", SilkGrantTest.DEMO_PASSWORD)).andExpect(redirectedUrl("/login?error"));
    }

    @Test
    void signingInAgainDoesNotStartTheCountOfWrongCodesAfresh() throws Exception {
        accounts.create(new NewAccount("mfa.patient", SilkGrantTest.DEMO_PASSWORD, "换会话猜测的账号", null, null, null,
                Set.of(Role.PROGRAM_OFFICER), null), "test", null);
        MockHttpSession first = SignIns.signIn(mvc, "mfa.patient");
        String secret = secretOn(enrolmentPage(first));
        for (int i = 1; i < 5; i++) {
            mvc.perform(post("/mfa").session(first).with(csrf()).param("code", wrongCode(secret))).andExpect(status().isOk());
        }
        // A correct password in a fresh session, then one more wrong code: the fifth in a row locks.
        MockHttpSession second = SignIns.signIn(mvc, "mfa.patient");
        mvc.perform(post("/mfa").session(second).with(csrf()).param("code", wrongCode(secret)))
                .andExpect(redirectedUrl("/login?error"));
        assertThat(accounts.findByUsername("mfa.patient").map(AccountView::locked)).contains(true);
    }

    /** Staff with a second factor cannot be locked out from outside, however many passwords are tried. */
    @Test
    void anOutsiderGuessingTheOfficersPasswordLocksOutOnlyThemselves() throws Exception {
        // One address: 20 failures, then it is throttled, whatever it sends.
        for (int i = 1; i <= 20; i++) {
            mvc.perform(get("/api/v1/me").with(httpBasic("officer", "Guess#" + i)).with(from("10.66.0.1")))
                    .andExpect(status().isUnauthorized());
        }
        for (int i = 21; i <= 30; i++) {
            mvc.perform(get("/api/v1/me").with(httpBasic("officer", "Guess#" + i)).with(from("10.66.0.1")))
                    .andExpect(status().isTooManyRequests());
        }
        mvc.perform(SignIns.loginForm("officer", SilkGrantTest.DEMO_PASSWORD).with(from("10.66.0.1")))
                .andExpect(redirectedUrl("/login?throttled"));
        // Spread over five more addresses: each is locked out of the account, the account is not locked.
        for (int a = 2; a <= 6; a++) {
            for (int i = 1; i <= 6; i++) {
                mvc.perform(SignIns.loginForm("officer", "Guess#" + i).with(from("10.66.0." + a)))
                        .andExpect(redirectedUrl("/login?error"));
            }
        }
        mvc.perform(SignIns.loginForm("officer", SilkGrantTest.DEMO_PASSWORD).with(from("10.66.0.2")))
                .andExpect(redirectedUrl("/login?error"));
        assertThat(accounts.findByUsername("officer").map(AccountView::locked)).contains(false);

        // The officer, from their own desk, signs in and is asked for the second factor.
        MockHttpSession session = (MockHttpSession) mvc.perform(SignIns.loginForm("officer", SilkGrantTest.DEMO_PASSWORD)
                        .with(from("10.67.0.1")))
                .andExpect(redirectedUrl("/dashboard"))
                .andReturn().getRequest().getSession(false);
        mvc.perform(get("/dashboard").session(session)).andExpect(redirectedUrl("/mfa"));
    }

    @Test
    void httpBasicIsRefusedToAccountsWithASecondFactor() throws Exception {
        mvc.perform(get("/api/v1/me").with(httpBasic("officer", SilkGrantTest.DEMO_PASSWORD)))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/me").with(httpBasic("expert", SilkGrantTest.DEMO_PASSWORD)))
                .andExpect(status().isOk());
    }

    @Test
    void staffWithoutASecondFactorRoleAreNotAsked() throws Exception {
        MockHttpSession session = SignIns.signIn(mvc, "expert");
        mvc.perform(get("/dashboard").session(session)).andExpect(status().isOk());
        mvc.perform(get("/account").session(session)).andExpect(status().isOk());
        mvc.perform(get("/mfa").session(session)).andExpect(redirectedUrl("/dashboard"));
    }

    @Test
    void theSecurityAdminSeesTheSecondFactorRequiredInTheSettings() throws Exception {
        MockHttpSession session = SignIns.signIn(mvc, "secadmin");
        String secret = secretOn(enrolmentPage(session));
        mvc.perform(post("/mfa").session(session).with(csrf()).param("code", code(secret, Instant.now().getEpochSecond())))
                .andExpect(redirectedUrl("/dashboard"));

        mvc.perform(get("/admin/security").session(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("项目管理员和三类管理员必须使用")));
    }

    @ParameterizedTest
    @CsvSource({"zh-CN, 绑定身份验证器", "en, Set up your authenticator", "ru, Сначала подключите аутентификатор"})
    void theSecondFactorPageSpeaksThreeLanguages(String language, String text) throws Exception {
        MockHttpSession session = SignIns.signIn(mvc, "auditadmin");
        mvc.perform(get("/mfa").session(session).cookie(new Cookie("silkgrant-lang", language)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString(text), not(containsString("??")))));
    }
}
