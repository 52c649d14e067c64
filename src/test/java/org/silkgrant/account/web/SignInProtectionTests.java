package org.silkgrant.account.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.silkgrant.account.web.SignIns.from;
import static org.silkgrant.account.web.SignIns.loginForm;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Test;
import org.silkgrant.MutableClock;
import org.silkgrant.SilkGrantTest;
import org.silkgrant.account.AccountManagement;
import org.silkgrant.account.AccountView;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Guessing is stopped without letting anyone lock others out: five failures lock the account for the address they
 * came from (the correct password does not open it from there until the lock ends) while its owner signs in from
 * elsewhere; guessing spread over three addresses locks an account without a second factor for unknown addresses,
 * not for its owner's; an address is throttled after twenty failures; nothing tells a wrong name from a wrong
 * password or a lock. Time moves by the injected clock.
 */
@SilkGrantTest
@DirtiesContext
class SignInProtectionTests {

    /** Where the clock starts: an hour behind the system clock, so nothing can get this time from it by chance. */
    static final Instant START = Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);

    @TestConfiguration
    static class MovableTime {

        @Bean
        @Primary
        MutableClock mutableClock() {
            return new MutableClock(START);
        }
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    MutableClock clock;

    @Autowired
    AccountManagement accounts;

    @Test
    void theApplicationRunsOnTheInjectedClock() {
        assertThat(accounts.findByUsername("officer").map(AccountView::createdAt)).contains(START);
    }

    @Test
    void fiveWrongPasswordsLockTheAccountForThatAddressUntilTheLockEnds() throws Exception {
        for (int i = 1; i <= 5; i++) {
            mvc.perform(get("/api/v1/me").with(httpBasic("expert", "wrong password " + i)).with(from("10.1.0.1")))
                    .andExpect(status().isUnauthorized());
        }
        assertThat(accounts.findByUsername("expert").map(AccountView::locked)).as("the account itself").contains(false);

        // From the guessing address the correct password is refused, on the API and on the form.
        mvc.perform(get("/api/v1/me").with(httpBasic("expert", SilkGrantTest.DEMO_PASSWORD)).with(from("10.1.0.1")))
                .andExpect(status().isUnauthorized());
        mvc.perform(loginForm("expert", SilkGrantTest.DEMO_PASSWORD).with(from("10.1.0.1")))
                .andExpect(redirectedUrl("/login?error"))
                .andExpect(unauthenticated());
        // The owner, elsewhere, is not locked out.
        mvc.perform(loginForm("expert", SilkGrantTest.DEMO_PASSWORD).with(from("10.1.0.2")))
                .andExpect(redirectedUrl("/dashboard"))
                .andExpect(authenticated().withUsername("expert"));

        clock.advance(Duration.ofMinutes(29));
        mvc.perform(get("/api/v1/me").with(httpBasic("expert", SilkGrantTest.DEMO_PASSWORD)).with(from("10.1.0.1")))
                .andExpect(status().isUnauthorized());

        clock.advance(Duration.ofMinutes(2));
        mvc.perform(get("/api/v1/me").with(httpBasic("expert", SilkGrantTest.DEMO_PASSWORD)).with(from("10.1.0.1")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.username").value("expert"));
    }

    @Test
    void guessingFromThreeAddressesLocksTheAccountForUnknownAddressesButNotForItsOwner() throws Exception {
        // The owner signed in from 10.5.0.9 before.
        mvc.perform(loginForm("expert-liu", SilkGrantTest.DEMO_PASSWORD).with(from("10.5.0.9")))
                .andExpect(redirectedUrl("/dashboard"));
        for (String address : new String[] {"10.5.0.1", "10.5.0.2", "10.5.0.3"}) {
            for (int i = 1; i <= 5; i++) {
                mvc.perform(get("/api/v1/me").with(httpBasic("expert-liu", "Guess#" + i)).with(from(address)))
                        .andExpect(status().isUnauthorized());
            }
        }
        assertThat(accounts.findByUsername("expert-liu").map(AccountView::locked)).contains(true);

        mvc.perform(get("/api/v1/me").with(httpBasic("expert-liu", SilkGrantTest.DEMO_PASSWORD)).with(from("10.5.0.4")))
                .andExpect(status().isUnauthorized());
        mvc.perform(loginForm("expert-liu", SilkGrantTest.DEMO_PASSWORD).with(from("10.5.0.9")))
                .andExpect(redirectedUrl("/dashboard"))
                .andExpect(authenticated().withUsername("expert-liu"));

        clock.advance(Duration.ofMinutes(31));
        mvc.perform(get("/api/v1/me").with(httpBasic("expert-liu", SilkGrantTest.DEMO_PASSWORD)).with(from("10.5.0.4")))
                .andExpect(status().isOk());
    }

    @Test
    void aCorrectPasswordEndsTheCountOfItsAddress() throws Exception {
        for (int i = 1; i <= 4; i++) {
            mvc.perform(get("/api/v1/me").with(httpBasic("expert-zhao", "typo " + i)).with(from("10.6.0.1")))
                    .andExpect(status().isUnauthorized());
        }
        mvc.perform(get("/api/v1/me").with(httpBasic("expert-zhao", SilkGrantTest.DEMO_PASSWORD)).with(from("10.6.0.1")))
                .andExpect(status().isOk());
        for (int i = 1; i <= 4; i++) {
            mvc.perform(get("/api/v1/me").with(httpBasic("expert-zhao", "typo again " + i)).with(from("10.6.0.1")))
                    .andExpect(status().isUnauthorized());
        }
        mvc.perform(get("/api/v1/me").with(httpBasic("expert-zhao", SilkGrantTest.DEMO_PASSWORD)).with(from("10.6.0.1")))
                .andExpect(status().isOk());
    }

    @Test
    void theSecurityAdminUnlocksALockedAccountAtOnce() throws Exception {
        for (String address : new String[] {"10.2.0.1", "10.2.0.2", "10.2.0.3"}) {
            for (int i = 1; i <= 5; i++) {
                mvc.perform(loginForm("recommender", "wrong password " + i).with(from(address)))
                        .andExpect(redirectedUrl("/login?error"));
            }
        }
        AccountView recommender = accounts.findByUsername("recommender").orElseThrow();
        assertThat(recommender.locked()).isTrue();
        mvc.perform(get("/api/v1/staff/{id}", recommender.id()).with(httpBasic("secadmin", SilkGrantTest.DEMO_PASSWORD)))
                .andExpect(jsonPath("$.locked").value(true));

        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .post("/api/v1/users/{id}/unlock", recommender.id())
                        .with(httpBasic("secadmin", SilkGrantTest.DEMO_PASSWORD)))
                .andExpect(status().isNoContent());

        // Every lock ends: the account's and each address's.
        mvc.perform(loginForm("recommender", SilkGrantTest.DEMO_PASSWORD).with(from("10.2.0.1")))
                .andExpect(redirectedUrl("/dashboard"))
                .andExpect(authenticated().withUsername("recommender"));
    }

    @Test
    void anUnknownUserAWrongPasswordAndALockLookTheSame() throws Exception {
        MockHttpServletResponse unknown = mvc.perform(get("/api/v1/me").with(httpBasic("nobody-here", "whatever#1A"))
                .with(from("10.3.0.1"))).andExpect(status().isUnauthorized()).andReturn().getResponse();
        MockHttpServletResponse wrong = mvc.perform(get("/api/v1/me").with(httpBasic("auditadmin", "whatever#1A"))
                .with(from("10.3.0.1"))).andExpect(status().isUnauthorized()).andReturn().getResponse();
        assertThat(wrong.getContentAsString()).isEqualTo(unknown.getContentAsString());
        assertThat(wrong.getHeaderNames()).containsExactlyInAnyOrderElementsOf(unknown.getHeaderNames());
        for (int i = 1; i <= 5; i++) {
            mvc.perform(get("/api/v1/me").with(httpBasic("expert-sun", "Guess#" + i)).with(from("10.3.0.2")));
        }
        MockHttpServletResponse locked = mvc.perform(get("/api/v1/me").with(httpBasic("expert-sun",
                SilkGrantTest.DEMO_PASSWORD)).with(from("10.3.0.2"))).andExpect(status().isUnauthorized())
                .andReturn().getResponse();
        assertThat(locked.getContentAsString()).isEqualTo(unknown.getContentAsString());
        assertThat(locked.getHeaderNames()).containsExactlyInAnyOrderElementsOf(unknown.getHeaderNames());

        mvc.perform(loginForm("nobody-here", "whatever#1A").with(from("10.3.0.1")))
                .andExpect(redirectedUrl("/login?error"));
        mvc.perform(loginForm("auditadmin", "whatever#1A").with(from("10.3.0.1")))
                .andExpect(redirectedUrl("/login?error"));
    }

    @Test
    void anAddressWithTwentyFailuresIsThrottledForAWhile() throws Exception {
        for (int i = 1; i <= 20; i++) {
            mvc.perform(get("/api/v1/me").with(httpBasic("guess-" + i, "Guess#" + i)).with(from("10.9.8.7")))
                    .andExpect(status().isUnauthorized());
        }

        mvc.perform(get("/api/v1/me").with(httpBasic("auditadmin", SilkGrantTest.DEMO_PASSWORD)).with(from("10.9.8.7")))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().exists("Retry-After"));
        mvc.perform(loginForm("auditadmin", SilkGrantTest.DEMO_PASSWORD).with(from("10.9.8.7")))
                .andExpect(redirectedUrl("/login?throttled"))
                .andExpect(unauthenticated());
        mvc.perform(get("/login").param("throttled", ""))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("登录失败次数过多")));

        // Another address is not affected, and the throttle ends with its window.
        mvc.perform(get("/api/v1/me").with(httpBasic("auditadmin", SilkGrantTest.DEMO_PASSWORD)).with(from("10.9.8.8")))
                .andExpect(status().isOk());
        clock.advance(Duration.ofMinutes(11));
        mvc.perform(get("/api/v1/me").with(httpBasic("auditadmin", SilkGrantTest.DEMO_PASSWORD)).with(from("10.9.8.7")))
                .andExpect(status().isOk());
    }

    @Test
    void theSessionIdChangesAtSignIn() throws Exception {
        MockHttpSession session = new MockHttpSession();
        mvc.perform(get("/login").session(session)).andExpect(status().isOk());
        String before = session.getId();

        mvc.perform(loginForm("sysadmin", SilkGrantTest.DEMO_PASSWORD).session(session).with(from("10.4.0.1")))
                .andExpect(redirectedUrl("/dashboard"))
                .andExpect(authenticated().withUsername("sysadmin"));

        assertThat(session.getId()).isNotEqualTo(before);
    }
}
