package org.silkgrant.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.silkgrant.SilkGrantTest;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * What the routing tests do through the JSON API, as the people of the demo data: a new project leader created by
 * the university's admin (each stays within the one-project limit), a complete application of theirs, submission,
 * steps and history.
 */
public final class ThroughTheApi {

    static final String PASSWORD = SilkGrantTest.DEMO_PASSWORD;
    static final String CALL = "2023-SCO";
    static final String DEPARTMENT = "650100";

    private static final AtomicInteger LEADERS = new AtomicInteger();

    private final MockMvc mvc;
    private final ObjectMapper json;
    private final UserDetailsService users;
    private final Map<String, UserDetails> signedIn = new ConcurrentHashMap<>();
    private Long universityId;

    /** Every request signs in with HTTP Basic, as API.md has it. */
    ThroughTheApi(MockMvc mvc, ObjectMapper json) {
        this(mvc, json, null);
    }

    /**
     * Requests carry the person as loaded by {@code users} instead of a password to hash on each of them: hundreds
     * of requests in a test would otherwise spend most of their time in the password hash.
     */
    public ThroughTheApi(MockMvc mvc, ObjectMapper json, UserDetailsService users) {
        this.mvc = mvc;
        this.json = json;
        this.users = users;
    }

    /** Who sends a request. */
    public RequestPostProcessor as(String username) {
        if (users == null) {
            return httpBasic(username, PASSWORD);
        }
        return user(signedIn.computeIfAbsent(username, users::loadUserByUsername));
    }

    /** A response: its status, its body as JSON (empty object when there is none) and the raw text. */
    public record Reply(int status, JsonNode body, String text) {

        public String detail() {
            return body.path("detail").asString("");
        }
    }

    public Reply send(RequestBuilder request) throws Exception {
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        String text = response.getContentAsString(StandardCharsets.UTF_8);
        JsonNode body = text.isBlank() || !text.strip().startsWith("{") && !text.strip().startsWith("[")
                ? json.createObjectNode() : json.readTree(text);
        return new Reply(response.getStatus(), body, text);
    }

    public JsonNode expect(RequestBuilder request, int status) throws Exception {
        Reply reply = send(request);
        assertThat(reply.status()).as(reply.text()).isEqualTo(status);
        return reply.body();
    }

