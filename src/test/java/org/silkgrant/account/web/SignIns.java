package org.silkgrant.account.web;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import org.silkgrant.SilkGrantTest;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Signing in through the real login form, as a browser does, for page tests. */
final class SignIns {

    private SignIns() {
    }

    /** The session of a person who signed in with the demo password on the login form. */
    static MockHttpSession signIn(MockMvc mvc, String username) throws Exception {
        return (MockHttpSession) mvc.perform(loginForm(username, SilkGrantTest.DEMO_PASSWORD))
                .andExpect(redirectedUrl("/dashboard"))
                .andReturn().getRequest().getSession(false);
    }

    /** The post of the login form, with its CSRF token. */
    static MockHttpServletRequestBuilder loginForm(String username, String password) {
        return post("/login").param("username", username).param("password", password).with(csrf());
    }

    /** A request from another client address than MockMvc's default 127.0.0.1. */
    static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }
}
