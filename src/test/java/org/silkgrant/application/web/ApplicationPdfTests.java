package org.silkgrant.application.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.silkgrant.SilkGrantTest;
import org.silkgrant.account.AccountManagement;
import org.silkgrant.account.NewAccount;
import org.silkgrant.account.Role;
import org.silkgrant.document.PdfChecks;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * {@code GET /api/v1/applications/{id}/pdf}: the 申报书 as PDF/A-2u with the real characters in its text layer,
 * what the applicant typed shown as text, 「草稿」 until submitted, and nothing for other organisations.
 */
@SilkGrantTest
@DirtiesContext
class ApplicationPdfTests {

    private static final String PASSWORD = SilkGrantTest.DEMO_PASSWORD;
    private static final String TITLE = "阿尔泰区域生态监测联合研究";
    private static final String SCRIPT = "<script>alert(1)</script>";

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Autowired
    AccountManagement accounts;

    /** A new leader in the demo user's organisation, so that each test stays within the project limit. */
    private String leaderLike(String demoUser) {
        return leaderLike(demoUser, "王晓明");
    }

    private String leaderLike(String demoUser, String fullName) {
        String username = demoUser + "-pdf-" + System.nanoTime() % 1_000_000;
        accounts.create(new NewAccount(username, PASSWORD, fullName, null, null,
                accounts.findByUsername(demoUser).orElseThrow().organizationId(), Set.of(Role.APPLICANT), null), "test", null);
        return username;
    }

    private JsonNode call(MockHttpServletRequestBuilder request, int expectedStatus) throws Exception {
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(expectedStatus);
        return json.readTree(response.getContentAsString());
    }

    private long application(String leader) throws Exception {
        return application(leader, Map.of());
    }

    /** The application with some sections written otherwise; a section mapped to "" is left as it was created. */
    private long application(String leader, Map<String, String> instead) throws Exception {
        long id = call(post("/api/v1/applications").with(httpBasic(leader, PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"callCode\":\"2023-SCO\",\"title\":\"" + TITLE + "\"}"), 201).get("id").asLong();
        Map<String, String> sections = new LinkedHashMap<>();
        sections.put("basics", "{\"title\":\"" + TITLE + "\",\"category\":\"GENERAL\",\"scope\":\"G3\","
                + "\"startDate\":\"2024-01-01\",\"endDate\":\"2026-06-30\",\"keywords\":[\"生态\",\"监测\"],"
                + "\"summary\":\"以阿尔泰山跨境区域为对象，联合建立生态监测网络。\",\"recommendingDepartment\":\"650100\"}");
        sections.put("narrative", "{\"objectives\":\"建立覆盖中俄哈蒙四国阿尔泰区域的生态监测网络。\\n第二段：" + SCRIPT + "\","
                + "\"rationale\":\"阿尔泰山是跨境生态屏障。" + "跨境合作十分必要，".repeat(40) + "\",\"content\":\"监测站点建设与数据共享\","
                + "\"channels\":\"政府间科技合作协定\",\"responsibilities\":\"中方负责站点，俄方负责遥感\",\"plan\":\"2024年建站；2025年联网；2026年评估\","
                + "\"expectedResults\":\"发布监测报告一份\"}");
        sections.put("team", "{\"members\":[{\"fullName\":\"王晓明\",\"role\":\"LEADER\",\"title\":\"教授\",\"organization\":\"新疆示范大学\"},"
                + "{\"fullName\":\"李四\",\"role\":\"RESEARCH_ASSISTANT\",\"title\":\"科研助理\",\"organization\":\"新疆示范大学\","
                + "\"email\":\"a.very.long.email.address.for.wrapping@research-assistant.example.edu.cn\"}]}");
        sections.put("partners", "{\"partners\":[{\"country\":\"RU\",\"regionCode\":\"RU-ALT\",\"name\":\"Алтайский государственный университет (Altai State University)\","
                + "\"address\":\"пр. Ленина, 61, Барнаул\",\"people\":[{\"fullName\":\"Иван Петров\",\"position\":\"Professor\",\"role\":\"PI\"}]}]}");
        sections.put("budget", "{\"fiscal\":\"100\",\"selfRaised\":\"20.5\",\"lines\":["
                + "{\"category\":\"EQUIPMENT\",\"source\":\"FISCAL\",\"amount\":\"60\"},"
                + "{\"category\":\"OPERATING\",\"source\":\"FISCAL\",\"amount\":\"40\"},"
                + "{\"category\":\"OPERATING\",\"source\":\"SELF_RAISED\",\"amount\":\"20.5\"}]}");
        sections.put("indicators", "{\"indicators\":[{\"kind\":\"PATENT_APPLICATION\",\"description\":\"发明专利申请\",\"quantity\":2,\"unit\":\"件\"}]}");
        sections.put("ethics", "{\"humanSubjects\":false,\"humanGeneticResources\":false,\"laboratoryAnimals\":false}");
        sections.put("agreement", "{\"scienceInput\":\"第3条\",\"divisionOfWork\":\"第4条\",\"ipOwnership\":\"第6条\",\"resultsOwnership\":\"第7条\"}");
        sections.putAll(instead);
        sections.values().removeIf(String::isEmpty);
        for (var section : sections.entrySet()) {
            long version = call(get("/api/v1/applications/{id}", id).with(httpBasic(leader, PASSWORD)), 200).get("version").asLong();
            call(put("/api/v1/applications/{id}/sections/{name}", id, section.getKey()).with(httpBasic(leader, PASSWORD))
                    .header("If-Match", String.valueOf(version)).contentType(MediaType.APPLICATION_JSON)
                    .content(section.getValue()), 200);
        }
        mvc.perform(multipart("/api/v1/applications/{id}/attachments", id).file(new MockMultipartFile("file",
                        "合作协议.pdf", "application/pdf", AttachmentApiTests.pdf()))
                        .param("kind", "COOPERATION_AGREEMENT").with(httpBasic(leader, PASSWORD)))
                .andExpect(status().isCreated());
        return id;
    }

    private MockHttpServletResponse pdf(long id, String user) throws Exception {
        // The PDF is rendered off the request thread: the response comes with the asynchronous dispatch.
        var result = mvc.perform(get("/api/v1/applications/{id}/pdf", id).with(httpBasic(user, PASSWORD))).andReturn();
        if (result.getRequest().isAsyncStarted()) {
            result = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch(result))
                    .andReturn();
        }
        return result.getResponse();
    }

