package org.silkgrant.application;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.silkgrant.SilkGrantApplication;
import org.silkgrant.SilkGrantTest;
import org.silkgrant.DemoOnPostgres;
import org.silkgrant.account.SilkGrantUser;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.core.userdetails.UserDetailsService;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@link SectionSaveRace} on PostgreSQL (127.0.0.1:5432, user postgres, trust), where the row lock that lines up the
 * writers of one application behaves as in production: nine threads save the nine sections of one application at
 * once from one version through {@link ApplicationManagement}, five rounds; every save succeeds and every text is
 * stored; a stale save of one section is a conflict; one of four writers of one section wins. A fresh database,
 * dropped afterwards. Skipped when no server answers, except on CI ({@code CI=true}) where that fails the test.
 */
class SectionSavesAtOncePostgresTests {

    private static final String HOST = "127.0.0.1:5432";
    private static final String ADMIN_URL = "jdbc:postgresql://" + HOST + "/postgres";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void savesOfEverySectionAtOnceAllSucceedOnPostgres() throws Exception {
        requirePostgres();
        String database = "silkgrant_saves_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
        admin("CREATE DATABASE " + database);
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(SilkGrantApplication.class,
                DemoOnPostgres.class).profiles("postgres").run(
                        "--server.port=0",
                        "--spring.datasource.url=jdbc:postgresql://" + HOST + "/" + database,
                        "--spring.datasource.username=postgres", "--spring.datasource.password=",
                        "--silkgrant.data-dir=" + Path.of("target", "test-data", "saves", database),
                        "--silkgrant.demo.enabled=true", "--silkgrant.demo.password=" + SilkGrantTest.DEMO_PASSWORD)) {
            ApplicationManagement applications = context.getBean(ApplicationManagement.class);
            SilkGrantUser leader = (SilkGrantUser) context.getBean(UserDetailsService.class)
                    .loadUserByUsername("uni-leader");
            long id = applications.create(leader, "2023-SCO", "并发保存测试").id();
            SectionSaveRace.run((section, json, ifMatch) -> {
                try {
                    return new SectionSaveRace.Saved(200,
                            applications.saveSection(leader, id, section, JSON.readTree(json), ifMatch));
                } catch (SectionConflictException e) {
                    return new SectionSaveRace.Saved(409, -1);
                }
            }, () -> {
                ApplicationView view = applications.get(leader, id);
                Map<String, JsonNode> sections = new LinkedHashMap<>(view.sections());
                return new SectionSaveRace.Stored(view.version(), sections);
            }, 5);
        } finally {
            admin("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
    }

    private static void requirePostgres() {
        DriverManager.setLoginTimeout(3);
        try (Connection connection = DriverManager.getConnection(ADMIN_URL, "postgres", "")) {
            connection.isValid(3);
        } catch (SQLException e) {
            if ("true".equals(System.getenv("CI"))) {
                Assertions.fail("CI=true: CI needs PostgreSQL at " + HOST + " (user postgres, trust auth) for "
                        + "SectionSavesAtOncePostgresTests, but it cannot be reached: " + e.getMessage(), e);
            }
            String reason = "PostgreSQL not reachable at " + HOST + ": " + e.getMessage() + "; concurrent-save test skipped";
            System.out.println("[SectionSavesAtOncePostgresTests] " + reason);
            Assumptions.abort(reason);
        }
    }

    private static void admin(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(ADMIN_URL, "postgres", "");
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
