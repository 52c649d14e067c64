package org.silkgrant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.silkgrant.account.SilkGrantUser;
import org.silkgrant.application.ApplicationManagement;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.dao.DataAccessException;
import org.springframework.security.core.userdetails.UserDetailsService;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * On PostgreSQL, where a NUL in a text column was a 500 (PostgreSQL refuses it; H2 keeps it): the API refuses a NUL in
 * a JSON text or a query parameter with 422 naming it, a page form has it removed and saves, and hostile paging is
 * 422. A fresh database on 127.0.0.1:5432 (user postgres, trust), dropped afterwards; skipped when no server answers,
 * except on CI ({@code CI=true}) where that fails the test.
 */
class HostileInputPostgresTests {

    private static final String HOST = "127.0.0.1:5432";
    private static final String ADMIN_URL = "jdbc:postgresql://" + HOST + "/postgres";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void aNulNeverReachesPostgresAndHostileParametersAreNamed() throws Exception {
        requirePostgres();
        String database = "silkgrant_hostile_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
        admin("CREATE DATABASE " + database);
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(SilkGrantApplication.class,
                DemoOnPostgres.class).profiles("postgres").run(
                        "--server.port=0",
                        "--spring.datasource.url=jdbc:postgresql://" + HOST + "/" + database,
                        "--spring.datasource.username=postgres", "--spring.datasource.password=",
                        "--silkgrant.data-dir=" + Path.of("target", "test-data", "hostile", database),
                        "--silkgrant.security.require-staff-mfa=false",
                        "--silkgrant.demo.enabled=true", "--silkgrant.demo.password=" + SilkGrantTest.DEMO_PASSWORD)) {
            String base = "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
            HttpClient api = HttpClient.newHttpClient();

            // Why: PostgreSQL refuses the character in a text column, which was the 500.
            ApplicationManagement applications = context.getBean(ApplicationManagement.class);
            SilkGrantUser leader = (SilkGrantUser) context.getBean(UserDetailsService.class).loadUserByUsername("uni-leader");
            assertThatThrownBy(() -> applications.create(leader, "2023-SCO", "阿尔泰\u0000研究"))
                    .isInstanceOf(DataAccessException.class);

            HttpResponse<String> title = api.send(basic(base + "/api/v1/applications", "uni-leader")
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"callCode\":\"2023-SCO\",\"title\":\"阿尔泰\\u0000研究\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(title.statusCode()).isEqualTo(422);
            assertThat(JSON.readTree(title.body()).at("/errors/0/field").asString()).isEqualTo("title");

            HttpResponse<String> query = api.send(basic(base + "/api/v1/organizations?q=%E6%96%B0%00", "officer").GET()
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(query.statusCode()).isEqualTo(422);
            assertThat(JSON.readTree(query.body()).at("/errors/0/field").asString()).isEqualTo("q");
            HttpResponse<String> page = api.send(basic(base + "/api/v1/organizations?page=2147483647", "officer").GET()
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).isEqualTo(422);

            long id = applications.create(leader, "2023-SCO", "页面控制字符").id();
            HttpResponse<String> saved = new Browser(base).signIn("uni-leader").post("/applications/" + id
                    + "/sections/basics", "version=" + applications.get(leader, id).version()
                    + "&title=" + URLEncoder.encode("阿尔泰", StandardCharsets.UTF_8) + "%00"
                    + URLEncoder.encode("生态研究", StandardCharsets.UTF_8), "/applications/" + id);
            assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
            JsonNode stored = JSON.readTree(api.send(basic(base + "/api/v1/applications/" + id, "uni-leader").GET().build(),
                    HttpResponse.BodyHandlers.ofString()).body());
            assertThat(stored.get("title").asString()).isEqualTo("阿尔泰生态研究");
            assertThat(stored.at("/sections/basics/title").asString()).isEqualTo("阿尔泰生态研究");
        } finally {
            admin("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
    }

    private static HttpRequest.Builder basic(String uri, String user) {
        return HttpRequest.newBuilder(URI.create(uri)).header("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + SilkGrantTest.DEMO_PASSWORD).getBytes(StandardCharsets.UTF_8)));
    }

    /** A browser: keeps cookies, signs in with the form, sends forms with the page's CSRF token. */
    private static final class Browser {

        final String base;
        final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

        Browser(String base) {
            this.base = base;
        }

        String csrf(String page) throws Exception {
            Matcher m = CSRF.matcher(http.send(HttpRequest.newBuilder(URI.create(base + page)).header("Accept", "text/html")
                    .GET().build(), HttpResponse.BodyHandlers.ofString()).body());
            assertThat(m.find()).as("CSRF token on " + page).isTrue();
            return URLEncoder.encode(m.group(1), StandardCharsets.UTF_8);
        }

        HttpResponse<String> post(String path, String form, String tokenPage) throws Exception {
            return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/html")
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form + "&_csrf=" + csrf(tokenPage))).build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        Browser signIn(String user) throws Exception {
            HttpResponse<String> response = post("/login", "username=" + user + "&password="
                    + URLEncoder.encode(SilkGrantTest.DEMO_PASSWORD, StandardCharsets.UTF_8), "/login");
            assertThat(response.statusCode()).isEqualTo(302);
            assertThat(response.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
            return this;
        }
    }

    private static void requirePostgres() {
        DriverManager.setLoginTimeout(3);
        try (Connection connection = DriverManager.getConnection(ADMIN_URL, "postgres", "")) {
            connection.isValid(3);
        } catch (SQLException e) {
            if ("true".equals(System.getenv("CI"))) {
                Assertions.fail("CI=true: CI needs PostgreSQL at " + HOST + " (user postgres, trust auth) for "
                        + "HostileInputPostgresTests, but it cannot be reached: " + e.getMessage(), e);
            }
            Assumptions.abort("PostgreSQL at " + HOST + " is not reachable: " + e.getMessage());
        }
    }

    private static void admin(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(ADMIN_URL, "postgres", "");
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