    /** A new project leader of the demo university, created by its admin through the API. */
    public String newLeader() throws Exception {
        if (universityId == null) {
            universityId = expect(get("/api/v1/me").with(as("uni-admin")), 200)
                    .get("organizationId").asLong();
        }
        String username = "rt-leader-" + ProcessHandle.current().pid() % 1000 + "-" + LEADERS.incrementAndGet()
                + "-" + System.nanoTime() % 10_000;
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("username", username);
        body.put("password", PASSWORD);
        body.put("fullName", "张明");
        body.put("email", username + "@example.edu.cn");
        body.put("phone", "13800000001");
        body.put("role", "APPLICANT");
        expect(post("/api/v1/organizations/{id}/users", universityId).with(as("uni-admin"))
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body)), 201);
        return username;
    }

    static final String BUDGET = "{\"fiscal\":\"100\",\"selfRaised\":\"0\",\"lines\":["
            + "{\"category\":\"EQUIPMENT\",\"source\":\"FISCAL\",\"amount\":\"60\"},"
            + "{\"category\":\"OPERATING\",\"source\":\"FISCAL\",\"amount\":\"40\"}]}";

    static final String NARRATIVE = "{\"objectives\":\"目标\",\"rationale\":\"理由\",\"content\":\"内容\",\"channels\":\"渠道\","
            + "\"responsibilities\":\"责任\",\"plan\":\"方案\",\"expectedResults\":\"成效\"}";

    /** A complete G3 application of the leader (recommending department 650100), ready to submit; returns its id. */
    public long complete(String leader) throws Exception {
        return complete(leader, BUDGET);
    }

    /** The same with another budget section (an enterprise needs 2:1 matching funds). */
    long complete(String leader, String budget) throws Exception {
        long id = expect(post("/api/v1/applications").with(as(leader)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"callCode\":\"" + CALL + "\",\"title\":\"阿尔泰区域生态监测联合研究\"}"), 201).get("id").asLong();
        Map<String, String> sections = new LinkedHashMap<>();
        sections.put("basics", "{\"title\":\"阿尔泰区域生态监测联合研究\",\"category\":\"GENERAL\",\"scope\":\"G3\","
                + "\"startDate\":\"2024-01-01\",\"endDate\":\"2026-06-30\",\"keywords\":[\"生态\"],\"summary\":\"摘要\","
                + "\"recommendingDepartment\":\"" + DEPARTMENT + "\"}");
        sections.put("narrative", NARRATIVE);
        // LEADER_IS_APPLICANT: the team's leader is the account holder, by the name on the account.
        String leaderName = expect(get("/api/v1/me").with(as(leader)), 200).get("fullName").asString();
        sections.put("team", "{\"members\":[{\"fullName\":\"" + leaderName + "\",\"role\":\"LEADER\",\"title\":\"教授\"},"
                + "{\"fullName\":\"李四\",\"role\":\"RESEARCH_ASSISTANT\",\"title\":\"科研助理\"}]}");
        sections.put("partners", "{\"partners\":[{\"country\":\"RU\",\"regionCode\":\"RU-ALT\",\"name\":\"Altai State University\","
                + "\"address\":\"Barnaul\",\"people\":[{\"fullName\":\"Ivan Petrov\",\"position\":\"Professor\",\"role\":\"PI\"}]}]}");
        sections.put("budget", budget);
        sections.put("indicators", "{\"indicators\":[{\"kind\":\"PATENT_APPLICATION\",\"description\":\"发明专利申请\","
                + "\"quantity\":2,\"unit\":\"件\"}]}");
        sections.put("ethics", "{\"humanSubjects\":false,\"humanGeneticResources\":false,\"laboratoryAnimals\":false}");
        sections.put("agreement", "{\"scienceInput\":\"第3条\",\"divisionOfWork\":\"第4条\",\"ipOwnership\":\"第6条\","
                + "\"resultsOwnership\":\"第7条\"}");
        for (var section : sections.entrySet()) {
            saveSection(leader, id, section.getKey(), section.getValue());
        }
        expect(multipart("/api/v1/applications/{id}/attachments", id)
                .file(new MockMultipartFile("file", "agreement.pdf", "application/pdf", pdf()))
                .param("kind", "COOPERATION_AGREEMENT").with(as(leader)), 201);
        return id;
    }

    /** Saves a section with the application's current version as If-Match; returns the new version. */
    public long saveSection(String leader, long id, String section, String content) throws Exception {
        long version = expect(get("/api/v1/applications/{id}", id).with(as(leader)), 200)
                .get("version").asLong();
        return expect(put("/api/v1/applications/{id}/sections/{name}", id, section).with(as(leader))
                .header("If-Match", String.valueOf(version)).contentType(MediaType.APPLICATION_JSON).content(content), 200)
                .get("version").asLong();
    }

    Reply submit(String user, long id) throws Exception {
        return send(post("/api/v1/applications/{id}/submit", id).with(as(user)));
    }

    /** The receipt number of a submission that must succeed. */
    public String submitted(String leader, long id) throws Exception {
        JsonNode body = expect(post("/api/v1/applications/{id}/submit", id).with(as(leader)), 200);
        assertThat(body.get("status").asString()).isEqualTo("SUBMITTED");
        return body.get("receipt").get("number").asString();
    }

    /** POST …/transitions as {@code user}; {@code language} null for the default (zh-CN). */
    Reply transition(String user, long id, Action action, String comment, Map<String, String> sectionComments,
            Instant extendedUntil, String language) throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("action", action.name());
        if (comment != null) {
            body.put("comment", comment);
        }
        if (sectionComments != null) {
            body.put("sectionComments", sectionComments);
        }
        if (extendedUntil != null) {
            body.put("extendedUntil", extendedUntil.toString());
        }
        MockHttpServletRequestBuilder request = post("/api/v1/applications/{id}/transitions", id)
                .with(as(user)).contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(body));
        if (language != null) {
            request.header("Accept-Language", language);
        }
        return send(request);
    }

    Reply transition(String user, long id, Action action, String comment) throws Exception {
        return transition(user, id, action, comment, null, null, null);
    }

    /** A step that must succeed; returns the new status. */
    public String step(String user, long id, Action action, String comment) throws Exception {
        Reply reply = transition(user, id, action, comment);
        assertThat(reply.status()).as(user + " " + action + ": " + reply.text()).isEqualTo(200);
        return reply.body().get("status").asString();
    }

    JsonNode history(String user, long id) throws Exception {
        return expect(get("/api/v1/applications/{id}/history", id).with(as(user)), 200);
    }

    JsonNode application(String user, long id) throws Exception {
        return expect(get("/api/v1/applications/{id}", id).with(as(user)), 200);
    }

    JsonNode position(String user, long id) throws Exception {
        return expect(get("/api/v1/applications/{id}/position", id).with(as(user)), 200);
    }

    /** The smallest PDF the content sniffer accepts as one. */
    static byte[] pdf() {
        String body = "%PDF-1.4\n1 0 obj\n<</Type/Catalog/Pages 2 0 R>>\nendobj\n2 0 obj\n<</Type/Pages/Kids[3 0 R]/Count 1>>\n"
                + "endobj\n3 0 obj\n<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>\nendobj\n";
        int xref = body.length();
        String tail = "xref\n0 4\n0000000000 65535 f \n0000000009 00000 n \n0000000058 00000 n \n0000000115 00000 n \n"
                + "trailer\n<</Size 4/Root 1 0 R>>\nstartxref\n" + xref + "\n%%EOF\n";
        return (body + tail).getBytes(StandardCharsets.ISO_8859_1);
    }
}
