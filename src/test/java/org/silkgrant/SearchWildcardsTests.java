package org.silkgrant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.silkgrant.account.AccountManagement;
import org.silkgrant.account.AccountView;
import org.silkgrant.organization.Codes;
import org.silkgrant.shared.CreditCode;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Every search built on SQL LIKE takes %, _ and \ in the search text literally: {@code name=%} lists the names that
 * contain a percent sign, not every name, and {@code name=_} those with an underscore (the expert registry, the
 * organisations' queue, the audit record, the office's application table).
 */
@SilkGrantTest
@DirtiesContext
class SearchWildcardsTests {

    private static final String PASSWORD = SilkGrantTest.DEMO_PASSWORD;

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    AccountManagement accounts;

    @Test
    void theExpertRegistryMatchesWildcardsLiterally() throws Exception {
        createExpert("百分%专家", "农业%研究院", "节水%灌溉", 1);
        createExpert("下划_专家", "农业_研究院", "节水_灌溉", 2);
        createExpert("反斜\\专家", "农业\\研究院", "节水\\灌溉", 3);
        createExpert("普通专家", "农业研究院", "节水灌溉", 4);

        assertThat(experts("name", "%")).containsExactly("百分%专家");
        assertThat(experts("name", "_")).containsExactly("下划_专家");
        assertThat(experts("name", "\\")).containsExactly("反斜\\专家");
        assertThat(experts("name", "分%专")).containsExactly("百分%专家");
        assertThat(experts("organization", "%")).containsExactly("百分%专家");
        assertThat(experts("organization", "_")).containsExactly("下划_专家");
        assertThat(experts("keyword", "%")).containsExactly("百分%专家");
        assertThat(experts("keyword", "_")).containsExactly("下划_专家");
        // Without wildcards the search still finds parts of names.
        assertThat(experts("name", "专家")).contains("百分%专家", "下划_专家", "反斜\\专家", "普通专家");
    }

    @Test
    void theOrganisationQueueMatchesWildcardsLiterally() throws Exception {
        String percent = register("百分%测试科技有限公司", 1);
        String underscore = register("下划_测试科技有限公司", 2);

        assertThat(organizations("%")).containsExactly(percent);
        assertThat(organizations("_")).containsExactly(underscore);
        assertThat(organizations("\\")).isEmpty();
        assertThat(organizations("测试科技")).contains(percent, underscore);
    }

    @Test
    void theAuditSearchMatchesWildcardsLiterally() throws Exception {
        JsonNode all = call(get("/api/v1/audit-events").param("size", "100"), "auditadmin");
        assertThat(all.get("totalElements").asLong()).as("audit records of the demo start").isPositive();

        assertThat(call(get("/api/v1/audit-events").param("q", "%"), "auditadmin").get("totalElements").asLong())
                .as("records whose action or actor contains a percent sign").isZero();
        JsonNode underscore = call(get("/api/v1/audit-events").param("q", "_").param("size", "100"), "auditadmin");
        assertThat(underscore.get("content")).isNotEmpty()
                .allSatisfy(r -> assertThat(r.get("action").asString() + " " + r.get("actor").asString()).contains("_"));
        // An action with its last letter replaced by _: as a wildcard it would find that action again.
        String action = all.get("content").get(0).get("action").asString();
        String probe = action.substring(0, action.length() - 1) + "_";
        assertThat(call(get("/api/v1/audit-events").param("q", action), "auditadmin").get("totalElements").asLong())
                .isPositive();
        assertThat(call(get("/api/v1/audit-events").param("q", probe), "auditadmin").get("totalElements").asLong())
                .as("records matching %s", probe).isZero();
    }

    @Test
    void theOfficeTableMatchesWildcardsLiterally() throws Exception {
        AccountView leader = accounts.findByUsername("uni-leader").orElseThrow();
        insertSubmitted(leader, "2023-SCO-910001", "新疆%示范大学");
        insertSubmitted(leader, "2023-SCO-910002", "新疆_示范大学");
        insertSubmitted(leader, "2023-SCO-910003", "新疆示范大学");

        assertThat(officeTable("%")).containsExactly("新疆%示范大学");
        assertThat(officeTable("_")).containsExactly("新疆_示范大学");
        assertThat(officeTable("\\")).isEmpty();
        assertThat(officeTable("示范大学")).contains("新疆%示范大学", "新疆_示范大学", "新疆示范大学");
    }

    private void createExpert(String name, String organization, String keyword, int seed) throws Exception {
        String first17 = String.format("126500009%08d", 70_000_000 + seed);
        String body = """
                {"fullName":"%s","organizationName":"%s","organizationCode":"%s","country":"CN",
                 "title":"教授","fields":["MODERN_AGRICULTURE"],"keywords":["%s"],
                 "languages":["zh"],"email":"wildcard%d@example.org"}"""
                .formatted(name.replace("\\", "\\\\"), organization.replace("\\", "\\\\"),
                        first17 + CreditCode.checkCharacter(first17), keyword.replace("\\", "\\\\"), seed);
        mvc.perform(post("/api/v1/experts").with(httpBasic("officer", PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                .content(body)).andExpect(status().isCreated());
    }

    private List<String> experts(String parameter, String value) throws Exception {
        return names(call(get("/api/v1/experts").param(parameter, value).param("size", "100"), "officer"), "fullName");
    }

    private String register(String name, int seed) throws Exception {
        String body = Codes.registration(Codes.creditCode("91", "650100"), "ENTERPRISE", "650102",
                "wildcard" + seed + System.nanoTime() % 100_000, "Enterprise#2026").replace("测试科技有限公司", name);
        mvc.perform(post("/api/v1/organizations/registrations").contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated());
        return name;
    }

    private List<String> organizations(String q) throws Exception {
        return names(call(get("/api/v1/organizations").param("q", q).param("size", "100"), "officer"), "name");
    }

    private void insertSubmitted(AccountView leader, String receipt, String organization) {
        Timestamp now = Timestamp.from(Instant.parse("2023-05-10T02:00:00Z"));
        jdbc.update("""
                insert into application (call_code, organization_id, leader_id, title, status, created_at, updated_at,
                    version, submitted_versions, receipt_number, submitted_at, category, scope_code, field_code,
                    partner_countries, fiscal, self_raised, organization_name, organization_type, leader_name)
                values ('2023-SCO', ?, ?, '通配符测试', 'SUBMITTED', ?, ?, 0, 1, ?, ?, 'GENERAL', 'G2', null, 'RU',
                    100, 0, ?, 'UNIVERSITY', ?)""",
                leader.organizationId(), leader.id(), now, now, receipt, now, organization, leader.fullName());
    }

    private List<String> officeTable(String organization) throws Exception {
        return names(call(get("/api/v1/calls/2023-SCO/applications").param("organization", organization)
                .param("size", "100"), "officer"), "organizationName");
    }

    private JsonNode call(MockHttpServletRequestBuilder request, String user) throws Exception {
        return json.readTree(mvc.perform(request.with(httpBasic(user, PASSWORD))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
    }

    private static List<String> names(JsonNode page, String field) {
        List<String> names = new ArrayList<>();
        page.get("content").forEach(row -> names.add(row.get(field).asString()));
        return names;
    }
}
