package org.silkgrant.application.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
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

import tools.jackson.databind.ObjectMapper;

/** The editor's last steps in the browser session: upload, download, submit with the reasons it fails, the PDF. */
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

    private RequestPostProcessor signedIn(String username) {
        AccountView a = accounts.findByUsername(username).orElseThrow();
        return user(new SilkGrantUser(a.id(), a.username(), "x", a.fullName(), a.organizationId(), a.roles(), true,
                false, false));
    }

    @BeforeEach
    void anApplication() throws Exception {
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
    void submittingAnIncompleteApplicationListsTheRulesThatFail() throws Exception {
        mvc.perform(post("/applications/{id}/submit", id).with(signedIn("uni-leader")).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("submitErrors", hasItem(containsString("RESEARCH_ASSISTANT_POSITION"))));
        mvc.perform(get("/api/v1/applications/{id}", id).with(httpBasic("uni-leader", SilkGrantTest.DEMO_PASSWORD)))
                .andExpect(content().string(containsString("\"status\":\"DRAFT\"")));
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
    }
}
