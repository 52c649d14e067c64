package org.silkgrant.application.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.silkgrant.SilkGrantTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * File names as Tomcat receives them from a real socket: an RFC 5987 {@code filename*} is decoded, a malformed one
 * falls back to the plain name, a NUL in the name (quoted or percent-encoded) is a 400 problem (Tomcat refuses it
 * before any of our code runs), and whatever arrives is kept without controls or direction marks and with the real extension.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class UploadNamesServerTests {

    private static final String PASSWORD = SilkGrantTest.DEMO_PASSWORD;
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    @Autowired
    ObjectMapper json;

    private RawUploads uploads;
    private long id;

    @BeforeEach
    void anApplication() throws Exception {
        uploads = new RawUploads(port, PASSWORD);
        id = uploads.newApplication("uni-leader");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            form-data; name="file"; filename*=UTF-8''%E5%90%88%E4%BD%9C%E5%8D%8F%E8%AE%AE.pdf               | 合作协议.pdf
            form-data; name="file"; filename="agreement.pdf"; filename*=UTF-8''%E5%90%88%E4%BD%9C.pdf      | 合作.pdf
            form-data; name="file"; filename*=utf-8'zh-CN'%E5%90%88%E4%BD%9C.pdf                          | 合作.pdf
            form-data; name="file"; filename*=UTF-8''..%2F..%2Fetc%2Fpasswd                               | passwd.pdf
            form-data; name="file"; filename*=UTF-8''invoice%E2%80%AEfdp.exe                              | invoicefdp.exe.pdf
            form-data; name="file"; filename="=?UTF-8?B?5ZCI5L2c5Y2P6K6uLnBkZg==?="                       | 合作协议.pdf
            """)
    void decodesTheNameAndKeepsItClean(String disposition, String kept) throws Exception {
        HttpResponse<String> response = uploads.attach("uni-leader", id, "OTHER", disposition, AttachmentApiTests.pdf());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        assertThat(json.readTree(response.body()).get("fileName").asString()).isEqualTo(kept);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            form-data; name="file"; filename="agreement.pdf"; filename*=UTF-8''%E5%9
            form-data; name="file"; filename="agreement.pdf"; filename*=x-unknown''abc.pdf
            form-data; name="file"; filename="agreement.pdf"; filename*=UTF-8'en'%ZZ.pdf
            form-data; name="file"; filename*=UTF-8''%E5%9
            form-data; name="file"; filename="=?x-bad?Q?abc?="
            """)
    void aMalformedEncodedNameFallsBackInsteadOfFailing(String disposition) throws Exception {
        HttpResponse<String> response = uploads.attach("uni-leader", id, "OTHER", disposition, AttachmentApiTests.pdf());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        String kept = json.readTree(response.body()).get("fileName").asString();
        assertThat(kept).endsWith(".pdf").doesNotContain("\u0000", "/", "\\");
        if (disposition.contains("filename=\"agreement.pdf\"")) {
            assertThat(kept).as("the plain filename, when the encoded one cannot be read").isEqualTo("agreement.pdf");
        }
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            form-data; name="file"; filename="agree\u0000ment.pdf"
            form-data; name="file"; filename*=UTF-8''%E5%90%88%00%E4%BD%9C.pdf
            """)
    void aNulInTheNameIsAMalformedRequestNotAServerError(String disposition) throws Exception {
        HttpResponse<String> response = uploads.attach("uni-leader", id, "OTHER", disposition.translateEscapes(),
                AttachmentApiTests.pdf());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.get("type").asString()).endsWith("/malformed-upload");
        assertThat(problem.get("detail").asString()).startsWith("The upload cannot be read")
                .doesNotContain("Exception", "tomcat", "multipart");
    }

    @Test
    void theEditorsUploadFormTakesAnEncodedNameAndShowsTheKeptOne() throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        String login = page(browser, "/login?lang=en");
        HttpResponse<String> signedIn = browser.send(HttpRequest.newBuilder(uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=uni-leader&password="
                        + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8) + "&_csrf=" + csrf(login))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.statusCode()).isEqualTo(302);
        String token = csrf(page(browser, "/applications/" + id));

        for (String disposition : new String[] {"form-data; name=\"file\"; filename*=UTF-8''invoice%E2%80%AEfdp.exe",
                "form-data; name=\"file\"; filename=\"a.pdf\"; filename*=x-unknown''b.pdf"}) {
            String boundary = "----page" + System.nanoTime();
            HttpResponse<String> posted = browser.send(HttpRequest.newBuilder(uri("/applications/" + id + "/attachments"))
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary).header("X-CSRF-TOKEN", token)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(RawUploads.body(boundary, "OTHER", disposition,
                            AttachmentApiTests.pdf()))).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(posted.statusCode()).as(disposition).isEqualTo(302);
        }
        String editor = page(browser, "/applications/" + id);
        assertThat(editor).contains("invoicefdp.exe.pdf", ">a.pdf<").doesNotContain("\u202E");

        String boundary = "----page" + System.nanoTime();
        HttpResponse<String> nul = browser.send(HttpRequest.newBuilder(uri("/applications/" + id + "/attachments"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary).header("X-CSRF-TOKEN", token)
                .header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofByteArray(RawUploads.body(boundary, "OTHER",
                        "form-data; name=\"file\"; filename=\"a\u0000.pdf\"", AttachmentApiTests.pdf()))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(nul.statusCode()).isEqualTo(400);
        assertThat(nul.body()).contains("Bad request");
    }

    private String page(HttpClient browser, String path) throws Exception {
        HttpResponse<String> response = browser.send(HttpRequest.newBuilder(uri(path)).header("Accept", "text/html")
                .GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response.body();
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static String csrf(String page) {
        Matcher m = CSRF.matcher(page);
        assertThat(m.find()).as("a CSRF token on the page").isTrue();
        return m.group(1);
    }
}
