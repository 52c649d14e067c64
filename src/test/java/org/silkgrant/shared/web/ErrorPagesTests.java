package org.silkgrant.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.silkgrant.SilkGrantTest;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.stereotype.Controller;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.bind.annotation.GetMapping;

/** The 404, 403 and 500 pages as a browser gets them from the running server, in the user's language. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(ErrorPagesTests.Failing.class)
class ErrorPagesTests {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    /** A page that fails, to see the 500 page. */
    @TestConfiguration
    @Controller
    static class Failing {

        @GetMapping("/test/failing")
        String fail() {
            throw new IllegalStateException("secret detail of a failure");
        }
    }

    /** A browser: keeps cookies, speaks HTML, starts in the given language. */
    private final class Browser {

        final CookieManager cookies = new CookieManager();
        final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).build();

        Browser(String language) {
            HttpCookie cookie = new HttpCookie("silkgrant-lang", language);
            cookie.setPath("/");
            cookie.setVersion(0);
            cookies.getCookieStore().add(URI.create("http://localhost:" + port + "/"), cookie);
        }

        HttpResponse<String> get(String path) throws IOException, InterruptedException {
            return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Accept", "text/html").GET().build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> post(String path, String form) throws IOException, InterruptedException {
            return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Accept", "text/html").header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        }

        String csrf(String page) throws IOException, InterruptedException {
            Matcher m = CSRF.matcher(get(page).body());
            assertThat(m.find()).as("CSRF token on " + page).isTrue();
            return URLEncoder.encode(m.group(1), StandardCharsets.UTF_8);
        }

        void signIn(String user) throws IOException, InterruptedException {
            String token = csrf("/login");
            HttpResponse<String> response = post("/login", "username=" + user + "&password="
                    + URLEncoder.encode(SilkGrantTest.DEMO_PASSWORD, StandardCharsets.UTF_8) + "&_csrf=" + token);
            assertThat(response.statusCode()).isEqualTo(302);
            assertThat(response.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"zh-CN | 页面不存在", "en | Page not found", "ru | Страница не найдена"})
    void anUnknownCallIsTheNotFoundPage(String language, String heading) throws Exception {
        HttpResponse<String> response = new Browser(language).get("/calls/NO-SUCH");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains(heading).contains("lang=\"" + language + "\"");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"zh-CN | 无权访问", "en | Access denied", "ru | Доступ запрещён"})
    void anApplicantChangingTheScheduleGetsTheForbiddenPage(String language, String heading) throws Exception {
        Browser browser = new Browser(language);
        browser.signIn("uni-leader");
        String token = browser.csrf("/calls/2023-SCO");

        HttpResponse<String> response = browser.post("/calls/2023-SCO/schedule",
                "opensAt=2031-03-01T09:00&deadline=2031-03-31T18:00&version=0&_csrf=" + token);

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains(heading);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"zh-CN | 系统出错", "en | Something went wrong", "ru | Произошла ошибка"})
    void aFailureShowsTheErrorPageWithoutItsDetails(String language, String heading) throws Exception {
        Browser browser = new Browser(language);
        browser.signIn("uni-leader");

        HttpResponse<String> response = browser.get("/test/failing");

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).contains(heading).doesNotContain("secret detail").doesNotContain("IllegalStateException");
    }
}
