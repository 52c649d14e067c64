package org.silkgrant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.silkgrant.account.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Authorisation before validation, for every operation of the OpenAPI document and every role, from the table of
 * {@link ApiRoles}: a role that may not use an operation gets its 403 (or 404) whatever the request carries — a
 * broken or misspelt JSON body, a junk multipart form, a NUL in every query parameter — and never a 400 or 422 that
 * would tell it what a valid request looks like. A role that may use it gets the body refused as malformed (or the
 * object not found); without a sign-in only the public operations answer anything but 401. No answer carries a class,
 * package or library name. A new endpoint without a line in the table fails here.
 */
@SilkGrantTest
class AuthorizationBeforeValidationTests {

    /** What would betray the implementation in an answer. */
    static final List<String> LEAKS = List.of("java.", "org.silkgrant", "tools.jackson", "Exception");

    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final String MALFORMED = "{\"noSuchField\": ";
    private static final String UNKNOWN_FIELD = "{\"noSuchField\": \"x\"}";

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Autowired
    UserDetailsService users;

    private final Map<Role, UserDetails> signedIn = new EnumMap<>(Role.class);
    private final List<String> failures = new ArrayList<>();

    /** An operation of the document: method, path, its body's content types and its query parameters. */
    record DocumentOperation(String method, String path, Set<String> bodyTypes, List<String> queryParameters) {

        String key() {
            return method + " " + path;
        }
    }

    @BeforeEach
    void signIn() {
        ApiRoles.DEMO_USERS.forEach((role, username) -> signedIn.put(role, users.loadUserByUsername(username)));
    }

    private List<DocumentOperation> document() throws Exception {
        String document = mvc.perform(get("/v3/api-docs")).andReturn().getResponse().getContentAsString();
        JsonNode paths = json.readTree(document).get("paths");
        assertThat(paths).as("paths of /v3/api-docs: " + document.substring(0, Math.min(300, document.length()))).isNotNull();
        List<DocumentOperation> operations = new ArrayList<>();
        for (String path : paths.propertyNames()) {
            for (String method : paths.get(path).propertyNames()) {
                JsonNode operation = paths.get(path).get(method);
                Set<String> bodyTypes = new LinkedHashSet<>();
                if (operation.has("requestBody")) {
                    bodyTypes.addAll(operation.get("requestBody").get("content").propertyNames());
                }
                List<String> query = new ArrayList<>();
                for (JsonNode parameter : operation.path("parameters")) {
                    if ("query".equals(parameter.get("in").asString())) {
                        query.add(parameter.get("name").asString());
                    }
                }
                operations.add(new DocumentOperation(method.toUpperCase(), path, bodyTypes, query));
            }
        }
        return operations;
    }

    private Map<String, ApiRoles.Operation> table() {
        Map<String, ApiRoles.Operation> byKey = new LinkedHashMap<>();
        for (ApiRoles.Operation operation : ApiRoles.load()) {
            assertThat(byKey.put(operation.key(), operation)).as("one line for " + operation.key()).isNull();
        }
        return byKey;
    }

    @Test
    void everyOperationOfTheDocumentHasItsLineInTheRoleTable() throws Exception {
        Set<String> documented = new TreeSet<>(document().stream().map(DocumentOperation::key).toList());
        Set<String> tabled = new TreeSet<>(table().keySet());

        assertThat(documented).as("operations of /v3/api-docs without a line in " + ApiRoles.TABLE)
                .isSubsetOf(tabled);
        assertThat(tabled).as("lines of " + ApiRoles.TABLE + " for operations the document does not have")
                .isSubsetOf(documented);
        assertThat(documented).hasSizeGreaterThan(80);
    }

    @Test
    void aRoleThatMayNotWriteIsRefusedBeforeAnythingIsSaidAboutItsBody() throws Exception {
        Map<String, ApiRoles.Operation> table = table();
        int checked = 0;
        for (DocumentOperation operation : document()) {
            ApiRoles.Operation rule = table.get(operation.key());
            if (!WRITES.contains(operation.method()) || rule == null) {
                continue;
            }
            for (Role role : signedIn.keySet()) {
                if (rule.allows(role)) {
                    continue;
                }
                for (AbstractMockHttpServletRequestBuilder<?> request : invalidRequests(operation)) {
                    MockHttpServletResponse response = send(request.with(user(signedIn.get(role))));
                    expect(operation, role, response, rule.othersGet());
                    checked++;
                }
            }
        }
        assertThat(failures).isEmpty();
        assertThat(checked).as("refusals checked").isGreaterThan(300);
    }

