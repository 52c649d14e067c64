package org.silkgrant.application.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasLength;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.silkgrant.SilkGrantTest;
import org.silkgrant.document.SampleFiles;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import tools.jackson.databind.ObjectMapper;

/** Uploads are judged by content and size, names are made safe, and files reach only those who may see them. */
@SilkGrantTest
@DirtiesContext
class AttachmentApiTests {

    private static final String PASSWORD = SilkGrantTest.DEMO_PASSWORD;

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    private long id;

    /** A small, well-formed one-page PDF. */
    static byte[] pdf() {
        String body = "%PDF-1.4\n1 0 obj\n<</Type/Catalog/Pages 2 0 R>>\nendobj\n2 0 obj\n<</Type/Pages/Kids[3 0 R]/Count 1>>\n"
                + "endobj\n3 0 obj\n<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>\nendobj\n";
        int xref = body.length();
        String tail = "xref\n0 4\n0000000000 65535 f \n0000000009 00000 n \n0000000058 00000 n \n0000000115 00000 n \n"
                + "trailer\n<</Size 4/Root 1 0 R>>\nstartxref\n" + xref + "\n%%EOF\n";
        return (body + tail).getBytes(StandardCharsets.ISO_8859_1);
    }

    private ResultActions upload(String kind, String name, byte[] bytes, String user) throws Exception {
        return mvc.perform(multipart("/api/v1/applications/{id}/attachments", id)
                .file(new MockMultipartFile("file", name, "application/pdf", bytes)).param("kind", kind)
                .with(httpBasic(user, PASSWORD)).header("Accept-Language", "en"));
    }

    @BeforeEach
    void anApplication() throws Exception {
        String created = mvc.perform(post("/api/v1/applications").with(httpBasic("uni-leader", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"callCode\":\"2023-SCO\",\"title\":\"附件测试\"}"))
                .andReturn().getResponse().getContentAsString();
        id = json.readTree(created).get("id").asLong();
    }

    @Test
    void theAgreementIsStoredWithItsDigestsAndCountsForTheChecklist() throws Exception {
        upload("COOPERATION_AGREEMENT", "合作协议.pdf", pdf(), "uni-leader")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.kind").value("COOPERATION_AGREEMENT"))
                .andExpect(jsonPath("$.fileName").value("合作协议.pdf"))
                .andExpect(jsonPath("$.mediaType").value("application/pdf"))
                .andExpect(jsonPath("$.sha256", hasLength(64)))
                .andExpect(jsonPath("$.sm3", hasLength(64)));
        mvc.perform(get("/api/v1/applications/{id}", id).with(httpBasic("uni-leader", PASSWORD)))
                .andExpect(jsonPath("$.attachments[0].fileName").value("合作协议.pdf"));
    }

    @Test
    void anExecutableNamedPdfIsRefusedByContent() throws Exception {
        byte[] executable = Arrays.copyOf("MZ\u0090\u0000\u0003".getBytes(StandardCharsets.ISO_8859_1), 512);
        executable[0x3c] = (byte) 0x80;
        byte[] withPe = Arrays.copyOf(executable, 1024);
        System.arraycopy("PE\0\0".getBytes(StandardCharsets.ISO_8859_1), 0, withPe, 0x80, 4);
        upload("COOPERATION_AGREEMENT", "agreement.pdf", withPe, "uni-leader")
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("file"))
                .andExpect(jsonPath("$.errors[0].code").value("TYPE_REFUSED"))
                .andExpect(jsonPath("$.errors[0].message", containsString("not allowed here")));
        upload("COOPERATION_AGREEMENT", "agreement.pdf", "<html><script>alert(1)</script></html>"
                .getBytes(StandardCharsets.UTF_8), "uni-leader")
                .andExpect(status().isUnsupportedMediaType());
    }

