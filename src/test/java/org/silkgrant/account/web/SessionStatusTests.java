package org.silkgrant.account.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.silkgrant.SilkGrantTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /session/status}, which the editor asks after a save met a 401/403: anonymous callers learn only that
 * they are not signed in (no token, no session created for them); a signed-in session gets its user name and a CSRF
 * token that a page form post of that session accepts.
 */
@SilkGrantTest
class SessionStatusTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService users;

    @Test
    void anAnonymousCallerIsToldOnlyThatItIsNotSignedIn() throws Exception {
        MockHttpServletResponse response = mvc.perform(get("/session/status")).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getHeader("Cache-Control")).contains("no-store");
        JsonNode body = JSON.readTree(response.getContentAsString(StandardCharsets.UTF_8));
        assertThat(body.get("signedIn").asBoolean()).isFalse();
        assertThat(body.get("username").isNull()).isTrue();
        assertThat(body.get("csrfToken").isNull()).isTrue();
    }

    @Test
    void aSignedInSessionGetsItsNameAndATokenItsFormsAccept() throws Exception {
        MockHttpSession session = new MockHttpSession();
        var leader = users.loadUserByUsername("uni-leader");
        JsonNode body = JSON.readTree(mvc.perform(get("/session/status").session(session).with(user(leader)))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(body.get("signedIn").asBoolean()).isTrue();
        assertThat(body.get("username").asString()).isEqualTo("uni-leader");
        assertThat(body.get("csrfHeader").asString()).isEqualTo("X-CSRF-TOKEN");

        // The token is this session's: signing out (a page form post) refuses a post without it and takes this one.
        int withoutToken = mvc.perform(post("/logout").session(session).with(user(leader))).andReturn()
                .getResponse().getStatus();
        MockHttpServletResponse signedOut = mvc.perform(post("/logout").session(session).with(user(leader))
                .header(body.get("csrfHeader").asString(), body.get("csrfToken").asString())).andReturn().getResponse();
        assertThat(withoutToken).as("a page post without the token").isEqualTo(403);
        assertThat(signedOut.getStatus()).as("a page post with the token from /session/status").isEqualTo(302);
        assertThat(signedOut.getRedirectedUrl()).isEqualTo("/login?logout");
    }
}
