package org.silkgrant.application.web;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import javax.sql.DataSource;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.silkgrant.SilkGrantApplication;
import org.silkgrant.SilkGrantTest;
import org.silkgrant.shared.DemoMode;
import org.silkgrant.shared.DemoProperties;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Upload names and searches on a real PostgreSQL server (127.0.0.1:5432, user {@code postgres}), whose text columns
 * refuse U+0000 (the 500 the security review saw): a NUL in a name, quoted or percent-encoded, is a 400 before any
 * row is written; controls, C1 controls and direction marks never reach {@code attachment.file_name}; and the
 * expert search's {@code like … escape '\'} takes % and _ literally there too. A fresh database per run, dropped
 * afterwards; skipped without a server, except on CI ({@code CI=true}).
 */
class UploadNamesPostgresTests {

    private static final String HOST = "127.0.0.1:5432";
    private static final String ADMIN_URL = "jdbc:postgresql://" + HOST + "/postgres";
    private static final String USER = "postgres";
    private static final String PASSWORD = SilkGrantTest.DEMO_PASSWORD;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The demo data on PostgreSQL, which {@link DemoMode} refuses on its own; only in this test. */
    static class DemoOnPostgres {

        @Bean
        @Primary
        DemoMode demoOnPostgres(DemoProperties properties, DataSource dataSource) {
            return new DemoMode(properties, dataSource) {
                @Override
                public boolean isActive() {
                    return true;
                }
            };
        }
    }

    @Test
    void namesAreCleanedBeforePostgresSeesThemAndSearchesEscapeWildcards() throws Exception {
        requirePostgres();
        String database = "silkgrant_names_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
        admin("CREATE DATABASE " + database);
        try (ConfigurableApplicationContext app = start(database)) {
            int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
            JdbcTemplate jdbc = new JdbcTemplate(app.getBean(DataSource.class));
            RawUploads uploads = new RawUploads(port, PASSWORD);
            long id = uploads.newApplication("uni-leader");

            for (String disposition : List.of("form-data; name=\"file\"; filename=\"agree\u0000ment.pdf\"",
                    "form-data; name=\"file\"; filename*=UTF-8''agree%00ment.pdf")) {
                HttpResponse<String> nul = uploads.attach("uni-leader", id, "OTHER", disposition, AttachmentApiTests.pdf());
                assertThat(nul.statusCode()).as("%s: %s", disposition, nul.body()).isEqualTo(400);
                assertThat(nul.body()).contains("malformed-upload");
            }

            // BEL, ESC, DEL, NEL and CSI (C1), RLO, LRI/PDI, LRM, ALM, a zero-width space and a BOM, percent-encoded.
            String controls = "%07%1B%7F%C2%85%C2%9B%E2%80%AE%E2%81%A6%E2%81%A9%E2%80%8E%D8%9C%E2%80%8B%EF%BB%BF";
            HttpResponse<String> kept = uploads.attach("uni-leader", id, "OTHER",
                    "form-data; name=\"file\"; filename*=UTF-8''%E5%90%88%E4%BD%9C" + controls + "%E5%8D%8F%E8%AE%AEfdp.exe",
                    AttachmentApiTests.pdf());
            assertThat(kept.statusCode()).as(kept.body()).isEqualTo(201);
            assertThat(JSON.readTree(kept.body()).get("fileName").asString()).isEqualTo("合作协议fdp.exe.pdf");
            String stored = jdbc.queryForObject("select file_name from application_attachment where application_id = ?",
                    String.class, id);
            assertThat(stored).isEqualTo("合作协议fdp.exe.pdf");
            assertThat(stored.codePoints()).noneMatch(c -> Character.getType(c) == Character.CONTROL
                    || Character.getType(c) == Character.FORMAT);

            // The expert and organisation searches' LIKE on PostgreSQL: % and _ are letters there too.
            HttpClient http = HttpClient.newHttpClient();
            for (String search : List.of("/api/v1/experts?name=", "/api/v1/organizations?q=")) {
                for (String probe : List.of("%", "_", "\\")) {
                    HttpResponse<String> found = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                                    + search + URLEncoder.encode(probe, StandardCharsets.UTF_8)))
                            .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                                    ("officer:" + PASSWORD).getBytes(StandardCharsets.UTF_8))).GET().build(),
                            HttpResponse.BodyHandlers.ofString());
                    assertThat(found.statusCode()).as(found.body()).isEqualTo(200);
                    JsonNode page = JSON.readTree(found.body());
                    assertThat(page.get("totalElements").asLong()).as("%s%s", search, probe).isZero();
                }
            }
            assertThat(jdbc.queryForObject("select count(*) from expert", Long.class)).as("demo experts on PostgreSQL")
                    .isPositive();
            assertThat(jdbc.queryForObject("select count(*) from organization", Long.class))
                    .as("demo organisations on PostgreSQL").isPositive();
        } finally {
            admin("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
    }

    private static ConfigurableApplicationContext start(String database) {
        Path dataDir = Path.of("target", "test-data", "upload-names-pg", database);
        return new SpringApplicationBuilder(SilkGrantApplication.class, DemoOnPostgres.class)
                .profiles("postgres")
                .run("--server.port=0",
                        "--spring.datasource.url=jdbc:postgresql://" + HOST + "/" + database,
                        "--spring.datasource.username=" + USER,
                        "--spring.datasource.password=",
                        "--silkgrant.data-dir=" + dataDir,
                        "--silkgrant.security.require-staff-mfa=false",
                        "--silkgrant.demo.enabled=true",
                        "--silkgrant.demo.password=" + PASSWORD);
    }

    /** Skips the test without a server, or fails it on CI. */
    private static void requirePostgres() {
        DriverManager.setLoginTimeout(3);
        try (Connection connection = DriverManager.getConnection(ADMIN_URL, USER, "")) {
            connection.isValid(3);
        } catch (SQLException e) {
            if ("true".equals(System.getenv("CI"))) {
                Assertions.fail("CI=true: CI needs PostgreSQL at " + HOST + " for UploadNamesPostgresTests: "
                        + e.getMessage(), e);
            }
            String reason = "PostgreSQL not reachable at " + HOST + ": " + e.getMessage() + "; test skipped";
            System.out.println("[UploadNamesPostgresTests] " + reason);
            Assumptions.abort(reason);
        }
    }

    private static void admin(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(ADMIN_URL, USER, "");
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