    @Test
    void aRoleThatMayWriteHasTheSameBrokenBodyRefusedAsMalformed() throws Exception {
        Map<String, ApiRoles.Operation> table = table();
        int malformed = 0;
        for (DocumentOperation operation : document()) {
            ApiRoles.Operation rule = table.get(operation.key());
            if (!WRITES.contains(operation.method()) || rule == null
                    || !operation.bodyTypes().contains(MediaType.APPLICATION_JSON_VALUE)) {
                continue;
            }
            for (Role role : signedIn.keySet()) {
                if (!rule.allows(role)) {
                    continue;
                }
                MockHttpServletResponse response = send(json(operation, MALFORMED).with(user(signedIn.get(role))));
                // 404: the object of the path (id 999999) does not exist, decided before the body as for anyone else.
                if (response.getStatus() != 400 && response.getStatus() != 404) {
                    failures.add(operation.key() + " as " + role + ": " + response.getStatus() + " "
                            + response.getContentAsString());
                }
                malformed += response.getStatus() == 400 ? 1 : 0;
                leaks(operation, role, response);
            }
        }
        assertThat(failures).isEmpty();
        assertThat(malformed).as("broken bodies refused as malformed after authorisation").isGreaterThan(15);
    }

    @Test
    void aRoleThatMayNotListIsRefusedBeforeAnythingIsSaidAboutItsQuery() throws Exception {
        Map<String, ApiRoles.Operation> table = table();
        int refused = 0;
        int named = 0;
        for (DocumentOperation operation : document()) {
            ApiRoles.Operation rule = table.get(operation.key());
            if (!"GET".equals(operation.method()) || rule == null || operation.queryParameters().isEmpty()) {
                continue;
            }
            for (Role role : signedIn.keySet()) {
                MockHttpServletRequestBuilder request = get(uri(operation.path())).with(user(signedIn.get(role)));
                operation.queryParameters().forEach(p -> request.param(p, "\u0000x"));
                MockHttpServletResponse response = send(request);
                if (!rule.allows(role)) {
                    expect(operation, role, response, rule.othersGet());
                    refused++;
                } else if (response.getStatus() == 422) {
                    String field = json.readTree(response.getContentAsString()).at("/errors/0/field").asString();
                    if (!operation.queryParameters().contains(field)) {
                        failures.add(operation.key() + " as " + role + ": 422 naming " + field);
                    }
                    named++;
                } else if (response.getStatus() != 404) {
                    failures.add(operation.key() + " as " + role + ": a NUL in every parameter answered "
                            + response.getStatus());
                }
                leaks(operation, role, response);
            }
        }
        assertThat(failures).isEmpty();
        assertThat(refused).as("refusals checked").isGreaterThan(40);
        assertThat(named).as("parameters with a NUL refused by name").isGreaterThan(8);
    }

    @Test
    void withoutSigningInOnlyThePublicOperationsAnswerOtherThan401() throws Exception {
        Map<String, ApiRoles.Operation> table = table();
        for (DocumentOperation operation : document()) {
            ApiRoles.Operation rule = table.get(operation.key());
            if (rule == null || rule.anonymous()) {
                continue;
            }
            for (AbstractMockHttpServletRequestBuilder<?> request : invalidRequests(operation)) {
                int status = send(request).getStatus();
                if (status != 401) {
                    failures.add(operation.key() + " without signing in: " + status);
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    /** A broken JSON body, one with an unknown field, or for a form upload a form with only an unknown part. */
    private List<AbstractMockHttpServletRequestBuilder<?>> invalidRequests(DocumentOperation operation) {
        if (operation.bodyTypes().contains(MediaType.MULTIPART_FORM_DATA_VALUE)) {
            return List.of(multipart(HttpMethod.valueOf(operation.method()), uri(operation.path()))
                    .file(new MockMultipartFile("noSuchPart", "x.exe", "application/x-msdownload", new byte[] {0, 1}))
                    .param("kind", "\u0000"));
        }
        return List.of(json(operation, MALFORMED), json(operation, UNKNOWN_FIELD));
    }

    private MockHttpServletRequestBuilder json(DocumentOperation operation, String body) {
        return request(HttpMethod.valueOf(operation.method()), uri(operation.path()))
                .header("If-Match", "0").contentType(MediaType.APPLICATION_JSON).content(body);
    }

    /** The path with its variables filled in: the 2023 call, the basics section, an id nobody has. */
    static String uri(String path) {
        return path.replace("{code}", "2023-SCO").replace("{name}", "basics").replaceAll("\\{[^}]+}", "999999");
    }

    private MockHttpServletResponse send(AbstractMockHttpServletRequestBuilder<?> request) throws Exception {
        return mvc.perform(request).andReturn().getResponse();
    }

    private void expect(DocumentOperation operation, Role role, MockHttpServletResponse response, int expected)
            throws Exception {
        if (response.getStatus() != expected) {
            failures.add(operation.key() + " as " + role + ": expected " + expected + ", got " + response.getStatus()
                    + " " + response.getContentAsString());
        } else if (!String.valueOf(response.getContentType()).startsWith("application/problem+json")) {
            failures.add(operation.key() + " as " + role + ": " + expected + " without problem+json");
        }
        leaks(operation, role, response);
    }

    private void leaks(DocumentOperation operation, Role role, MockHttpServletResponse response) throws Exception {
        String body = response.getContentAsString();
        for (String leak : LEAKS) {
            if (body.contains(leak)) {
                failures.add(operation.key() + " as " + role + ": the answer names " + leak + ": " + body);
            }
        }
    }
}
