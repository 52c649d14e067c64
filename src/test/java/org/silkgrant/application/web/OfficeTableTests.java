package org.silkgrant.application.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.StreamSupport;

import jakarta.servlet.http.Cookie;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.silkgrant.SilkGrantTest;
import org.silkgrant.account.AccountManagement;
import org.silkgrant.account.AccountView;
import org.silkgrant.account.NewAccount;
import org.silkgrant.account.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The program office's table of a call: every filter narrows the rows, drafts are counted but not listed, the
 * counts per status are right, only officers get in, and the 汇总表 holds exactly the rows of the filtered table.
 */
@SilkGrantTest
@DirtiesContext
class OfficeTableTests {

    private static final String PASSWORD = SilkGrantTest.DEMO_PASSWORD;
    private static final String TABLE = "/api/v1/calls/2023-SCO/applications";

    /** A context of its own: the counts of the call must see this class's applications only. */
    @TestConfiguration
    static class OwnContext {
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    AccountManagement accounts;

    private static boolean seeded;
    private static String submittedReceipt;

    @BeforeEach
    void seed() throws Exception {
        if (seeded) {
            return;
        }
        submittedReceipt = submitThroughTheApi();
        AccountView university = accounts.findByUsername("uni-leader").orElseThrow();
        AccountView enterprise = accounts.findByUsername("ent-leader").orElseThrow();
        insert(university, "2023-SCO-900001", "SUBMITTED", 1, "GENERAL", "G3", "ECOLOGICAL_ENVIRONMENT", "KZ,RU",
                "100", "0", "新疆大学", "UNIVERSITY", "阿尔泰山生态廊道联合观测");
        insert(enterprise, "2023-SCO-900002", "ACCEPTED", 1, "KEY", "K1", "NEW_ENERGY", "MN",
                "250.5", "600", "新疆金风科技股份有限公司", "ENTERPRISE", "风光储一体化示范");
        insert(enterprise, "2023-SCO-900003", "RETURNED", 1, "GENERAL", "G1", "NEW_MATERIALS", "RU",
                "80", "160.125", "=HYPERLINK(\"http://evil\")材料公司", "ENTERPRISE", "-2+3 新材料中试");
        insert(university, "2023-SCO-900004", "RECOMMENDED", 2, "GENERAL", "G3", "CLIMATE_CHANGE", "KZ",
                "50.75", "0", "中国科学院新疆生态与地理研究所", "RESEARCH_INSTITUTE", "+cmd|' /C calc'!A0");
        insert(university, "2023-SCO-900005", "UNDER_REVIEW", 1, "GENERAL", "G5", "MEDICINE_HEALTH", "UZ",
                "30", "10", "新疆医科大学第一附属医院", "HOSPITAL", "@SUM(1+1) 民族医药合作");
        insert(university, null, "DRAFT", 0, null, null, null, null, null, null, "新疆大学", "UNIVERSITY", "草稿一");
        insert(enterprise, null, "DRAFT", 0, null, null, null, null, null, null, "新疆金风科技股份有限公司",
                "ENTERPRISE", "草稿二");
        seeded = true;
    }

