package org.silkgrant.application.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.silkgrant.SilkGrantTest;
import org.silkgrant.account.Role;
import org.silkgrant.account.SilkGrantUser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The queue API answers exactly like the /queue page (issue 12, point 8): the roles that have a queue get it, every
 * other role gets 403 on both — never a 200 with an empty list that looks like "nothing to do".
 */
@SilkGrantTest
class QueueAuthorizationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService users;

    @ParameterizedTest(name = "{0}: page and API {1}")
    @CsvSource({
            "uni-admin, 200", "recommender, 200", "officer, 200",
            "uni-leader, 403", "ent-leader, 403", "expert, 403", "expert-ivanov, 403",
            "sysadmin, 403", "secadmin, 403", "auditadmin, 403"})
    void theApiAnswersAsThePageDoes(String username, int expected) throws Exception {
        MockHttpServletResponse page = mvc.perform(get("/queue").with(user(users.loadUserByUsername(username))))
                .andReturn().getResponse();
        MockHttpServletResponse api = mvc.perform(get("/api/v1/applications/queue")
                .with(user(users.loadUserByUsername(username))).header("Accept-Language", "en")).andReturn().getResponse();

        assertThat(page.getStatus()).as("/queue for %s", username).isEqualTo(expected);
        assertThat(api.getStatus()).as("the queue API for %s", username).isEqualTo(expected);
        String body = api.getContentAsString(StandardCharsets.UTF_8);
        if (expected == 403) {
            assertThat(body).contains("\"status\":403").contains("your role has no queue");
        } else {
            assertThat(body).startsWith("[");
        }
    }

    @Test
    void aForeignPartnerContactHasNoQueueEither() throws Exception {
        SilkGrantUser partner = new SilkGrantUser(null, "partner-contact", "", "Иван Петров", null,
                Set.of(Role.PARTNER_CONTACT), true, false, false);
        assertThat(mvc.perform(get("/api/v1/applications/queue").with(user(partner))).andReturn().getResponse()
                .getStatus()).isEqualTo(403);
        assertThat(mvc.perform(get("/queue").with(user(partner))).andReturn().getResponse().getStatus()).isEqualTo(403);
    }

    @Test
    void withoutSigningInTheApiAsksForCredentials() throws Exception {
        assertThat(mvc.perform(get("/api/v1/applications/queue")).andReturn().getResponse().getStatus()).isEqualTo(401);
    }
}
