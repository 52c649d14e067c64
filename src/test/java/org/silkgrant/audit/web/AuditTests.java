package org.silkgrant.audit.web;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.silkgrant.SilkGrantTest;
import org.silkgrant.audit.AuditLog;
import org.silkgrant.shared.Audited;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/** The audit record is read by the audit admin alone, on the API and on its page, newest first and in pages. */
@SilkGrantTest
class AuditTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    AuditLog log;

    /** A test event, as any module would publish one. */
    record TestEvent(String action, String detail) implements Audited {

        @Override
        public String actor() {
            return "tester";
        }

        @Override
        public String targetType() {
            return "TEST";
        }

        @Override
        public String targetId() {
            return "1";
        }

        @Override
        public String clientAddress() {
            return "10.0.0.1";
        }

        @Override
        public String outcome() {
            return "SUCCESS";
        }
    }

    private MockHttpSession signIn(String username) throws Exception {
        return (MockHttpSession) mvc.perform(post("/login").param("username", username)
                        .param("password", SilkGrantTest.DEMO_PASSWORD).with(csrf()))
                .andExpect(redirectedUrl("/dashboard"))
                .andReturn().getRequest().getSession(false);
    }

    @Test
    void aFailedSignInIsInTheRecordForTheAuditAdmin() throws Exception {
        mvc.perform(get("/api/v1/me").with(httpBasic("ghost.user", "Not#The1Password")).with(request -> {
            request.setRemoteAddr("10.11.12.13");
            return request;
        })).andExpect(status().isUnauthorized());

        mvc.perform(get("/api/v1/audit-events").param("q", "LOGIN_FAILED")
                        .with(httpBasic("auditadmin", SilkGrantTest.DEMO_PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.page").value(0))
                .andExpect(jsonPath("$.size").value(50))
                .andExpect(jsonPath("$.totalElements", greaterThan(0)))
                .andExpect(jsonPath("$.content[0].action").value("LOGIN_FAILED"))
                .andExpect(jsonPath("$.content[0].actor").value("anonymous"))
                .andExpect(jsonPath("$.content[0].targetType").value("USER"))
                .andExpect(jsonPath("$.content[0].targetId").value("ghost.user"))
                .andExpect(jsonPath("$.content[0].clientAddress").value("10.11.12.13"))
                .andExpect(jsonPath("$.content[0].outcome").value("FAILURE"))
                .andExpect(jsonPath("$.content[0].at").value(matchesPattern("\\d{4}-\\d{2}-\\d{2}T.*Z")))
                .andExpect(content().string(not(containsString("Not#The1Password"))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"sysadmin", "secadmin", "officer", "expert"})
    void nobodyElseReadsTheRecordNotEvenTheOtherAdmins(String username) throws Exception {
        mvc.perform(get("/api/v1/audit-events").with(httpBasic(username, SilkGrantTest.DEMO_PASSWORD)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/audit").session(signIn(username))).andExpect(status().isForbidden());
    }

    @Test
    void anonymousCallersAreUnauthenticated() throws Exception {
        mvc.perform(get("/api/v1/audit-events")).andExpect(status().isUnauthorized());
        mvc.perform(get("/audit")).andExpect(redirectedUrl("/login"));
    }

    @Test
    void theRecordComesNewestFirstInPages() throws Exception {
        for (int i = 1; i <= 60; i++) {
            log.record(new TestEvent("TEST_PAGING", "event " + i));
        }
        mvc.perform(get("/api/v1/audit-events").param("q", "test_paging").param("size", "25").param("page", "2")
                        .with(httpBasic("auditadmin", SilkGrantTest.DEMO_PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.page").value(2))
                .andExpect(jsonPath("$.size").value(25))
                .andExpect(jsonPath("$.totalElements").value(60))
                .andExpect(jsonPath("$.content", hasSize(10)))
                .andExpect(jsonPath("$.content[0].detail").value("event 10"))
                .andExpect(jsonPath("$.content[9].detail").value("event 1"));

        MockHttpSession session = signIn("auditadmin");
        mvc.perform(get("/audit").param("q", "TEST_PAGING").session(session))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("event 60"), containsString("event 11"),
                        not(containsString("event 10<")), containsString("id=\"next-page\""),
                        containsString("href=\"/audit?q=TEST_PAGING&amp;page=1\""),
                        not(containsString("id=\"previous-page\"")), containsString("value=\"TEST_PAGING\""))));
        mvc.perform(get("/audit").param("q", "TEST_PAGING").param("page", "1").session(session))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("event 10<"), containsString("event 1<"),
                        not(containsString("event 11<")), containsString("id=\"previous-page\""),
                        not(containsString("id=\"next-page\"")))));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "zh-CN | 审计日志 | 操作人 | 成功",
            "en    | Audit log | Actor | Success",
            "ru    | Журнал аудита | Пользователь | Успешно"})
    void theAuditPageSpeaksThreeLanguages(String tag, String title, String actor, String success) throws Exception {
        MockHttpSession session = signIn("auditadmin");
        mvc.perform(get("/audit").session(session).cookie(new Cookie("silkgrant-lang", tag)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString(title), containsString(actor), containsString(success),
                        containsString("data-action=\"LOGIN\""),
                        matchesPattern("(?s).*<time [^>]*>\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}</time>.*"),
                        not(containsString("??")))));
    }
}
