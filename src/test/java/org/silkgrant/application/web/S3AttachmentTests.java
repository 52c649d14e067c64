package org.silkgrant.application.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;
import org.silkgrant.SilkGrantTest;
import org.silkgrant.document.S3TestServer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * With the S3 store configured, an applicant's agreement goes into the bucket and comes back out of it; the files of
 * the former local directory were copied in at start-up ({@code silkgrant.files.migrate-to-s3}).
 */
@SilkGrantTest
@DirtiesContext
class S3AttachmentTests {

    private static final String PASSWORD = SilkGrantTest.DEMO_PASSWORD;
    private static final S3TestServer S3 = S3TestServer.get();
    private static final String BUCKET = S3.newBucket();

    /** A file the local directory held before the switch; copied into the bucket at start-up. */
    private static final byte[] OLD_FILE = "kept before the bucket\n".getBytes(StandardCharsets.UTF_8);

    @DynamicPropertySource
    static void s3Store(DynamicPropertyRegistry properties) throws Exception {
        Path oldDirectory = Files.createTempDirectory("silkgrant-files-");
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(OLD_FILE));
        Files.createDirectories(oldDirectory.resolve(sha256.substring(0, 2)));
        Files.write(oldDirectory.resolve(sha256.substring(0, 2)).resolve(sha256), OLD_FILE);
        properties.add("silkgrant.files.directory", oldDirectory::toString);
        properties.add("silkgrant.files.migrate-to-s3", () -> "true");
        properties.add("silkgrant.files.store", () -> "s3");
        properties.add("silkgrant.files.s3.endpoint", () -> S3.endpoint().toString());
        properties.add("silkgrant.files.s3.bucket", () -> BUCKET);
        properties.add("silkgrant.files.s3.prefix", () -> "node-test");
        properties.add("silkgrant.files.s3.path-style", () -> "true");
        properties.add("silkgrant.files.s3.access-key", () -> S3TestServer.ACCESS_KEY);
        properties.add("silkgrant.files.s3.secret-key", () -> S3TestServer.SECRET_KEY);
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Test
    void theLocalDirectoryWasCopiedIntoTheBucketAtStartUp() throws Exception {
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(OLD_FILE));

        assertThat(S3.object(BUCKET, "node-test/" + sha256.substring(0, 2) + "/" + sha256)).isEqualTo(OLD_FILE);
    }

    @Test
    void theApplicantsAgreementIsKeptInTheBucketAndDownloadedFromIt() throws Exception {
        String created = mvc.perform(post("/api/v1/applications").with(httpBasic("uni-leader", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"callCode\":\"2023-SCO\",\"title\":\"对象存储\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long id = json.readTree(created).get("id").asLong();
        byte[] pdf = AttachmentApiTests.pdf();

        String attached = mvc.perform(multipart("/api/v1/applications/{id}/attachments", id)
                        .file(new MockMultipartFile("file", "合作协议.pdf", "application/pdf", pdf))
                        .param("kind", "COOPERATION_AGREEMENT").with(httpBasic("uni-leader", PASSWORD)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        JsonNode attachment = json.readTree(attached);
        String sha256 = attachment.get("sha256").asString();
        String key = "node-test/" + sha256.substring(0, 2) + "/" + sha256;

        assertThat(S3.keys(BUCKET)).contains(key).hasSize(2);
        assertThat(S3.object(BUCKET, key)).isEqualTo(pdf);
        String download = "/api/v1/applications/{id}/attachments/{a}";
        mvc.perform(get(download, id, attachment.get("id").asLong()).with(httpBasic("uni-leader", PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(content().bytes(pdf));

        // Only the bucket holds the bytes: without its object the attachment is gone.
        S3.delete(BUCKET, key);
        mvc.perform(get(download, id, attachment.get("id").asLong()).with(httpBasic("uni-leader", PASSWORD)))
                .andExpect(status().isNotFound());
    }
}
