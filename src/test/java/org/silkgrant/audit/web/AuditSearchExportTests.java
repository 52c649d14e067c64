package org.silkgrant.audit.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.silkgrant.SilkGrantTest;
import org.silkgrant.audit.AuditFilter;
import org.silkgrant.audit.AuditLog;
import org.silkgrant.shared.Audited;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.servlet.FlashMap;

/**
 * The audit admin filters the record by actor, action, object, outcome and days in Beijing time, exports what the
 * filter matches as CSV that Excel reads safely, and verifies the hash chain, on the page and on the API; every
 * other role is refused.
 */
@SilkGrantTest
class AuditSearchExportTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    AuditLog log;

    /** An event with every field chosen by the test. */
    record Event(String actor, String action, String targetType, String targetId, String outcome, String detail)
            implements Audited {

        @Override
        public String clientAddress() {
            return "10.8.0.1";
        }

        @Override
        public String role() {
            return "ORG_ADMIN";
        }
    }

    private static String action() {
        return "TEST_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    private MockHttpSession signIn(String username) throws Exception {
        return (MockHttpSession) mvc.perform(post("/login").param("username", username)
                        .param("password", SilkGrantTest.DEMO_PASSWORD).with(csrf()))
                .andExpect(redirectedUrl("/dashboard"))
                .andReturn().getRequest().getSession(false);
    }

    @Test
    void theAdminFiltersByActorObjectOutcomeAndDays() throws Exception {
        String action = action();
        log.record(new Event("alice", action, "APPLICATION", "7", "SUCCESS", "a"));
        log.record(new Event("bob", action, "APPLICATION", "8", "FAILURE", "b"));
        log.record(new Event("alice", action, "ORGANIZATION", "7", "FAILURE", "c"));

        mvc.perform(get("/api/v1/audit-events").param("action", action.toLowerCase()).param("actor", "ALICE")
                        .with(httpBasic("auditadmin", SilkGrantTest.DEMO_PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totalElements").value(2))
                .andExpect(jsonPath("$.content[0].detail").value("c"))
                .andExpect(jsonPath("$.content[0].role").value("ORG_ADMIN"))
                .andExpect(jsonPath("$.content[0].seq", greaterThan(0)))
                .andExpect(jsonPath("$.content[0].hash", matchesPattern("[0-9a-f]{64}")));
        mvc.perform(get("/api/v1/audit-events").param("action", action).param("targetType", "application")
                        .param("targetId", "7").with(httpBasic("auditadmin", SilkGrantTest.DEMO_PASSWORD)))
                .andExpect(jsonPath("$.content[*].detail", contains("a")));
        mvc.perform(get("/api/v1/audit-events").param("action", action).param("outcome", "FAILURE")
                        .with(httpBasic("auditadmin", SilkGrantTest.DEMO_PASSWORD)))
                .andExpect(jsonPath("$.content[*].detail", contains("c", "b")));

        // Days are Beijing days: the record's own day includes it, the days around it do not.
        String at = com.jayway.jsonpath.JsonPath.read(mvc.perform(get("/api/v1/audit-events").param("action", action)
                        .param("size", "1").with(httpBasic("auditadmin", SilkGrantTest.DEMO_PASSWORD)))
                .andReturn().getResponse().getContentAsString(), "$.content[0].at");
        LocalDate day = Instant.parse(at).atZone(AuditFilter.ZONE).toLocalDate();
        mvc.perform(get("/api/v1/audit-events").param("action", action).param("from", day.toString())
                        .param("to", day.toString()).with(httpBasic("auditadmin", SilkGrantTest.DEMO_PASSWORD)))
                .andExpect(jsonPath("$.totalElements").value(3));
        mvc.perform(get("/api/v1/audit-events").param("action", action).param("from", day.plusDays(1).toString())
                        .with(httpBasic("auditadmin", SilkGrantTest.DEMO_PASSWORD)))
                .andExpect(jsonPath("$.totalElements").value(0));
        mvc.perform(get("/api/v1/audit-events").param("action", action).param("to", day.minusDays(1).toString())
                        .with(httpBasic("auditadmin", SilkGrantTest.DEMO_PASSWORD)))
                .andExpect(jsonPath("$.totalElements").value(0));

        mvc.perform(get("/audit").param("action", action).param("outcome", "FAILURE").param("from", day.toString())
                        .session(signIn("auditadmin")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString(">b<"), containsString(">c<"), not(containsString(">a<")),
                        containsString("href=\"/audit/export.csv?action=" + action + "&amp;outcome=FAILURE&amp;from=" + day + "\""),
                        containsString("value=\"" + day + "\""), containsString("<option value=\"FAILURE\" selected"))));
    }

    @Test
    void theExportIsUtf8WithBomOldestFirstAndDefusesFormulas() throws Exception {
        String action = action();
        for (String detail : List.of("=HYPERLINK(\"http://evil\")", "+1", "-2", "@SUM(A1)", "plain, \"quoted\"",
                "中文详情", "line\nbreak")) {
            log.record(new Event("alice", action, "USER", "-5", "SUCCESS", detail));
        }

        MvcResult result = mvc.perform(get("/api/v1/audit-events.csv").param("action", action)
                        .with(httpBasic("auditadmin", SilkGrantTest.DEMO_PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "text/csv;charset=UTF-8"))
                .andExpect(header().string("Content-Disposition", matchesPattern("attachment; filename=\"audit-events-\\d{8}-\\d{4}\\.csv\"")))
                .andReturn();
        byte[] body = result.getResponse().getContentAsByteArray();
        assertThat(Arrays.copyOf(body, 3)).as("UTF-8 byte order mark").containsExactly(0xEF, 0xBB, 0xBF);
        String csv = new String(body, 3, body.length - 3, StandardCharsets.UTF_8);
        List<String> lines = List.of(csv.split("\r\n"));

        assertThat(lines.get(0)).isEqualTo("序号,编号,时间（北京时间）,操作人,角色,操作,对象类型,对象编号,网络地址,结果,详情,前一哈希,哈希");
        assertThat(lines).hasSize(8);
        assertThat(lines.subList(1, 8)).allSatisfy(line ->
                assertThat(line).matches("(?s)\\d+,\\d+,\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2},alice,ORG_ADMIN," + action
                        + ",USER,'-5,10\\.8\\.0\\.1,SUCCESS,.*,[0-9a-f]{64},[0-9a-f]{64}"));
        assertThat(lines.subList(1, 8)).extracting(line -> line.split(",")[10]).containsExactly(
                "\"'=HYPERLINK(\"\"http://evil\"\")\"", "'+1", "'-2", "'@SUM(A1)", "\"plain", "中文详情", "\"line\nbreak\"");
        assertThat(csv).contains(",\"plain, \"\"quoted\"\"\",");
    }

    @Test
    void theExportIsRecordedAndAlsoOfferedOnThePage() throws Exception {
        String action = action();
        log.record(new Event("carol", action, "USER", "9", "SUCCESS", "exported"));

        String csv = mvc.perform(get("/audit/export.csv").param("action", action).session(signIn("auditadmin"))
                        .cookie(new jakarta.servlet.http.Cookie("silkgrant-lang", "en")))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFFNo.,Id,Time (Beijing time),Actor").contains(",carol,ORG_ADMIN," + action + ",");

        mvc.perform(get("/api/v1/audit-events").param("action", "AUDIT_EXPORTED")
                        .with(httpBasic("auditadmin", SilkGrantTest.DEMO_PASSWORD)))
                .andExpect(jsonPath("$.content[0].actor").value("auditadmin"))
                .andExpect(jsonPath("$.content[0].role").value("AUDIT_ADMIN"))
                .andExpect(jsonPath("$.content[0].detail").value(containsString("action=" + action)));
    }

    @Test
    void theApiVerifiesTheChainAndRecordsTheVerification() throws Exception {
        log.record(new Event("dave", action(), null, null, "SUCCESS", "before verification"));

        mvc.perform(get("/api/v1/audit/verification").with(httpBasic("auditadmin", SilkGrantTest.DEMO_PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.ok").value(true))
                .andExpect(jsonPath("$.checked", greaterThan(0)))
                .andExpect(jsonPath("$.firstProblem").value(nullValue()))
                .andExpect(jsonPath("$.lastHash", matchesPattern("[0-9a-f]{64}")));

        mvc.perform(get("/api/v1/audit-events").param("action", "AUDIT_CHAIN_VERIFIED")
                        .with(httpBasic("auditadmin", SilkGrantTest.DEMO_PASSWORD)))
                .andExpect(jsonPath("$.content[0].actor").value("auditadmin"))
                .andExpect(jsonPath("$.content[0].outcome").value("SUCCESS"))
                .andExpect(jsonPath("$.content[0].targetType").value("AUDIT_LOG"));
    }

    @Test
    void thePageVerifiesTheChainWithAButton() throws Exception {
        MockHttpSession session = signIn("auditadmin");
        mvc.perform(get("/audit").session(session))
                .andExpect(content().string(allOf(containsString("action=\"/audit/verification\""),
                        containsString("id=\"verify\""), not(containsString("id=\"verification-result\"")))));

        MvcResult verified = mvc.perform(post("/audit/verification").session(session).with(csrf()))
                .andExpect(redirectedUrl("/audit#verification"))
                .andReturn();
        FlashMap flash = verified.getFlashMap();
        mvc.perform(get("/audit").session(session).flashAttrs(flash))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("id=\"verification-result\""),
                        containsString("哈希链完整"), containsString("id=\"verification-head\""), not(containsString("??")))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"sysadmin", "secadmin", "officer", "uni-admin"})
    void nobodyElseVerifiesOrExports(String username) throws Exception {
        mvc.perform(get("/api/v1/audit/verification").with(httpBasic(username, SilkGrantTest.DEMO_PASSWORD)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/audit-events.csv").with(httpBasic(username, SilkGrantTest.DEMO_PASSWORD)))
                .andExpect(status().isForbidden())
                .andExpect(content().string(not(containsString("SUCCESS"))));
        MockHttpSession session = signIn(username);
        mvc.perform(get("/audit/export.csv").session(session)).andExpect(status().isForbidden());
        mvc.perform(post("/audit/verification").session(session).with(csrf())).andExpect(status().isForbidden());
    }

    @Test
    void nothingDeletesOrChangesARecordOverTheApi() throws Exception {
        for (var request : List.of(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete("/api/v1/audit-events/1"),
                org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put("/api/v1/audit-events/1"),
                org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete("/api/v1/audit-events"))) {
            int status = mvc.perform(request.with(httpBasic("auditadmin", SilkGrantTest.DEMO_PASSWORD)))
                    .andReturn().getResponse().getStatus();
            assertThat(status).as("status of %s", request).isIn(404, 405);
        }
        mvc.perform(get("/api/v1/audit-events").param("size", "1").with(httpBasic("auditadmin", SilkGrantTest.DEMO_PASSWORD)))
                .andExpect(jsonPath("$.content", hasSize(1)));
    }
}