    @Test
    void anOversizedFileIsRefused() throws Exception {
        byte[] big = Arrays.copyOf(pdf(), 10 * 1024 * 1024 + 1);
        upload("ETHICS_OPINION", "opinion.pdf", big, "uni-leader")
                .andExpect(status().isContentTooLarge())
                .andExpect(jsonPath("$.detail", containsString("10")))
                .andExpect(jsonPath("$.errors[0].field").value("file"))
                .andExpect(jsonPath("$.errors[0].code").value("TOO_LARGE"));
    }

    @Test
    void anEmptyFileAndAnUnknownKindAreRefusedNamingTheField() throws Exception {
        upload("COOPERATION_AGREEMENT", "empty.pdf", new byte[0], "uni-leader")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("file"));
        upload("PASSPORT", "x.pdf", pdf(), "uni-leader")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("kind"));
    }

    @Test
    void riskyFilesAreRefusedOnTheFileFieldWithTheReasonInWords() throws Exception {
        record Case(String kind, byte[] content, String code, String words) {
        }
        for (Case c : List.of(
                new Case("COOPERATION_AGREEMENT", SampleFiles.pdfWithAppendedHtml(), "TRAILING_DATA", "after its proper end"),
                new Case("COOPERATION_AGREEMENT", SampleFiles.pdfWithJavaScriptOpenAction(), "PDF_SCRIPT", "JavaScript"),
                new Case("COOPERATION_AGREEMENT", SampleFiles.pdfWithEmbeddedFile(), "PDF_EMBEDDED", "embedded"),
                new Case("COOPERATION_AGREEMENT", SampleFiles.pngHeaderThenHtml(), "MARKUP", "web page"),
                new Case("OTHER", SampleFiles.docxWithZeros("word/media/image1.png", 20 * 1024 * 1024), "ZIP_RATIO",
                        "zip bomb"),
                new Case("OTHER", SampleFiles.docxWithEntries(100_000), "ZIP_ENTRIES", "more than 10000 files"))) {
            String body = upload(c.kind(), "attachment.pdf", c.content(), "uni-leader")
                    .andExpect(status().isUnprocessableContent())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.errors[0].field").value("file"))
                    .andExpect(jsonPath("$.errors[0].code").value(c.code()))
                    .andReturn().getResponse().getContentAsString();
            org.assertj.core.api.Assertions.assertThat(json.readTree(body).get("errors").get(0).get("message").asString())
                    .as(c.code()).contains(c.words()).doesNotContain("Exception", "document.", "org.");
        }
        mvc.perform(get("/api/v1/applications/{id}", id).with(httpBasic("uni-leader", PASSWORD)))
                .andExpect(jsonPath("$.attachments").isEmpty());
    }

    @Test
    void aRightToLeftOverrideCannotDisguiseTheExtension() throws Exception {
        upload("COOPERATION_AGREEMENT", "invoice\u202Efdp.exe", pdf(), "uni-leader")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.fileName").value("invoicefdp.exe.pdf"));
    }

    @Test
    void aTraversalNameIsMadeSafe() throws Exception {
        upload("OTHER", "../../etc/x.pdf", pdf(), "uni-leader")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.fileName").value("x.pdf"));
    }

    @Test
    void filesReachOnlyThoseWhoMaySeeTheApplication() throws Exception {
        String attached = upload("COOPERATION_AGREEMENT", "合作协议.pdf", pdf(), "uni-leader")
                .andReturn().getResponse().getContentAsString();
        long attachment = json.readTree(attached).get("id").asLong();

        mvc.perform(get("/api/v1/applications/{id}/attachments/{a}", id, attachment).with(httpBasic("uni-leader", PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString("filename*=UTF-8''")))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(content().bytes(pdf()));
        mvc.perform(get("/api/v1/applications/{id}/attachments/{a}", id, attachment).with(httpBasic("ent-leader", PASSWORD)))
                .andExpect(status().isNotFound());
        upload("COOPERATION_AGREEMENT", "x.pdf", pdf(), "ent-leader").andExpect(status().isNotFound());
        upload("COOPERATION_AGREEMENT", "x.pdf", pdf(), "uni-admin").andExpect(status().isForbidden());
    }
}
