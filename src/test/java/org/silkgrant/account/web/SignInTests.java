package org.silkgrant.account.web;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.silkgrant.SilkGrantTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** Signing in with the demo accounts: form login on pages with CSRF, HTTP Basic on the API. */
@SilkGrantTest
class SignInTests {

    @Autowired
    MockMvc mvc;

    @Test
    void theLoginPageCarriesACsrfToken() throws Exception {
        mvc.perform(get("/login"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("name=\"_csrf\"")))
                .andExpect(content().string(containsString("用户名")));
    }

    @Test
    void aDemoAccountSignsInWithTheDemoPassword() throws Exception {
        mvc.perform(formLogin("/login").user("officer").password(SilkGrantTest.DEMO_PASSWORD))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/dashboard"));
    }

    @Test
    void aWrongPasswordIsRefused() throws Exception {
        mvc.perform(formLogin("/login").user("officer").password("not the password"))
                .andExpect(redirectedUrl("/login?error"));
    }

    @Test
    void aLoginPostWithoutCsrfTokenIsRefused() throws Exception {
        mvc.perform(post("/login").param("username", "officer").param("password", SilkGrantTest.DEMO_PASSWORD))
                .andExpect(status().isForbidden());
    }

    @Test
    void theApiTellsWhoIsCalling() throws Exception {
        mvc.perform(get("/api/v1/me").with(httpBasic("officer", SilkGrantTest.DEMO_PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.username").value("officer"))
                .andExpect(jsonPath("$.roles[0]").value("PROGRAM_OFFICER"));
        mvc.perform(get("/api/v1/me")).andExpect(status().isUnauthorized());
    }

    @Test
    void pagesThatNeedAnAccountSendThePersonToSignIn() throws Exception {
        mvc.perform(get("/some/private/page"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/login"));
    }
}
