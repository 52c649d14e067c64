package org.silkgrant.application.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.silkgrant.SilkGrantTest;
import org.silkgrant.account.SilkGrantUser;
import org.silkgrant.application.ApplicationManagement;
import org.silkgrant.application.ApplicationView;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import tools.jackson.databind.JsonNode;

/**
 * The application pages: the list with its "new application" form, the editor with every section and the live
 * checklist in three languages, autosaving a section (saved, conflict, field errors), rows saved as arrays, exact
 * money, nothing of another organisation, read-only for the organisation admin, and text never turned into markup.
 */
@SilkGrantTest
@DirtiesContext
class ApplicationEditorPagesTests {

    private static final String CALL = "2023-SCO";
    private static final String[] SECTIONS = {"basics", "coApplicants", "partners", "narrative", "agreement",
            "indicators", "budget", "team", "ethics"};

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationManagement applications;

    @Autowired
    UserDetailsService users;

    private MockHttpSession leader;

    @BeforeEach
    void signIn() throws Exception {
        leader = signIn("uni-leader");
    }

    private MockHttpSession signIn(String username) throws Exception {
        return (MockHttpSession) mvc.perform(post("/login").param("username", username)
                        .param("password", SilkGrantTest.DEMO_PASSWORD).with(csrf()))
                .andExpect(redirectedUrl("/dashboard"))
                .andReturn().getRequest().getSession(false);
    }

    private SilkGrantUser user(String username) {
        return (SilkGrantUser) users.loadUserByUsername(username);
    }

    private static Cookie language(String tag) {
        return new Cookie("silkgrant-lang", tag);
    }

    private long create(String title) throws Exception {
        String location = mvc.perform(post("/applications").session(leader).with(csrf())
                        .param("callCode", CALL).param("title", title))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrlPattern("/applications/*"))
                .andReturn().getResponse().getRedirectedUrl();
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    private ApplicationView read(long id) {
        return applications.get(user("uni-leader"), id);
    }

    /** An autosave as htmx sends it: the form's fields, the version it started from, the CSRF token. */
    private MockHttpServletRequestBuilder autosave(long id, String section, long version, String... namesAndValues) {
        MockHttpServletRequestBuilder request = post("/applications/{id}/sections/{name}", id, section)
                .session(leader).with(csrf()).header("HX-Request", "true").param("version", String.valueOf(version));
        for (int i = 0; i < namesAndValues.length; i += 2) {
            request.param(namesAndValues[i], namesAndValues[i + 1]);
        }
        return request;
    }