    private void insert(AccountView leader, String receipt, String status, int versions, String category,
            String scope, String field, String countries, String fiscal, String selfRaised, String organization,
            String type, String title) {
        Timestamp now = Timestamp.from(Instant.parse("2023-05-10T02:00:00Z").plusSeconds(receipt == null ? 0
                : Long.parseLong(receipt.substring(9)) - 900_000));
        jdbc.update("""
                insert into application (call_code, organization_id, leader_id, title, status, created_at, updated_at,
                    version, submitted_versions, receipt_number, submitted_at, category, scope_code, field_code,
                    partner_countries, fiscal, self_raised, organization_name, organization_type, leader_name)
                values ('2023-SCO', ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                leader.organizationId(), leader.id(), title, status, now, now, versions, receipt,
                receipt == null ? null : now, category, scope, field, countries,
                fiscal == null ? null : new BigDecimal(fiscal), selfRaised == null ? null : new BigDecimal(selfRaised),
                organization, type, leader.fullName());
    }

    /** A complete G3 application of a new university leader, submitted: the stored columns come from its content. */
    private String submitThroughTheApi() throws Exception {
        String leader = "office-table-leader";
        accounts.create(new NewAccount(leader, PASSWORD, "王海", null, null,
                accounts.findByUsername("uni-leader").orElseThrow().organizationId(), Set.of(Role.APPLICANT), null),
                "test", null);
        long id = call(post("/api/v1/applications").with(httpBasic(leader, PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"callCode\":\"2023-SCO\",\"title\":\"阿尔泰区域生态监测联合研究\"}"), 201).get("id").asLong();
        Map<String, String> sections = Map.of(
                "basics", "{\"title\":\"阿尔泰区域生态监测联合研究\",\"category\":\"GENERAL\",\"scope\":\"G3\","
                        + "\"field\":\"ECOLOGICAL_ENVIRONMENT\",\"startDate\":\"2024-01-01\",\"endDate\":\"2026-06-30\","
                        + "\"keywords\":[\"生态\"],\"summary\":\"摘要\",\"recommendingDepartment\":\"650100\"}",
                "narrative", "{\"objectives\":\"目标\",\"rationale\":\"理由\",\"content\":\"内容\",\"channels\":\"渠道\","
                        + "\"responsibilities\":\"责任\",\"plan\":\"方案\",\"expectedResults\":\"成效\"}",
                "team", "{\"members\":[{\"fullName\":\"王海\",\"role\":\"LEADER\",\"title\":\"教授\"},"
                        + "{\"fullName\":\"李四\",\"role\":\"RESEARCH_ASSISTANT\",\"title\":\"科研助理\"}]}",
                "partners", "{\"partners\":[{\"country\":\"RU\",\"regionCode\":\"RU-ALT\",\"name\":\"Altai State University\","
                        + "\"address\":\"Barnaul\",\"people\":[{\"fullName\":\"Ivan Petrov\",\"position\":\"Professor\",\"role\":\"PI\"}]}]}",
                "budget", "{\"fiscal\":\"120.5\",\"selfRaised\":\"0\",\"lines\":["
                        + "{\"category\":\"EQUIPMENT\",\"source\":\"FISCAL\",\"amount\":\"80.5\"},"
                        + "{\"category\":\"OPERATING\",\"source\":\"FISCAL\",\"amount\":\"40\"}]}",
                "indicators", "{\"indicators\":[{\"kind\":\"PATENT_APPLICATION\",\"description\":\"发明专利申请\",\"quantity\":2,\"unit\":\"件\"}]}",
                "ethics", "{\"humanSubjects\":false,\"humanGeneticResources\":false,\"laboratoryAnimals\":false}",
                "agreement", "{\"scienceInput\":\"第3条\",\"divisionOfWork\":\"第4条\",\"ipOwnership\":\"第6条\",\"resultsOwnership\":\"第7条\"}");
        long version = call(get("/api/v1/applications/{id}", id).with(httpBasic(leader, PASSWORD)), 200).get("version").asLong();
        for (var section : sections.entrySet()) {
            version = call(put("/api/v1/applications/{id}/sections/{name}", id, section.getKey())
                    .with(httpBasic(leader, PASSWORD)).header("If-Match", String.valueOf(version))
                    .contentType(MediaType.APPLICATION_JSON).content(section.getValue()), 200).get("version").asLong();
        }
        mvc.perform(multipart("/api/v1/applications/{id}/attachments", id).file(new MockMultipartFile("file",
                        "agreement.pdf", "application/pdf", AttachmentApiTests.pdf()))
                        .param("kind", "COOPERATION_AGREEMENT").with(httpBasic(leader, PASSWORD)))
                .andExpect(status().isCreated());
        return call(post("/api/v1/applications/{id}/submit", id).with(httpBasic(leader, PASSWORD)), 200)
                .get("receipt").get("number").asString();
    }

    private JsonNode call(MockHttpServletRequestBuilder request, int expectedStatus) throws Exception {
        var response = mvc.perform(request).andReturn().getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(expectedStatus);
        return json.readTree(response.getContentAsString());
    }

    private JsonNode table(String query) throws Exception {
        return call(get(TABLE + query).with(httpBasic("officer", PASSWORD)), 200);
    }

    private List<String> receipts(String query) throws Exception {
        return StreamSupport.stream(table(query).get("content").spliterator(), false)
                .map(row -> row.get("receiptNumber").asString()).toList();
    }

    @Test
    void listsEveryApplicationSubmittedOnceButNoDraftInReceiptOrder() throws Exception {
        assertThat(receipts("")).containsExactly(submittedReceipt, "2023-SCO-900001", "2023-SCO-900002",
                "2023-SCO-900003", "2023-SCO-900004", "2023-SCO-900005");
    }

    @Test
    void draftsAreListedOnlyWhenAskedForAndTheOfficeExtendsOneFromTheTable() throws Exception {
        JsonNode drafts = table("?status=DRAFT");
        assertThat(drafts.get("content")).hasSize(2);
        Long draftId = drafts.get("content").get(0).get("id").asLong();
        String page = mvc.perform(get("/office/calls/2023-SCO/applications?status=DRAFT")
                        .with(user("officer").roles("PROGRAM_OFFICER")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("草稿一", "草稿二", "extendedUntil").doesNotContain("href=\"/applications/" + draftId + "\"");

        // The officer gives the draft until a future date; the extension is in its history and in the audit record.
        var officer = new org.silkgrant.account.SilkGrantUser(accounts.findByUsername("officer").orElseThrow().id(),
                "officer", "", "officer", null, java.util.Set.of(org.silkgrant.account.Role.PROGRAM_OFFICER), true,
                false, false);
        mvc.perform(post("/applications/" + draftId + "/transitions").with(user(officer))
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                        .param("action", "EXTEND").param("extendedUntil", "2099-01-31T18:00")
                        .param("back", "/office/calls/2023-SCO/applications?status=DRAFT"))
                .andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", "/office/calls/2023-SCO/applications?status=DRAFT"));
        assertThat(jdbc.queryForObject("select extended_until from application where id = ?", Timestamp.class, draftId)
                .toInstant()).isEqualTo(Instant.parse("2099-01-31T10:00:00Z"));
        assertThat(jdbc.queryForObject("select count(*) from application_transition where application_id = ? and action = 'EXTEND'",
                Integer.class, draftId)).isEqualTo(1);

        // A redirect elsewhere is never followed.
        mvc.perform(post("/applications/" + draftId + "/transitions").with(user(officer))
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                        .param("action", "EXTEND").param("extendedUntil", "2099-02-01T18:00")
                        .param("back", "https://evil.example/"))
                .andExpect(header().string("Location", "/applications/" + draftId + "#routing"));
    }

    @Test
    void theOfficersDashboardPanelCountsTheCallsApplicationsByStatus() throws Exception {
        String panel = mvc.perform(get("/queue/panel").with(user(officer())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(panel).contains("data-call=\"2023-SCO\"", "已受理 1", "退回修改 1", "草稿 2",
                "/office/calls/2023-SCO/applications");
    }

    @Test
    void anUnknownActionOnThePageIsTheFormsErrorNotAServerError() throws Exception {
        Long id = table("").get("content").get(0).get("id").asLong();
        mvc.perform(post("/applications/" + id + "/transitions").with(user(officer()))
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                        .param("action", "DELETE_EVERYTHING"))
                .andExpect(status().is3xxRedirection())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
                        .attribute("routingError", "输入有误，请检查后重试。"));
    }

    private org.silkgrant.account.SilkGrantUser officer() {
        return new org.silkgrant.account.SilkGrantUser(accounts.findByUsername("officer").orElseThrow().id(),
                "officer", "", "officer", null, java.util.Set.of(org.silkgrant.account.Role.PROGRAM_OFFICER), true,
                false, false);
    }

    @Test
    void theSubmittedApplicationShowsWhatItsContentSays() throws Exception {
        JsonNode row = table("?scope=G3&country=RU").get("content").get(0);
        assertThat(row.get("receiptNumber").asString()).isEqualTo(submittedReceipt);
        assertThat(row.get("title").asString()).isEqualTo("阿尔泰区域生态监测联合研究");
        assertThat(row.get("leaderName").asString()).isEqualTo("王海");
        assertThat(row.get("organizationType").asString()).isEqualTo("UNIVERSITY");
        assertThat(row.get("field").asString()).isEqualTo("ECOLOGICAL_ENVIRONMENT");
        assertThat(row.get("partnerCountries").get(0).asString()).isEqualTo("RU");
        assertThat(row.get("fiscal").isString()).isTrue();
        assertThat(new BigDecimal(row.get("fiscal").asString())).isEqualByComparingTo("120.5");
        assertThat(row.get("status").asString()).isEqualTo("SUBMITTED");
    }

    @Test
    void eachFilterNarrowsTheRows() throws Exception {
        assertThat(receipts("?status=SUBMITTED")).containsExactly(submittedReceipt, "2023-SCO-900001");
        assertThat(receipts("?status=ACCEPTED&status=RETURNED")).containsExactly("2023-SCO-900002", "2023-SCO-900003");
        assertThat(receipts("?status=ACCEPTED,UNDER_REVIEW")).containsExactly("2023-SCO-900002", "2023-SCO-900005");
        assertThat(receipts("?category=KEY")).containsExactly("2023-SCO-900002");
        assertThat(receipts("?scope=G3")).containsExactly(submittedReceipt, "2023-SCO-900001", "2023-SCO-900004");
        assertThat(receipts("?field=CLIMATE_CHANGE")).containsExactly("2023-SCO-900004");
        assertThat(receipts("?organization=金风")).containsExactly("2023-SCO-900002");
        assertThat(receipts("?organization=%25")).isEmpty();
        assertThat(receipts("?organization=hyperlink")).containsExactly("2023-SCO-900003");
        assertThat(receipts("?organizationType=ENTERPRISE")).containsExactly("2023-SCO-900002", "2023-SCO-900003");
        assertThat(receipts("?organizationType=HOSPITAL")).containsExactly("2023-SCO-900005");
        assertThat(receipts("?country=KZ")).containsExactly("2023-SCO-900001", "2023-SCO-900004");
        assertThat(receipts("?country=ru")).containsExactly(submittedReceipt, "2023-SCO-900001", "2023-SCO-900003");
        assertThat(receipts("?country=U")).isEmpty();
        assertThat(receipts("?fiscalMin=100")).containsExactly(submittedReceipt, "2023-SCO-900001", "2023-SCO-900002");
        assertThat(receipts("?fiscalMax=50.75")).containsExactly("2023-SCO-900004", "2023-SCO-900005");
        assertThat(receipts("?fiscalMin=50.75&fiscalMax=100")).containsExactly("2023-SCO-900001", "2023-SCO-900003",
                "2023-SCO-900004");
        assertThat(receipts("?selfRaisedMin=160.125")).containsExactly("2023-SCO-900002", "2023-SCO-900003");
        assertThat(receipts("?selfRaisedMax=10&selfRaisedMin=1")).containsExactly("2023-SCO-900005");
        assertThat(receipts("?scope=G3&organizationType=UNIVERSITY&country=RU&fiscalMax=100"))
                .containsExactly("2023-SCO-900001");
        assertThat(receipts("?category=&scope=&status=")).hasSize(6);
    }

    @Test
    void sortsAndPages() throws Exception {
        assertThat(receipts("?sort=FISCAL")).containsExactly("2023-SCO-900005", "2023-SCO-900004",
                "2023-SCO-900003", "2023-SCO-900001", submittedReceipt, "2023-SCO-900002");
        assertThat(receipts("?sort=FISCAL&desc=true").get(0)).isEqualTo("2023-SCO-900002");
        assertThat(receipts("?sort=SUBMITTED_AT&desc=true").get(0)).isEqualTo(submittedReceipt);
        JsonNode second = table("?size=4&page=1");
        assertThat(second.get("totalElements").asLong()).isEqualTo(6);
        assertThat(second.get("totalPages").asInt()).isEqualTo(2);
        assertThat(second.get("content")).hasSize(2);
        assertThat(second.get("content").get(0).get("receiptNumber").asString()).isEqualTo("2023-SCO-900004");
    }

    @Test
    void countsEveryStatusDraftsIncluded() throws Exception {
        JsonNode counts = table("?status=ACCEPTED").get("counts");
        assertThat(counts.get("DRAFT").asLong()).isEqualTo(2);
        assertThat(counts.get("SUBMITTED").asLong()).isEqualTo(2);
        assertThat(counts.get("ACCEPTED").asLong()).isEqualTo(1);
        assertThat(counts.get("RETURNED").asLong()).isEqualTo(1);
        assertThat(counts.get("RECOMMENDED").asLong()).isEqualTo(1);
        assertThat(counts.get("UNDER_REVIEW").asLong()).isEqualTo(1);
        assertThat(counts.get("AWARDED").asLong()).isZero();
        assertThat(table("").get("total").asLong()).isEqualTo(8);
    }

    @Test
    void onlyProgramOfficersGetIn() throws Exception {
        for (String other : List.of("ent-leader", "uni-leader", "ent-admin", "uni-admin")) {
            mvc.perform(get(TABLE).with(httpBasic(other, PASSWORD))).andExpect(status().isForbidden());
            mvc.perform(get(TABLE + ".xlsx").with(httpBasic(other, PASSWORD))).andExpect(status().isForbidden());
        }
        mvc.perform(get(TABLE)).andExpect(status().isUnauthorized());
        mvc.perform(get("/office/calls/2023-SCO/applications").with(user("uni-admin").roles("ORG_ADMIN")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/office/calls/2023-SCO/applications.xlsx").with(user("ent-leader").roles("APPLICANT")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/office/calls/2023-SCO/applications")).andExpect(status().is3xxRedirection());
    }

    @Test
    void anUnknownCallIsNotFound() throws Exception {
        mvc.perform(get("/api/v1/calls/1999-NONE/applications").with(httpBasic("officer", PASSWORD)))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/v1/calls/1999-NONE/applications.xlsx").with(httpBasic("officer", PASSWORD)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/office/calls/1999-NONE/applications").with(user("officer").roles("PROGRAM_OFFICER")))
                .andExpect(status().isNotFound());
    }

    @Test
    void thePageShowsTheFilteredRowsCountsAndAnExportLinkWithTheSameFilter() throws Exception {
        String html = mvc.perform(get("/office/calls/2023-SCO/applications").param("scope", "G3")
                        .param("organization", "新疆 <b>").param("status", "SUBMITTED", "RECOMMENDED")
                        .with(user("officer").roles("PROGRAM_OFFICER")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("id=\"no-rows\"").doesNotContain("2023-SCO-900001")
                .contains("新疆 &lt;b&gt;").doesNotContain("新疆 <b>");
        html = mvc.perform(get("/office/calls/2023-SCO/applications").param("scope", "G3")
                        .param("organization", "新疆").param("status", "SUBMITTED", "RECOMMENDED")
                        .with(user("officer").roles("PROGRAM_OFFICER")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("id=\"office-table\"", "2023-SCO-900001", "2023-SCO-900004").doesNotContain("2023-SCO-900002")
                .contains("href=\"/office/calls/2023-SCO/applications.xlsx?status=SUBMITTED&amp;status=RECOMMENDED"
                        + "&amp;scope=G3&amp;organization=%E6%96%B0%E7%96%86\"")
                .contains("data-status=\"DRAFT\"")
                .contains("href=\"/applications/");
        String english = mvc.perform(get("/office/calls/2023-SCO/applications").cookie(new Cookie("silkgrant-lang", "en"))
                        .with(user("officer").roles("PROGRAM_OFFICER")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(english).contains("Export Excel", "Receipt number");
    }

    @Test
    void theCallPageLinksOfficersToTheTable() throws Exception {
        assertThat(mvc.perform(get("/calls/2023-SCO").with(user("officer").roles("PROGRAM_OFFICER")))
                .andReturn().getResponse().getContentAsString()).contains("/office/calls/2023-SCO/applications");
        assertThat(mvc.perform(get("/calls/2023-SCO")).andReturn().getResponse().getContentAsString())
                .doesNotContain("/office/calls/2023-SCO/applications");
    }

    @Test
    void theExportHoldsExactlyTheFilteredRowsAsTextAndNumbers() throws Exception {
        JsonNode expected = table("?status=SUBMITTED&status=ACCEPTED&status=RETURNED&sort=FISCAL&desc=true");
        byte[] file = export("?status=SUBMITTED&status=ACCEPTED&status=RETURNED&sort=FISCAL&desc=true", "zh-CN");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(file))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).contains("2023", "北京时间");
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("受理编号");
            assertThat(sheet.getRow(1).getCell(7).getStringCellValue()).isEqualTo("申请财政资金（万元）");
            List<String> receipts = new ArrayList<>();
            List<BigDecimal> fiscal = new ArrayList<>();
            List<BigDecimal> selfRaised = new ArrayList<>();
            for (int i = 2; i <= sheet.getLastRowNum(); i++) {
                Row row = sheet.getRow(i);
                receipts.add(row.getCell(0).getStringCellValue());
                assertThat(row.getCell(7).getCellType()).isEqualTo(CellType.NUMERIC);
                assertThat(row.getCell(7).getCellStyle().getDataFormatString()).isEqualTo("0.00");
                fiscal.add(BigDecimal.valueOf(row.getCell(7).getNumericCellValue()));
                selfRaised.add(BigDecimal.valueOf(row.getCell(8).getNumericCellValue()));
            }
            List<JsonNode> rows = StreamSupport.stream(expected.get("content").spliterator(), false).toList();
            assertThat(receipts).containsExactlyElementsOf(rows.stream().map(r -> r.get("receiptNumber").asString()).toList());
            assertThat(receipts).hasSize(4);
            for (int i = 0; i < rows.size(); i++) {
                assertThat(fiscal.get(i)).isEqualByComparingTo(rows.get(i).get("fiscal").asString());
                assertThat(selfRaised.get(i)).isEqualByComparingTo(rows.get(i).get("selfRaised").asString());
            }
            Row returned = sheet.getRow(2 + receipts.indexOf("2023-SCO-900003"));
            assertThat(returned.getCell(2).getCellType()).isEqualTo(CellType.STRING);
            assertThat(returned.getCell(2).getStringCellValue()).isEqualTo("=HYPERLINK(\"http://evil\")材料公司");
            assertThat(returned.getCell(1).getCellType()).isEqualTo(CellType.STRING);
            assertThat(returned.getCell(4).getStringCellValue()).startsWith("G1 ");
            assertThat(returned.getCell(6).getStringCellValue()).isEqualTo("俄罗斯");
            assertThat(returned.getCell(9).getStringCellValue()).isEqualTo("退回修改");
        }
    }

    @Test
    void theExportSpeaksTheRequestLanguageAndCarriesAUtf8FileName() throws Exception {
        MvcResult started = mvc.perform(get(TABLE + ".xlsx?status=RECOMMENDED&status=UNDER_REVIEW")
                        .header("Accept-Language", "ru").with(httpBasic("officer", PASSWORD)))
                .andExpect(request().asyncStarted()).andReturn();
        byte[] file = mvc.perform(asyncDispatch(started)).andExpect(status().isOk())
                .andExpect(header().string("Content-Type", SummaryWorkbook.MEDIA_TYPE))
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.containsString("filename*=UTF-8''")))
                .andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(file))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("Номер регистрации");
            assertThat(sheet.getRow(1).getCell(9).getStringCellValue()).isEqualTo("Статус");
            assertThat(sheet.getLastRowNum()).isEqualTo(3);
            assertThat(sheet.getRow(2).getCell(1).getStringCellValue()).isEqualTo("+cmd|' /C calc'!A0");
            assertThat(sheet.getRow(3).getCell(1).getStringCellValue()).isEqualTo("@SUM(1+1) 民族医药合作");
        }
        MvcResult page = mvc.perform(get("/office/calls/2023-SCO/applications.xlsx?scope=G5")
                        .with(user("officer").roles("PROGRAM_OFFICER")))
                .andExpect(request().asyncStarted()).andReturn();
        byte[] fromPage = mvc.perform(asyncDispatch(page)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsByteArray();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(fromPage))) {
            assertThat(workbook.getSheetAt(0).getLastRowNum()).isEqualTo(2);
            assertThat(workbook.getSheetAt(0).getRow(2).getCell(0).getStringCellValue()).isEqualTo("2023-SCO-900005");
        }
    }

    private byte[] export(String query, String language) throws Exception {
        MvcResult started = mvc.perform(get(TABLE + ".xlsx" + query).header("Accept-Language", language)
                        .with(httpBasic("officer", PASSWORD)))
                .andExpect(request().asyncStarted()).andReturn();
        return mvc.perform(asyncDispatch(started)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsByteArray();
    }
}
