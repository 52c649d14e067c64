package org.silkgrant.application.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;


import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.silkgrant.SilkGrantTest;
import org.silkgrant.account.AccountManagement;
import org.silkgrant.account.AccountView;
import org.silkgrant.account.SilkGrantUser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The editor's last steps in the browser session: upload, download, the submit button disabled with the rules that
 * block it, the confirmation that lists what is frozen and is the only way to submit, the PDF.
 */
@SilkGrantTest
@DirtiesContext
class SubmissionPagesTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Autowired
    AccountManagement accounts;

    private long id;

    private org.silkgrant.application.ThroughTheApi api;

    private RequestPostProcessor signedIn(String username) {
        AccountView a = accounts.findByUsername(username).orElseThrow();
        return user(new SilkGrantUser(a.id(), a.username(), "x", a.fullName(), a.organizationId(), a.roles(), true,
                false, false));
    }

    @BeforeEach
    void anApplication() throws Exception {
        api = new org.silkgrant.application.ThroughTheApi(mvc, json, null);
        String created = mvc.perform(post("/api/v1/applications").with(httpBasic("uni-leader", SilkGrantTest.DEMO_PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"callCode\":\"2023-SCO\",\"title\":\"页面提交测试\"}"))
                .andReturn().getResponse().getContentAsString();
        id = json.readTree(created).get("id").asLong();
    }

    @Test
    void theLeaderUploadsTheAgreementAndDownloadsIt() throws Exception {
        mvc.perform(multipart("/applications/{id}/attachments", id).file(new MockMultipartFile("file", "合作协议.pdf",
                        "application/pdf", AttachmentApiTests.pdf())).param("kind", "COOPERATION_AGREEMENT")
                        .with(signedIn("uni-leader")).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("filesNotice", containsString("合作协议.pdf")));
        String page = mvc.perform(get("/applications/{id}", id).with(signedIn("uni-leader")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("合作协议.pdf")))
                .andReturn().getResponse().getContentAsString();
        String link = page.replaceAll("(?s).*href=\"(/applications/" + id + "/attachments/\\d+)\".*", "$1");
        mvc.perform(get(link).with(signedIn("uni-leader")))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString("filename*=UTF-8''")))
                .andExpect(content().bytes(AttachmentApiTests.pdf()));
        mvc.perform(get(link).with(signedIn("ent-leader"))).andExpect(status().isNotFound());
    }

    @Test
    void aRefusedUploadSaysWhy() throws Exception {
        mvc.perform(multipart("/applications/{id}/attachments", id).file(new MockMultipartFile("file", "agreement.pdf",
                        "application/pdf", "<html><script>alert(1)</script></html>".getBytes()))
                        .param("kind", "COOPERATION_AGREEMENT").with(signedIn("uni-leader")).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("filesError", containsString("text/html")));
    }

    @Test
    void whileABlockingRuleFailsTheSubmitButtonIsDisabledWithTheRulesLinkedToTheirSections() throws Exception {
        String editor = oneLine(mvc.perform(get("/applications/{id}", id).with(signedIn("uni-leader")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        String actions = editor.substring(editor.indexOf("id=\"submission-actions\""));
        assertThat(actions).contains("id=\"submit-button\" disabled aria-describedby=\"submit-blocked\"",
                "data-blocked-by=\"RESEARCH_ASSISTANT_POSITION\"", "href=\"/applications/" + id + "#section-team\"",
                "data-blocked-by=\"AGREEMENT_ATTACHED\"", "href=\"/applications/" + id + "#section-attachments\"",
                "尚不能提交").doesNotContain("href=\"/applications/" + id + "/submit\"");
        // The checklist refresh after each save brings the same controls along, out of band.
        mvc.perform(get("/applications/{id}/checklist", id).with(signedIn("uni-leader")).header("HX-Request", "true"))
                .andExpect(content().string(allOf(containsString("id=\"submission-actions\" hx-swap-oob=\"true\""),
                        containsString("data-blocked-by=\"RESEARCH_ASSISTANT_POSITION\""))));
        // The confirmation page says the same and offers no way to confirm.
        String confirmation = oneLine(mvc.perform(get("/applications/{id}/submit", id).with(signedIn("uni-leader")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(confirmation).contains("id=\"confirm-blocked\"", "data-blocked-by=\"RESEARCH_ASSISTANT_POSITION\"",
                "id=\"confirm-submit\" disabled aria-describedby=\"confirm-blocked\"").doesNotContain("id=\"confirm-form\"", "name=\"confirmedVersion\"");
        // Even a hand-made confirmed POST is refused by the rules.
        mvc.perform(post("/applications/{id}/submit", id).with(signedIn("uni-leader")).with(csrf())
                        .param("confirmedVersion", String.valueOf(version(id))).param("pledge", "true"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/applications/" + id + "/submit"))
                .andExpect(flash().attribute("confirmError", containsString("未满足的必须条件")));
        mvc.perform(get("/api/v1/applications/{id}", id).with(httpBasic("uni-leader", SilkGrantTest.DEMO_PASSWORD)))
                .andExpect(content().string(containsString("\"status\":\"DRAFT\"")));
    }

    @Test
    void aReadyApplicationIsSubmittedOnlyThroughTheConfirmationWhichListsWhatIsFrozen() throws Exception {
        String leader = api.newLeader();
        long ready = api.complete(leader);

        // The editor's button leads to the confirmation (a GET), it does not submit.
        String editor = oneLine(mvc.perform(get("/applications/{id}", ready).with(signedIn(leader)))
                .andReturn().getResponse().getContentAsString());
        String actions = editor.substring(editor.indexOf("id=\"submission-actions\""));
        assertThat(actions).contains("id=\"submit-button\" role=\"button\" href=\"/applications/" + ready + "/submit\"")
                .doesNotContain("disabled", "id=\"submit-blocked\"");

        // A POST without the confirmation submits nothing and leads to it.
        mvc.perform(post("/applications/{id}/submit", ready).with(signedIn(leader)).with(csrf()))
                .andExpect(redirectedUrl("/applications/" + ready + "/submit"))
                .andExpect(flash().attribute("confirmError", containsString("请先核对")));
        assertThat(statusOf(leader, ready)).isEqualTo("DRAFT");

        // The confirmation: every section with its state, the agreement by name, size and digest, the version, the pledge.
        long version = version(ready);
        JsonNode file = json.readTree(mvc.perform(get("/api/v1/applications/{id}", ready)
                .with(httpBasic(leader, SilkGrantTest.DEMO_PASSWORD))).andReturn().getResponse().getContentAsString())
                .get("attachments").get(0);
        String confirmation = oneLine(mvc.perform(get("/applications/{id}/submit", ready).with(signedIn(leader)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        for (String section : new String[] {"basics", "coApplicants", "partners", "narrative", "agreement", "indicators",
                "budget", "team", "ethics"}) {
            assertThat(confirmation).as(section).contains("data-section=\"" + section + "\"");
        }
        assertThat(confirmation).contains("data-section=\"team\" data-saved=\"true\"",
                "data-section=\"coApplicants\" data-saved=\"false\"", "2 名成员", "1 家外方合作单位，1 名外方人员",
                "财政拨款 100.00 万元，自筹经费 0.00 万元，预算明细 2 行", "已选择 3/3 项，其中涉及 0 项", "已填写 7/7 项",
                "agreement.pdf", "SHA-256 " + file.get("sha256").asString(), "SM3 " + file.get("sm3").asString(),
                file.get("size").asLong() + " B", "冻结的是版本号 " + version + " 的内容（每次保存版本号加 1），作为第 1 次提交",
                "提交后不能再修改", "退回修改", "本人承诺申报材料真实、准确",
                "name=\"confirmedVersion\" value=\"" + version + "\"", "id=\"pledge\" name=\"pledge\" value=\"true\" required",
                "name=\"_csrf\"");

        // Confirmed without the pledge: nothing.
        mvc.perform(post("/applications/{id}/submit", ready).with(signedIn(leader)).with(csrf())
                        .param("confirmedVersion", String.valueOf(version)))
                .andExpect(redirectedUrl("/applications/" + ready + "/submit"))
                .andExpect(flash().attribute("confirmError", containsString("科研诚信承诺")));
        assertThat(statusOf(leader, ready)).isEqualTo("DRAFT");

        // Changed after the confirmation (another tab saved): nothing, and the leader confirms again.
        api.saveSection(leader, ready, "narrative", "{\"objectives\":\"确认后又改\",\"rationale\":\"理由\",\"content\":\"内容\","
                + "\"channels\":\"渠道\",\"responsibilities\":\"责任\",\"plan\":\"方案\",\"expectedResults\":\"成效\"}");
        mvc.perform(post("/applications/{id}/submit", ready).with(signedIn(leader)).with(csrf())
                        .param("confirmedVersion", String.valueOf(version)).param("pledge", "true"))
                .andExpect(redirectedUrl("/applications/" + ready + "/submit"))
                .andExpect(flash().attribute("confirmError", containsString("确认之后申报书又有修改")));
        assertThat(statusOf(leader, ready)).isEqualTo("DRAFT");

        // Confirmed with the pledge, for the version shown: submitted, the receipt on the editor.
        mvc.perform(post("/applications/{id}/submit", ready).with(signedIn(leader)).with(csrf())
                        .param("confirmedVersion", String.valueOf(version(ready))).param("pledge", "true"))
                .andExpect(redirectedUrl("/applications/" + ready + "#section-submission"))
                .andExpect(flash().attribute("submitNotice", containsString("2023-SCO-")));
        assertThat(statusOf(leader, ready)).isEqualTo("SUBMITTED");
        // Afterwards the confirmation page is the editor with its receipt.
        mvc.perform(get("/applications/{id}/submit", ready).with(signedIn(leader)))
                .andExpect(redirectedUrl("/applications/" + ready + "#section-submission"));
    }

    @Test
    void theConfirmationIsInTheReadersLanguage() throws Exception {
        String page = mvc.perform(get("/applications/{id}/submit", id).with(signedIn("uni-leader"))
                        .cookie(new jakarta.servlet.http.Cookie("silkgrant-lang", "ru")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Подтвердите подачу заявки", "Фиксируемые разделы", "Обязательство руководителя проекта")
                .doesNotContain("??", "确认提交");
    }

    /** The page with its line breaks and indentation as single spaces, as attributes are compared. */
    private static String oneLine(String page) {
        return page.replaceAll("\\s+", " ");
    }

    private long version(long application) throws Exception {
        return json.readTree(mvc.perform(get("/api/v1/applications/{id}", application)
                        .with(httpBasic("uni-admin", SilkGrantTest.DEMO_PASSWORD))).andReturn().getResponse().getContentAsString())
                .get("version").asLong();
    }

    private String statusOf(String leader, long application) throws Exception {
        return json.readTree(mvc.perform(get("/api/v1/applications/{id}", application)
                        .with(httpBasic(leader, SilkGrantTest.DEMO_PASSWORD))).andReturn().getResponse().getContentAsString())
                .get("status").asString();
    }

    @Test
    void theDraftPdfOpensInTheBrowser() throws Exception {
        // Rendered off the request thread: the response comes with the asynchronous dispatch.
        var started = mvc.perform(get("/applications/{id}/pdf", id).with(signedIn("uni-leader")))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.request().asyncStarted())
                .andReturn();
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch(started))
                .andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.APPLICATION_PDF))
                .andExpect(header().string("Content-Disposition", containsString("inline")));
        var refused = mvc.perform(get("/applications/{id}/pdf", id).with(signedIn("ent-leader"))).andReturn();
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch(refused))
                .andExpect(status().isNotFound());
    }

    @Test
    void theOrganisationAdminSeesNoUploadOrSubmitForms() throws Exception {
        mvc.perform(get("/applications/{id}", id).with(signedIn("uni-admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("/submit\""))))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("enctype=\"multipart/form-data\""))));
        mvc.perform(post("/applications/{id}/submit", id).with(signedIn("uni-admin")).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/applications/{id}/submit", id).with(signedIn("uni-admin")).with(csrf())
                        .param("confirmedVersion", "1").param("pledge", "true"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/applications/{id}/submit", id).with(signedIn("uni-admin"))).andExpect(status().isForbidden());
        mvc.perform(get("/applications/{id}/submit", id).with(signedIn("ent-leader"))).andExpect(status().isNotFound());
        mvc.perform(post("/applications/{id}/submit", id).with(signedIn("ent-leader")).with(csrf()))
                .andExpect(status().isNotFound());
    }
}
