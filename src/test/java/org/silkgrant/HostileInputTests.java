package org.silkgrant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Hostile and careless input to the API (docs/security.md "Strict input" and "Error messages"): unknown fields refused
 * naming their path with nothing changed, values of the wrong kind named with what is expected in words, control
 * characters and dates far off refused, broken, doubled, oversized and non-JSON bodies refused with the right status,
 * hostile paging and query parameters answered 422 naming them instead of 500, codes shown as their labels, pages that
 * remove what the API refuses — and no answer naming a class, package or library.
 */
@SilkGrantTest
@DirtiesContext
class HostileInputTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Autowired
    UserDetailsService users;

    /** A request as a demo user (no password hash per request). */
    private AbstractMockHttpServletRequestBuilder<?> as(String username, AbstractMockHttpServletRequestBuilder<?> request) {
        return request.with(user(users.loadUserByUsername(username)));
    }

    private Answer send(AbstractMockHttpServletRequestBuilder<?> request) throws Exception {
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        String body = response.getContentAsString(StandardCharsets.UTF_8);
        for (String leak : AuthorizationBeforeValidationTests.LEAKS) {
            assertThat(body).as("the answer to " + request + " names no implementation").doesNotContain(leak);
        }
        return new Answer(response.getStatus(), body.isEmpty() || !(body.startsWith("{") || body.startsWith("[")) ? null : json.readTree(body),
                response.getContentType(), body);
    }

    record Answer(int status, JsonNode body, String contentType, String text) {

        String field(int i) {
            return body.at("/errors/" + i + "/field").asString();
        }

        String code(int i) {
            return body.at("/errors/" + i + "/code").asString();
        }

        String message(int i) {
            return body.at("/errors/" + i + "/message").asString();
        }
    }

    private static AbstractMockHttpServletRequestBuilder<?> json(AbstractMockHttpServletRequestBuilder<?> request,
            String body) {
        return request.contentType(MediaType.APPLICATION_JSON).content(body);
    }

    private long create(String leader, String title) throws Exception {
        Answer created = send(as(leader, json(post("/api/v1/applications"),
                "{\"callCode\":\"2023-SCO\",\"title\":\"" + title + "\"}")));
        assertThat(created.status()).isEqualTo(201);
        return created.body().get("id").asLong();
    }

    private long version(long id) throws Exception {
        return send(as("uni-leader", get("/api/v1/applications/{id}", id))).body().get("version").asLong();
    }

    private Answer save(long id, String section, String body, String language) throws Exception {
        return send(as("uni-leader", json(put("/api/v1/applications/{id}/sections/{name}", id, section), body)
                .header("If-Match", String.valueOf(version(id))).header("Accept-Language", language)));
    }

    private JsonNode recommender() throws Exception {
        for (JsonNode member : send(as("secadmin", get("/api/v1/staff"))).body()) {
            if ("recommender".equals(member.get("username").asString())) {
                return member;
            }
        }
        throw new AssertionError("the demo recommender");
    }

    private String departmentOfRecommender() {
        return ((org.silkgrant.account.SilkGrantUser) users.loadUserByUsername("recommender")).departmentCode();
    }

    @Test
    void aMisspeltFieldIsRefusedNamingItAndChangesNothing() throws Exception {
        JsonNode recommender = recommender();
        String department = departmentOfRecommender();
        assertThat(department).isNotBlank();

        Answer refused = send(as("secadmin", json(put("/api/v1/users/{id}/department", recommender.get("id").asLong()),
                "{\"departmnet\":\"650200\"}").header("Accept-Language", "en")));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.field(0)).isEqualTo("departmnet");
        assertThat(refused.code(0)).isEqualTo("UNKNOWN_FIELD");
        assertThat(refused.message(0)).isEqualTo("There is no such field. The fields here are: departmentCode.");
        assertThat(departmentOfRecommender()).as("the department is kept").isEqualTo(department);
    }

    @Test
    void everyUnknownFieldOfASectionIsNamedByItsPathAndNothingIsSaved() throws Exception {
        long id = create("uni-leader", "未知字段测试");
        long before = version(id);
        JsonNode team = send(as("uni-leader", get("/api/v1/applications/{id}", id))).body().at("/sections/team");

        Answer refused = save(id, "team", "{\"members\":[{\"fulName\":\"张三\",\"role\":\"LEADER\"},"
                + "{\"fullName\":\"李四\",\"role\":\"MEMBER\",\"emial\":\"l@example.org\"}],\"leader\":\"张三\"}", "zh-CN");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(List.of(refused.field(0), refused.field(1), refused.field(2)))
                .containsExactly("team.members[0].fulName", "team.members[1].emial", "team.leader");
        assertThat(refused.message(0)).startsWith("没有这个字段").contains("fullName, role, title");
        assertThat(version(id)).isEqualTo(before);
        assertThat(send(as("uni-leader", get("/api/v1/applications/{id}", id))).body().at("/sections/team"))
                .as("the team as it was").isEqualTo(team);
        assertThat(save(id, "team", "{\"members\":[{\"fullName\":\"张三\",\"role\":\"LEADER\"}]}", "zh-CN").status())
                .isEqualTo(200);
    }

    @Test
    void aNestedUnknownFieldOfARegistrationIsNamedByItsPath() throws Exception {
        Answer refused = send(json(post("/api/v1/organizations/registrations"), "{\"name\":\"测试\",\"admin\":"
                + "{\"usernme\":\"x\"}}"));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.field(0)).isEqualTo("admin.usernme");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "indicators | {\"indicators\":[{\"kind\":\"PAPER\",\"quantity\":\"two\"}]} | indicators.indicators[0].quantity | A whole number is expected here, for example 3.",
            "indicators | {\"indicators\":[{\"kind\":\"PAPER\",\"quantity\":1.5}]} | indicators.indicators[0].quantity | A whole number is expected here, for example 3.",
            "indicators | {\"indicators\":[{\"kind\":0}]} | indicators.indicators[0].kind | One of these is expected here: PATENT_APPLICATION, PATENT_GRANT, SOFTWARE_COPYRIGHT, PLANT_VARIETY, STANDARD, PAPER, TALENT, PLATFORM, OTHER.",
            "budget | {\"fiscal\":\"many\"} | budget.fiscal | A decimal number is expected here, best as a string, for example \"120.5\".",
            "basics | {\"startDate\":\"next year\"} | basics.startDate | A date is expected here, written as 2024-01-01.",
            "basics | {\"keywords\":\"生态\"} | basics.keywords | A list (JSON array) is expected here.",
            "ethics | {\"humanSubjects\":\"perhaps\"} | ethics.humanSubjects | true or false is expected here.",
            "partners | {\"partners\":[{\"people\":[{\"fullName\":{\"first\":\"Ivan\"}}]}]} | partners.partners[0].people[0].fullName | Text is expected here."})
    void aValueOfTheWrongKindIsNamedWithWhatIsExpected(String section, String body, String field, String message)
            throws Exception {
        long id = create("uni-leader", "类型测试");

        Answer refused = save(id, section, body, "en");

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.field(0)).isEqualTo(field);
        assertThat(refused.code(0)).isEqualTo("INVALID_VALUE");
        assertThat(refused.message(0)).isEqualTo(message);
    }

    @ParameterizedTest
    @CsvSource({"startDate, +999999999-12-31", "startDate, 0000-01-01", "endDate, 2201-01-01", "endDate, 1899-12-31"})
    void aDateFarOffIsRefusedAtSaveSoTheChecklistAndThePdfNeverMeetIt(String field, String date) throws Exception {
        long id = create("uni-leader", "日期范围测试");
        assertThat(save(id, "basics", "{\"startDate\":\"2024-01-01\",\"endDate\":\"2025-12-31\"}", "zh-CN").status())
                .isEqualTo(200);

        Answer refused = save(id, "basics", "{\"" + field + "\":\"" + date + "\"}", "ru");

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.field(0)).isEqualTo("basics." + field);
        assertThat(refused.code(0)).isEqualTo("RANGE");
        assertThat(refused.message(0)).isEqualTo("Дата должна быть в пределах от 1900-01-01 до 2200-12-31.");
        assertThat(send(as("uni-leader", get("/api/v1/applications/{id}", id))).body().at("/sections/basics/startDate")
                .asString()).isEqualTo("2024-01-01");
        assertThat(send(as("uni-leader", get("/api/v1/applications/{id}/checklist", id))).status()).isEqualTo(200);
        assertThat(send(as("officer", json(put("/api/v1/calls/2023-SCO/schedule"),
                "{\"opensAt\":\"2026-01-01T00:00:00Z\",\"deadline\":\"+100000-12-31T23:59:59Z\"}").header("If-Match", "0")))
                .field(0)).isEqualTo("deadline");
    }

    @Test
    void aNumberWhoseArithmeticWouldNeverEndIsRefusedWhereItEnters() throws Exception {
        long id = create("uni-leader", "数值范围测试");

        Answer amount = save(id, "budget", "{\"fiscal\":\"1e999999999\",\"lines\":[{\"category\":\"EQUIPMENT\","
                + "\"source\":\"FISCAL\",\"amount\":\"0.000000000000000000001\"}]}", "en");
        assertThat(amount.status()).isEqualTo(422);
        assertThat(List.of(amount.field(0), amount.code(0))).containsExactly("budget.fiscal", "RANGE");
        assertThat(amount.message(0)).isEqualTo("The number may have at most 15 digits before and 20 after the decimal point.");
        assertThat(save(id, "budget", "{\"fiscal\":\"1E+5\",\"selfRaised\":123456789012345.0001}", "en").status())
                .as("large but bounded").isEqualTo(200);
        assertThat(send(as("uni-leader", get("/api/v1/applications/{id}/checklist", id))).status()).isEqualTo(200);

        Answer filter = send(as("officer", get("/api/v1/calls/2023-SCO/applications").param("fiscalMin", "1e999999999")));
        assertThat(filter.status()).as("was a 500").isEqualTo(422);
        assertThat(filter.field(0)).isEqualTo("fiscalMin");
        assertThat(filter.code(0)).isEqualTo("RANGE");
    }

    @Test
    void aControlCharacterInAnyTextOfTheApiIsRefusedNamingTheField() throws Exception {
        Answer title = send(as("uni-leader", json(post("/api/v1/applications"),
                "{\"callCode\":\"2023-SCO\",\"title\":\"阿尔泰\\u0000研究\"}")));
        assertThat(title.status()).isEqualTo(422);
        assertThat(title.field(0)).isEqualTo("title");
        assertThat(title.code(0)).isEqualTo("CONTROL_CHARACTER");

        long id = create("uni-leader", "控制字符测试");
        Answer narrative = save(id, "narrative", "{\"objectives\":\"目标\\u0007\\n第二行\"}", "en");
        assertThat(narrative.status()).isEqualTo(422);
        assertThat(narrative.field(0)).isEqualTo("narrative.objectives");
        assertThat(narrative.message(0)).contains("invisible control character");
        assertThat(save(id, "narrative", "{\"objectives\":\"目标\\t一\\r\\n第二行\"}", "en").status())
                .as("tab and line breaks are text").isEqualTo(200);

        Answer query = send(as("officer", get("/api/v1/organizations").param("q", "新疆\u0000")));
        assertThat(query.status()).isEqualTo(422);
        assertThat(query.field(0)).isEqualTo("q");
        assertThat(send(as("officer", get("/api/v1/calls/2023-SCO/applications").param("status", "\u0000"))).field(0))
                .isEqualTo("status");
    }

    @Test
    void aPageFormHasItsControlCharactersRemovedBeforeTheyAreSaved() throws Exception {
        long id = create("uni-leader", "页面控制字符");

        Answer saved = send(as("uni-leader", post("/applications/{id}/sections/basics", id).with(csrf())
                .param("version", String.valueOf(version(id))).param("title", "阿尔泰\u0000生态\u001b研究")
                .header("HX-Request", "true")));

        assertThat(saved.status()).isEqualTo(200);
        assertThat(send(as("uni-leader", get("/api/v1/applications/{id}", id))).body().at("/sections/basics/title")
                .asString()).isEqualTo("阿尔泰生态研究");
    }

    @Test
    void brokenDoubledTrailingMissingAndOversizedBodiesAreRefusedForWhatTheyAre() throws Exception {
        long id = create("uni-leader", "格式测试");

        Answer broken = save(id, "basics", "{\"title\": \"x\",\n \"summary\": }", "en");
        assertThat(broken.status()).isEqualTo(400);
        assertThat(broken.body().get("detail").asString()).isEqualTo("The request body is not valid JSON (near line 2, column 13).");
        assertThat(save(id, "basics", "{\"title\":\"a\",\"title\":\"b\"}", "en").status()).as("a key twice").isEqualTo(400);
        assertThat(save(id, "basics", "{\"title\":\"a\"} {\"title\":\"b\"}", "en").body().get("detail").asString())
                .isEqualTo("The request body must be exactly one JSON object.");
        assertThat(send(as("officer", json(post("/api/v1/organizations/1/verification"), "[]"))).status()).isEqualTo(400);
        assertThat(send(as("officer", post("/api/v1/organizations/1/verification").contentType(MediaType.APPLICATION_JSON)))
                .body().get("detail").asString()).isEqualTo("此请求需要 JSON 格式的请求内容。");

        Answer large = save(id, "narrative", "{\"objectives\":\"" + "长".repeat(400_000) + "\"}", "en");
        assertThat(large.status()).isEqualTo(413);
        assertThat(large.body().get("title").asString()).isEqualTo("Request too large");
        assertThat(large.body().get("detail").asString()).isEqualTo("The request body is too large: JSON requests have at most 1,024 KB.");
        assertThat(save(id, "basics", "{\"keywords\":" + "[".repeat(2000) + "]".repeat(2000) + "}", "en").status())
                .as("nested too deeply").isEqualTo(413);
    }

    @Test
    void onlyJsonIsReadAndTheAnswersToOtherTypesMethodsAndPathsAreTranslatedProblems() throws Exception {
        Answer yaml = send(as("officer", post("/api/v1/organizations/1/verification")
                .contentType(MediaType.parseMediaType("application/yaml")).content("decision: VERIFIED\nextra: 1")
                .header("Accept-Language", "en")));
        assertThat(yaml.status()).isEqualTo(415);
        assertThat(yaml.body().get("title").asString()).isEqualTo("Content type not supported");
        assertThat(yaml.body().get("detail").asString()).contains("application/json");
        assertThat(send(as("officer", post("/api/v1/organizations/1/verification").contentType(MediaType.APPLICATION_XML)
                .content("<decision>VERIFIED</decision>"))).status()).isEqualTo(415);
        assertThat(send(as("officer", get("/api/v1/me").accept(MediaType.parseMediaType("application/yaml")))).status())
                .as("no YAML answers either").isEqualTo(406);

        Answer method = send(as("officer", org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .delete("/api/v1/calls").header("Accept-Language", "ru")));
        assertThat(method.status()).isEqualTo(405);
        assertThat(method.body().get("detail").asString()).isEqualTo("Этот адрес не принимает метод DELETE.");

        Answer path = send(as("officer", get("/api/v1/no-such-thing")));
        assertThat(path.status()).isEqualTo(404);
        assertThat(path.contentType()).startsWith("application/problem+json");
        assertThat(send(as("officer", get("/api/v1/applications/not-an-id"))).status()).isEqualTo(404);
        assertThat(send(as("officer", get("/no-such-page").accept(MediaType.TEXT_HTML))).status())
                .as("a page path stays the error page").isEqualTo(404);
    }

    @Test
    void missingAndMistypedParametersAndHeadersAreNamed() throws Exception {
        long id = create("uni-leader", "参数测试");

        Answer missing = send(as("uni-leader", get("/api/v1/applications/{id}/diff", id).param("from", "1")));
        assertThat(missing.status()).isEqualTo(422);
        assertThat(missing.field(0)).isEqualTo("to");
        assertThat(missing.code(0)).isEqualTo("REQUIRED");
        Answer typed = send(as("uni-leader", get("/api/v1/applications/{id}/diff", id).param("from", "one")
                .param("to", "0")));
        assertThat(typed.field(0)).isEqualTo("from");
        assertThat(typed.message(0)).isEqualTo("此处应为整数，例如 3。");
        Answer header = send(as("officer", json(put("/api/v1/calls/2023-SCO/schedule"),
                "{\"opensAt\":\"2026-01-01T00:00:00Z\",\"deadline\":\"2026-02-01T00:00:00Z\"}")));
        assertThat(header.field(0)).isEqualTo("If-Match");
        assertThat(header.code(0)).isEqualTo("REQUIRED");
        Answer version = send(as("officer", json(put("/api/v1/calls/2023-SCO/schedule"),
                "{\"opensAt\":\"2026-01-01T00:00:00Z\",\"deadline\":\"2026-02-01T00:00:00Z\"}").header("If-Match", "v1")));
        assertThat(version.status()).as("was a 500").isEqualTo(422);
        assertThat(version.field(0)).isEqualTo("If-Match");
        Answer filter = send(as("officer", get("/api/v1/calls/2023-SCO/applications").param("status", "FOO")
                .param("fiscalMin", "much").header("Accept-Language", "en")));
        assertThat(filter.status()).isEqualTo(422);
        assertThat(filter.text()).contains("One of these is expected here: DRAFT, SUBMITTED")
                .contains("A decimal number is expected here");
        Answer role = send(as("secadmin", json(put("/api/v1/users/{id}/roles", recommender().get("id").asLong()),
                "{\"roles\":[\"RECOMMENDER\",\"BOSS\"]}")));
        assertThat(role.status()).isEqualTo(422);
        assertThat(role.field(0)).isEqualTo("roles[1]");
    }

    @Test
    void everyPagedListAnswersAHugeOrNegativePageOrSizeWith422NamingIt() throws Exception {
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (ApiRoles.Operation operation : ApiRoles.load()) {
            List<String> parameters = queryParameters(operation);
            if (!"GET".equals(operation.method()) || !parameters.contains("page")) {
                continue;
            }
            String user = operation.roles().contains("ANY") ? "uni-leader"
                    : ApiRoles.DEMO_USERS.get(org.silkgrant.account.Role.valueOf(operation.roles().iterator().next()));
            String uri = AuthorizationBeforeValidationTests.uri(operation.path());
            for (String[] hostile : new String[][] {{"page", "2147483647"}, {"page", "-1"}, {"size", "2147483647"},
                    {"size", "-5"}, {"size", "0"}}) {
                Answer answer = send(as(user, get(uri).param(hostile[0], hostile[1])));
                if (answer.status() != 422 || !hostile[0].equals(answer.field(0)) || !"RANGE".equals(answer.code(0))) {
                    failures.add(operation.key() + "?" + hostile[0] + "=" + hostile[1] + ": " + answer.status() + " "
                            + answer.text());
                }
                checked++;
            }
            assertThat(send(as(user, get(uri).param("page", "100000"))).status()).as(operation.key() + " last page")
                    .isEqualTo(200);
        }
        assertThat(failures).isEmpty();
        assertThat(checked).as("hostile paging checked on six lists").isEqualTo(6 * 5);
    }

    @Test
    void everyCodeParameterOfTheDocumentAnswersJunkWith422NamingIt() throws Exception {
        JsonNode paths = json.readTree(mvc.perform(get("/v3/api-docs")).andReturn().getResponse().getContentAsString())
                .get("paths");
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (ApiRoles.Operation operation : ApiRoles.load()) {
            JsonNode documented = paths.path(operation.path()).path(operation.method().toLowerCase());
            if (!"GET".equals(operation.method()) || operation.anonymous()) {
                continue;
            }
            for (JsonNode parameter : documented.path("parameters")) {
                JsonNode schema = parameter.path("schema");
                boolean code = schema.has("enum") || schema.path("items").has("enum");
                if (!"query".equals(parameter.path("in").asString()) || !code) {
                    continue;
                }
                String name = parameter.get("name").asString();
                String user = operation.roles().contains("ANY") ? "uni-leader"
                        : ApiRoles.DEMO_USERS.get(org.silkgrant.account.Role.valueOf(operation.roles().iterator().next()));
                for (String junk : new String[] {"FOO", "\u0000", "0"}) {
                    Answer answer = send(as(user, get(AuthorizationBeforeValidationTests.uri(operation.path()))
                            .param(name, junk)));
                    if (answer.status() != 422 || !name.equals(answer.field(0))) {
                        failures.add(operation.key() + "?" + name + "=" + junk + ": " + answer.status() + " " + answer.text());
                    }
                    checked++;
                }
            }
        }
        assertThat(failures).isEmpty();
        assertThat(checked).as("code parameters checked").isGreaterThanOrEqualTo(9);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "officer    | POST | /api/v1/applications/1/decision                | {\"decision\":\"MAYBE\",\"grantedAmount\":\"lots\"}",
            "officer    | POST | /api/v1/applications/1/decision                | {\"decision\":\"APPROVED\",\"grantedAmount\":[1]}",
            "officer    | POST | /api/v1/applications/1/transitions             | {\"action\":\"EXTEND\",\"extendedUntil\":\"tomorrow\"}",
            "officer    | POST | /api/v1/applications/1/transitions             | {\"action\":\"ACCEPT\",\"formalReview\":{\"F1\":\"yes\"}}",
            "officer    | POST | /api/v1/organizations/1/verification           | {\"decision\":7}",
            "officer    | PUT  | /api/v1/calls/2023-SCO/schedule                | {\"opensAt\":\"soon\",\"deadline\":1}",
            "officer    | POST | /api/v1/experts                                | {\"fields\":\"G1\",\"keywords\":[{}]}",
            "officer    | POST | /api/v1/review-rounds/1/assignments            | {\"applicationId\":\"one\",\"expertId\":true}",
            "officer    | POST | /api/v1/objections/1/answer                    | {\"outcome\":\"WHATEVER\"}",
            "expert     | PUT  | /api/v1/me/expert-profile                      | {\"languages\":\"zh\"}",
            "sysadmin   | POST | /api/v1/staff                                  | {\"roles\":[\"ROOT\"]}",
            "uni-admin  | POST | /api/v1/organizations/1/users                  | {\"role\":\"KING\",\"idNumber\":123}",
            "uni-leader | POST | /api/v1/me/password                            | {\"currentPassword\":{},\"newPassword\":null}",
            "-          | POST | /api/v1/organizations/registrations            | {\"type\":\"COMPANY\",\"admin\":[]}",
            "officer    | GET  | /api/v1/experts?active=maybe&page=x             | ",
            "officer    | GET  | /api/v1/calls/2023-SCO/conflicts?certainty=SURE&offset=-1 | ",
            "officer    | GET  | /api/v1/calls/2023-SCO/applications?sort=SIZE&desc=perhaps | ",
            "auditadmin | GET  | /api/v1/audit-events?from=yesterday             | ",
            "officer    | GET  | /api/v1/organizations?status=OPEN              | ",
            "officer    | GET  | /api/v1/review-rounds/x/assignments            | ",
            "officer    | PATCH | /api/v1/calls/2023-SCO                        | {}"})
    void noAnswerToABadRequestNamesAClassAPackageOrALibrary(String user, String method, String uri, String body)
            throws Exception {
        AbstractMockHttpServletRequestBuilder<?> request = org.springframework.test.web.servlet.request
                .MockMvcRequestBuilders.request(org.springframework.http.HttpMethod.valueOf(method), uri);
        if (body != null) {
            request = json(request, body);
        }
        // send() fails on java., org.silkgrant, tools.jackson or Exception anywhere in the answer.
        Answer answer = send("-".equals(user) ? request : as(user, request));

        assertThat(answer.status()).as(answer.text()).isBetween(400, 422);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.body().get("detail").asString()).isNotBlank();
        if (answer.body().has("errors")) {
            answer.body().get("errors").forEach(e -> assertThat(e.get("message").asString()).isNotBlank()
                    .doesNotContain("Cannot").doesNotContain("deserialize").doesNotContain("Failed to convert"));
        }
    }

    @Test
    void aStateOrStepInAMessageIsItsLabelNeverItsCode() throws Exception {
        long id = create("uni-leader", "标签测试");

        Answer wrongState = send(as("uni-admin", json(post("/api/v1/applications/{id}/transitions", id),
                "{\"action\":\"APPROVE\",\"comment\":\"ok\"}").header("Accept-Language", "en")));

        assertThat(wrongState.status()).isEqualTo(409);
        assertThat(wrongState.body().get("detail").asString()).contains("\"Approve\"").contains("Draft")
                .doesNotContain("APPROVE").doesNotContain("DRAFT");
    }

    @Test
    void anObjectThatIsNotTheCallersIsNotFoundBeforeAnythingIsSaidAboutTheBody() throws Exception {
        long id = create("uni-leader", "对象权限测试");
        long uni = send(as("uni-admin", get("/api/v1/me"))).body().get("organizationId").asLong();

        assertThat(save(id, "basics", "{\"title\":", "zh-CN").status()).as("the leader: the body").isEqualTo(400);
        assertThat(send(as("ent-leader", json(put("/api/v1/applications/{id}/sections/basics", id), "{\"title\":")
                .header("If-Match", "0"))).status()).as("another organisation's leader").isEqualTo(404);
        assertThat(send(as("uni-admin", json(put("/api/v1/applications/{id}/sections/basics", id), "{\"title\":")
                .header("If-Match", "0"))).status()).as("its organisation's admin reads, never writes").isEqualTo(403);
        assertThat(send(as("ent-admin", json(post("/api/v1/applications/{id}/transitions", id), "{\"act\":1}")))
                .status()).isEqualTo(404);
        assertThat(send(as("ent-admin", json(post("/api/v1/organizations/{id}/users", uni), "{\"usernme\":"))).status())
                .as("another organisation's admin").isEqualTo(404);
        assertThat(send(as("uni-admin", json(post("/api/v1/organizations/{id}/users", uni), "{\"usernme\":"))).status())
                .as("its own admin: the body").isEqualTo(400);
        assertThat(send(as("secadmin", json(put("/api/v1/users/{id}/roles", userId("uni-leader")), "{\"rols\":[]}")))
                .status()).as("an organisation's person is no staff member").isEqualTo(404);
        assertThat(send(as("secadmin", json(put("/api/v1/users/{id}/roles", recommender().get("id").asLong()),
                "{\"rols\":[]}"))).status()).as("a staff member: the body").isEqualTo(400);
    }

    private long userId(String username) throws Exception {
        long organization = send(as("uni-admin", get("/api/v1/me"))).body().get("organizationId").asLong();
        for (JsonNode member : send(as("uni-admin", get("/api/v1/organizations/{id}/users", organization))).body()) {
            if (username.equals(member.get("username").asString())) {
                return member.get("id").asLong();
            }
        }
        throw new AssertionError(username);
    }

    private JsonNode document;

    private List<String> queryParameters(ApiRoles.Operation operation) throws Exception {
        if (document == null) {
            document = json.readTree(mvc.perform(get("/v3/api-docs")).andReturn().getResponse().getContentAsString());
        }
        JsonNode documented = document.get("paths").path(operation.path()).path(operation.method().toLowerCase());
        List<String> names = new ArrayList<>();
        for (JsonNode parameter : documented.path("parameters")) {
            if ("query".equals(parameter.path("in").asString())) {
                names.add(parameter.get("name").asString());
            }
        }
        return names;
    }
}