    private static int count(String text, String part) {
        Matcher m = Pattern.compile(Pattern.quote(part)).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    @Test
    void theListOffersOpenCallsAndANewApplicationOpensInTheEditor() throws Exception {
        mvc.perform(get("/applications").session(leader))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("我的申报书"), containsString("新建申报书"),
                        containsString("value=\"" + CALL + "\""), containsString("name=\"_csrf\""))));

        long id = create("阿尔泰生态监测联合研究");

        mvc.perform(get("/applications").session(leader))
                .andExpect(content().string(allOf(containsString("阿尔泰生态监测联合研究"),
                        containsString("href=\"/applications/" + id + "\""), containsString("草稿"),
                        containsString("上合计划"))));
        mvc.perform(get("/applications/{id}", id).session(leader))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("阿尔泰生态监测联合研究")));
    }

    @Test
    void theDashboardPanelListsTheLatestApplicationsOrSaysThereAreNone() throws Exception {
        long id = create("工作台面板测试");
        mvc.perform(get("/applications/panel").session(leader).header("HX-Request", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("我的申报书"), containsString("工作台面板测试"),
                        containsString("href=\"/applications/" + id + "\""), containsString("草稿"),
                        containsString("href=\"/applications#new-application\""), not(containsString("<html")))));
        mvc.perform(get("/applications/panel").session(signIn("ent-leader")).header("HX-Request", "true"))
                .andExpect(content().string(allOf(containsString("我的申报书"), containsString("暂无申报书。"))));
    }

    @Test
    void aTitleTooLongIsShownOnTheFormAndNothingIsCreated() throws Exception {
        long before = applications.list(user("uni-leader"), null, null, 0, 100).getTotalElements();

        mvc.perform(post("/applications").session(leader).with(csrf()).param("callCode", CALL).param("title", "长".repeat(31)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("id=\"title-errors\""),
                        containsString("项目名称不超过 30 个字。"), containsString("value=\"" + "长".repeat(31) + "\""))));
        mvc.perform(post("/applications").session(leader).with(csrf()).param("callCode", "NO-SUCH").param("title", "x")
                        .cookie(language("en")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("id=\"callCode-errors\""), not(containsString("??")))));

        assertThat(applications.list(user("uni-leader"), null, null, 0, 100).getTotalElements()).isEqualTo(before);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "zh-CN | 项目基本信息 | 形式要件核查 | 项目组设置了科研助理岗位 | 必须满足",
            "en    | Basic information | Eligibility checklist | research assistant | Required",
            "ru    | Основные сведения | Проверка соответствия | научного ассистента | Обязательно"})
    void theEditorShowsEverySectionAndTheChecklistHas19LinesInEachLanguage(String tag, String basics, String checklist,
            String assistantRule, String blocking) throws Exception {
        long id = create("三语编辑页测试");

        String page = mvc.perform(get("/applications/{id}", id).session(leader).cookie(language(tag)))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains(basics, checklist, "name=\"_csrf\"", "name=\"_csrf_header\"", "/js/application.js",
                "hx-trigger=\"load, saved from:body\"").doesNotContain("??");
        for (String section : SECTIONS) {
            assertThat(page).as("section %s", section)
                    .contains("id=\"section-" + section + "\"", "id=\"form-" + section + "\"", "id=\"status-" + section + "\"",
                            "hx-post=\"/applications/" + id + "/sections/" + section + "\"", "id=\"version-" + section + "\"");
        }
        assertThat(page).contains("hx-trigger=\"input changed delay:1500ms, change, savenow\"");

        String lines = mvc.perform(get("/applications/{id}/checklist", id).session(leader).cookie(language(tag))
                        .header("HX-Request", "true"))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(count(lines, "data-rule=\"")).isEqualTo(19);
        assertThat(lines).contains(assistantRule, blocking, "href=\"/applications/" + id + "#section-team\"", "C1", "R5")
                .doesNotContain("??", "<html");
    }

    @Test
    void anAutosaveOfTheNarrativeSavesAndAnswersWithTheNewVersionForItsOwnFormOnly() throws Exception {
        long id = create("自动保存测试");
        long version = read(id).version();

        MvcResult result = mvc.perform(autosave(id, "narrative", version, "objectives", "建立联合实验室",
                        "rationale", "双方优势互补\r\n第二行", "_csrf", "ignored"))
                .andExpect(status().isOk())
                .andExpect(header().string("HX-Trigger", "saved"))
                .andReturn();
        long saved = read(id).version();
        assertThat(saved).isGreaterThan(version);
        String fragment = result.getResponse().getContentAsString();
        assertThat(fragment).contains("已保存", "版本 " + saved, "hx-swap-oob=\"true\"").doesNotContain("<html");
        // Only the narrative's form moves on: the other forms keep the version their text started from, so that a
        // save of theirs still meets someone else's save of them as a conflict.
        assertThat(fragment).contains("id=\"version-narrative\"");
        for (String section : SECTIONS) {
            if (!section.equals("narrative")) {
                assertThat(fragment).doesNotContain("id=\"version-" + section + "\"");
            }
        }
        assertThat(count(fragment, "value=\"" + saved + "\"")).isEqualTo(1);

        JsonNode narrative = read(id).sections().get("narrative");
        assertThat(narrative.get("objectives").asString()).isEqualTo("建立联合实验室");
        assertThat(narrative.get("rationale").asString()).isEqualTo("双方优势互补\n第二行");
        assertThat(narrative.get("plan").isNull()).isTrue();

        // The next save of another section starts from the new version, and the checklist sees the change.
        mvc.perform(autosave(id, "agreement", saved, "scienceInput", "第3条")).andExpect(status().isOk());
        mvc.perform(get("/applications/{id}/checklist", id).session(leader).header("HX-Request", "true"))
                .andExpect(content().string(containsString("请填写合作内容")));
    }

    @Test
    void aStaleAutosaveOfTheSameSectionShowsTheOtherTextAndChangesNothing() throws Exception {
        long id = create("冲突测试");
        long start = read(id).version();
        mvc.perform(autosave(id, "narrative", start, "objectives", "第一个窗口写的目标")).andExpect(status().isOk());
        long current = read(id).version();

        String conflict = mvc.perform(autosave(id, "narrative", start, "objectives", "第二个窗口写的目标"))
                .andExpect(status().isConflict())
                .andExpect(header().doesNotExist("HX-Trigger"))
                .andReturn().getResponse().getContentAsString();

        assertThat(conflict).contains("data-outcome=\"conflict\"", "uni-leader", "第一个窗口写的目标", "项目目标",
                "保留我的内容", "采用对方的内容", "hx-include=\"#form-narrative\"",
                "hx-vals='{&quot;version&quot;: &quot;" + current + "&quot;}'")
                .doesNotContain("第二个窗口写的目标", "hx-swap-oob");
        assertThat(read(id).sections().get("narrative").get("objectives").asString()).isEqualTo("第一个窗口写的目标");
        assertThat(read(id).version()).isEqualTo(current);

        // "Keep mine" posts the form again from the version the conflict named: now it is saved.
        mvc.perform(autosave(id, "narrative", current, "objectives", "第二个窗口写的目标")).andExpect(status().isOk());
        assertThat(read(id).sections().get("narrative").get("objectives").asString()).isEqualTo("第二个窗口写的目标");
    }

    @Test
    void withoutJavaScriptASaveRedirectsBackAndAConflictComesBackOnThePage() throws Exception {
        long id = create("无脚本保存");
        long start = read(id).version();

        mvc.perform(post("/applications/{id}/sections/narrative", id).session(leader).with(csrf())
                        .param("version", String.valueOf(start)).param("objectives", "普通表单提交"))
                .andExpect(redirectedUrl("/applications/" + id + "#section-narrative"));
        mvc.perform(post("/applications/{id}/sections/narrative", id).session(leader).with(csrf())
                        .param("version", String.valueOf(start)).param("objectives", "过期的内容"))
                .andExpect(status().isConflict())
                .andExpect(content().string(allOf(containsString("<html"), containsString("普通表单提交"),
                        containsString("过期的内容"), containsString("form=\"form-narrative\""))));
        assertThat(read(id).sections().get("narrative").get("objectives").asString()).isEqualTo("普通表单提交");
    }

    @Test
    void teamRowsAreSavedAsAnArrayAndEmptyRowsAreDropped() throws Exception {
        long id = create("团队测试");
        mvc.perform(autosave(id, "team", read(id).version(),
                        "members[0].fullName", "张明", "members[0].role", "LEADER", "members[0].title", "教授",
                        "members[1].fullName", "王芳", "members[1].role", "RESEARCH_ASSISTANT",
                        "members[2].fullName", "", "members[2].role", ""))
                .andExpect(status().isOk());

        JsonNode members = read(id).sections().get("team").get("members");
        assertThat(members.isArray()).isTrue();
        assertThat(members.size()).isEqualTo(2);
        assertThat(members.get(0).get("fullName").asString()).isEqualTo("张明");
        assertThat(members.get(0).get("role").asString()).isEqualTo("LEADER");
        assertThat(members.get(1).get("fullName").asString()).isEqualTo("王芳");
        assertThat(members.get(1).get("role").asString()).isEqualTo("RESEARCH_ASSISTANT");

        mvc.perform(get("/applications/{id}", id).session(leader))
                .andExpect(content().string(allOf(containsString("name=\"members[1].fullName\""), containsString("王芳"))));
        mvc.perform(get("/applications/{id}/checklist", id).session(leader).header("HX-Request", "true"))
                .andExpect(content().string(containsString("项目组已设置科研助理岗位")));
    }

    @Test
    void aNewApplicationStartsWithTheAccountHolderAsLeaderAndTheRuleNamesBothWhenSomeoneElseIsEntered() throws Exception {
        long id = create("项目负责人预填测试");

        String page = mvc.perform(get("/applications/{id}", id).session(leader)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString().replaceAll("\\s+", " ");
        assertThat(page).contains("name=\"members[0].fullName\" value=\"张三\"", "<option value=\"LEADER\" selected=\"selected\"",
                "name=\"members[0].organization\" value=\"新疆示范大学\"", "账号持有人：张三",
                "项目负责人须为提交申报书的账号持有人（张三）");
        mvc.perform(get("/applications/{id}/checklist", id).session(leader).header("HX-Request", "true"))
                .andExpect(content().string(containsString(
                        "data-rule=\"LEADER_IS_APPLICANT\" data-passed=\"true\" data-severity=\"BLOCKING\"")));

        mvc.perform(autosave(id, "team", read(id).version(), "members[0].fullName", "刘强", "members[0].role", "LEADER",
                        "members[1].fullName", "张三", "members[1].role", "MEMBER"))
                .andExpect(status().isOk());
        String lines = mvc.perform(get("/applications/{id}/checklist", id).session(leader).header("HX-Request", "true"))
                .andReturn().getResponse().getContentAsString();
        assertThat(lines).contains("data-rule=\"LEADER_IS_APPLICANT\" data-passed=\"false\"",
                "项目组成员中的项目负责人为 刘强，而提交申报书的账号持有人（封面所列项目负责人）为 张三",
                "data-blocked-by=\"LEADER_IS_APPLICANT\"");
        assertThat(read(id).sections().get("team").get("members").get(0).get("fullName").asString())
                .as("the server never rewrites the leader's name").isEqualTo("刘强");
    }

    @Test
    void ethicsOffersBothAnswersForEachTriggerAndNothingIsChosenUntilTheLeaderChooses() throws Exception {
        long id = create("伦理选择测试");

        String page = mvc.perform(get("/applications/{id}", id).session(leader)).andReturn().getResponse()
                .getContentAsString().replaceAll("\\s+", " ");
        for (String trigger : new String[] {"humanSubjects", "humanGeneticResources", "laboratoryAnimals"}) {
            assertThat(page).contains("id=\"ethics-" + trigger + "-true\" name=\"" + trigger + "\"",
                    "id=\"ethics-" + trigger + "-false\" name=\"" + trigger + "\"");
        }
        String ethicsForm = page.substring(page.indexOf("id=\"form-ethics\""), page.indexOf("id=\"section-attachments\""));
        assertThat(ethicsForm).contains("涉及", "不涉及").doesNotContain("checked");

        // Two answered 不涉及, one left open: saved as false, false and nothing; the rule waits for the third.
        mvc.perform(autosave(id, "ethics", read(id).version(), "humanSubjects", "false", "humanGeneticResources", "false"))
                .andExpect(status().isOk());
        JsonNode ethics = read(id).sections().get("ethics");
        assertThat(ethics.get("humanSubjects").booleanValue()).isFalse();
        assertThat(ethics.get("humanGeneticResources").booleanValue()).isFalse();
        assertThat(ethics.get("laboratoryAnimals").isNull()).isTrue();
        mvc.perform(get("/applications/{id}/checklist", id).session(leader).header("HX-Request", "true"))
                .andExpect(content().string(allOf(
                        containsString("data-rule=\"ETHICS_OPINION\" data-passed=\"false\""),
                        containsString("伦理声明还有 1 项未作选择"))));

        // All three 不涉及: passes without an opinion, and the page shows the answers chosen.
        mvc.perform(autosave(id, "ethics", read(id).version(), "humanSubjects", "false", "humanGeneticResources", "false",
                "laboratoryAnimals", "false")).andExpect(status().isOk());
        mvc.perform(get("/applications/{id}/checklist", id).session(leader).header("HX-Request", "true"))
                .andExpect(content().string(allOf(containsString("data-rule=\"ETHICS_OPINION\" data-passed=\"true\""),
                        containsString("项目不涉及须提供伦理委员会审查意见的研究"))));
        assertThat(mvc.perform(get("/applications/{id}", id).session(leader)).andReturn().getResponse().getContentAsString()
                .replaceAll("\\s+", " ")).contains("value=\"false\" id=\"ethics-laboratoryAnimals-false\" name=\"laboratoryAnimals\" checked=\"checked\"");

        // 涉及 for animals: now the ethics committee opinion is needed.
        mvc.perform(autosave(id, "ethics", read(id).version(), "humanSubjects", "false", "humanGeneticResources", "false",
                "laboratoryAnimals", "true")).andExpect(status().isOk());
        mvc.perform(get("/applications/{id}/checklist", id).session(leader).header("HX-Request", "true"))
                .andExpect(content().string(containsString("须上传依托单位或其上级主管部门的伦理委员会审查意见")));
    }

    @Test
    void partnersWithTheirPeopleAreSavedNested() throws Exception {
        long id = create("外方测试");
        mvc.perform(autosave(id, "partners", read(id).version(),
                        "partners[0].country", "RU", "partners[0].regionCode", "RU-ALT", "partners[0].name", "Алтайский университет",
                        "partners[0].address", "Барнаул", "partners[0].people[0].fullName", "Иван Петров",
                        "partners[0].people[0].position", "профессор", "partners[0].people[0].role", "负责人",
                        "partners[1].country", "KZ", "partners[1].name", "ВКТУ", "partners[1].people[0].fullName", ""))
                .andExpect(status().isOk());

        JsonNode partners = read(id).sections().get("partners").get("partners");
        assertThat(partners.size()).isEqualTo(2);
        assertThat(partners.get(0).get("regionCode").asString()).isEqualTo("RU-ALT");
        assertThat(partners.get(0).get("people").get(0).get("fullName").asString()).isEqualTo("Иван Петров");
        assertThat(partners.get(1).get("people").size()).isZero();
    }

    @Test
    void budgetAmountsStayExactAndTheSumsComeBackFromTheServer() throws Exception {
        long id = create("预算测试");
        String fragment = mvc.perform(autosave(id, "budget", read(id).version(), "fiscal", "100.0001", "selfRaised", "0",
                        "lines[0].category", "EQUIPMENT", "lines[0].source", "FISCAL", "lines[0].amount", "60.0001",
                        "lines[1].category", "OPERATING", "lines[1].source", "FISCAL", "lines[1].amount", "40"))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(fragment).contains("id=\"budget-sums\"", "财政拨款明细合计 100.0001 万元，总额 100.0001 万元");

        JsonNode budget = read(id).sections().get("budget");
        assertThat(budget.get("fiscal").asString()).isEqualTo("100.0001");
        assertThat(budget.get("lines").get(0).get("amount").asString()).isEqualTo("60.0001");
        mvc.perform(get("/applications/{id}", id).session(leader))
                .andExpect(content().string(allOf(containsString("value=\"100.0001\""), containsString("value=\"60.0001\""))));
    }

    @Test
    void aMalformedValueOrATooLongTitleIsNamedInTheStatusLineAndNothingIsSaved() throws Exception {
        long id = create("格式测试");
        long version = read(id).version();
        mvc.perform(autosave(id, "basics", version, "title", "格式测试", "startDate", "2024-13-45"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(header().doesNotExist("HX-Trigger"))
                .andExpect(content().string(allOf(containsString("data-outcome=\"errors\""), containsString("开始日期"))));
        mvc.perform(autosave(id, "basics", version, "title", "长".repeat(31)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("项目名称不超过 30 个字。")));
        mvc.perform(autosave(id, "indicators", version, "indicators[0].kind", "PATENT_APPLICATION",
                        "indicators[0].quantity", "三"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("考核指标 1")));
        assertThat(read(id).version()).isEqualTo(version);
        assertThat(read(id).title()).isEqualTo("格式测试");
    }

    @Test
    void anotherOrganisationsLeaderFindsNothing() throws Exception {
        long id = create("他人不可见");
        MockHttpSession other = signIn("ent-leader");

        mvc.perform(get("/applications/{id}", id).session(other)).andExpect(status().isNotFound());
        mvc.perform(get("/applications/{id}/checklist", id).session(other).header("HX-Request", "true"))
                .andExpect(status().isNotFound());
        mvc.perform(post("/applications/{id}/sections/narrative", id).session(other).with(csrf()).header("HX-Request", "true")
                        .param("version", String.valueOf(read(id).version())).param("objectives", "入侵"))
                .andExpect(status().isNotFound());
        mvc.perform(get("/applications").session(other))
                .andExpect(content().string(not(containsString("他人不可见"))));
        assertThat(read(id).sections().get("narrative")).isNull();
    }

    @Test
    void theOrganisationAdminSeesTheApplicationReadOnly() throws Exception {
        long id = create("单位管理员只读");
        mvc.perform(autosave(id, "narrative", read(id).version(), "objectives", "管理员能看到的目标")).andExpect(status().isOk());
        MockHttpSession admin = signIn("uni-admin");

        String page = mvc.perform(get("/applications/{id}", id).session(admin))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"read-only-notice\"", "管理员能看到的目标", "id=\"section-team\"", "id=\"checklist\"")
                .doesNotContain("class=\"section-form\"", "hx-post", "/sections/");
        // The only form left is the navigation bar's sign-out.
        assertThat(count(page, "<form")).isEqualTo(1);

        mvc.perform(get("/applications").session(admin))
                .andExpect(content().string(allOf(containsString("单位管理员只读"), not(containsString("id=\"new-application\"")))));
        mvc.perform(autosave(id, "narrative", read(id).version(), "objectives", "x").session(admin))
                .andExpect(status().isForbidden());
    }

    @Test
    void whatAnApplicantWritesComesBackAsTextNeverAsMarkup() throws Exception {
        long id = create("<b>标题</b>");
        long start = read(id).version();
        mvc.perform(autosave(id, "narrative", start, "objectives", "<script>alert(1)</script>")).andExpect(status().isOk());

        mvc.perform(get("/applications/{id}", id).session(leader))
                .andExpect(content().string(allOf(not(containsString("<script>alert(1)</script>")),
                        containsString("&lt;script&gt;alert(1)&lt;/script&gt;"), not(containsString("<b>标题</b>")),
                        containsString("&lt;b&gt;标题&lt;/b&gt;"))));
        mvc.perform(get("/applications").session(leader))
                .andExpect(content().string(allOf(not(containsString("<b>标题</b>")), containsString("&lt;b&gt;标题&lt;/b&gt;"))));
        // In the conflict box too.
        mvc.perform(autosave(id, "narrative", start, "objectives", "另一个版本"))
                .andExpect(status().isConflict())
                .andExpect(content().string(allOf(not(containsString("<script>alert(1)</script>")),
                        containsString("&lt;script&gt;alert(1)&lt;/script&gt;"))));
    }
}