    @Test
    void theDraftIsAPdfAWithTheRealTextTheTypedMarkupAsTextAndTheDraftMark() throws Exception {
        String leader = leaderLike("uni-leader");
        long id = application(leader);

        MockHttpServletResponse response = pdf(id, leader);

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentType()).isEqualTo("application/pdf");
        assertThat(response.getHeader("Content-Disposition")).startsWith("inline; filename=").contains("UTF-8''");
        byte[] pdf = response.getContentAsByteArray();
        assertThat(new String(pdf, 0, 4, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF");
        String text = PdfChecks.text(pdf);
        assertThat(text).contains(TITLE, "申报书", "新疆示范大学", SCRIPT, "王晓明", "第 1 页", "目", "页",
                "120.50", "20.50", "科研助理", "Алтайский государственный университет", "合作协议.pdf", "草稿");
        assertThat(text.replaceAll("\\s", "")).contains("DRAFT");
        assertThat(text).doesNotContain("\u2F6C", "\u2EDA");
        PdfChecks.assertPdfA2u(pdf);
        PdfChecks.screenshots(pdf, "application-pdf-draft");
    }

    @Test
    void aSubmittedApplicationCarriesItsReceiptAndNoDraftMark() throws Exception {
        String leader = leaderLike("uni-leader");
        long id = application(leader);
        JsonNode submitted = call(post("/api/v1/applications/{id}/submit", id).with(httpBasic(leader, PASSWORD)), 200);
        String number = submitted.get("receipt").get("number").asString();

        MockHttpServletResponse response = pdf(id, leader);

        assertThat(response.getStatus()).isEqualTo(200);
        byte[] pdf = response.getContentAsByteArray();
        String text = PdfChecks.text(pdf);
        assertThat(text).contains(TITLE, number, "已提交").doesNotContain("草稿 /");
        assertThat(text.replaceAll("\\s", "")).doesNotContain("DRAFT");
        PdfChecks.assertPdfA2u(pdf);
        // The organisation's admin sees it too.
        assertThat(pdf(id, "uni-admin").getStatus()).isEqualTo(200);
    }

    @Test
    void theCoverAndTheTeamTableNameTheSameLeaderAndEthicsAnswersArePrintedAsGiven() throws Exception {
        // The team is left as the new application starts it: the account holder as 项目负责人.
        String leader = leaderLike("uni-leader", "古丽娜尔·吐尔逊");
        long id = application(leader, Map.of("team", "",
                "ethics", "{\"humanSubjects\":true,\"humanGeneticResources\":false,\"laboratoryAnimals\":null}"));

        String text = PdfChecks.text(pdf(id, leader).getContentAsByteArray());

        Matcher cover = Pattern.compile("项目负责人\\s*(\\S+)").matcher(text);
        assertThat(cover.find()).as(text).isTrue();
        String team = text.substring(text.indexOf("十、项目组成员"));
        // A long name wraps in the table's narrow column.
        Matcher row = Pattern.compile("(?s)\\n1\\s+(.+?)\\s+项目负责人").matcher(team);
        assertThat(row.find()).as(team).isTrue();
        assertThat(cover.group(1)).isEqualTo("古丽娜尔·吐尔逊").isEqualTo(row.group(1).replaceAll("\\s", ""));
        String ethics = text.substring(text.indexOf("十一、伦理与合规"), text.indexOf("十二、"));
        assertThat(ethics.replaceAll("\\s", "")).contains("人体被试（人体研究）涉及", "人类遗传资源不涉及", "实验动物未填写");
    }

    @Test
    void anotherOrganisationGetsNotFound() throws Exception {
        String leader = leaderLike("uni-leader");
        long id = call(post("/api/v1/applications").with(httpBasic(leader, PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"callCode\":\"2023-SCO\",\"title\":\"空白申报书\"}"), 201).get("id").asLong();

        assertThat(pdf(id, "ent-leader").getStatus()).isEqualTo(404);
        assertThat(mvc.perform(get("/api/v1/applications/{id}/pdf", id)).andReturn().getResponse().getStatus()).isEqualTo(401);
        // An application with nothing but its title still prints.
        assertThat(PdfChecks.text(pdf(id, leader).getContentAsByteArray())).contains("空白申报书", "新疆示范大学");
    }
}
