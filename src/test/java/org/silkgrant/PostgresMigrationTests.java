package org.silkgrant;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import javax.sql.DataSource;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.silkgrant.call.CallDefinition;
import org.silkgrant.call.CallManagement;
import org.silkgrant.call.CallStatus;
import org.silkgrant.call.CallView;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The Flyway migrations and the import of the call definitions on a real PostgreSQL server (127.0.0.1:5432, user
 * {@code postgres}, no password) with the {@code postgres} profile: each run gets a fresh database that is dropped
 * afterwards. Skipped when no server answers, except on CI ({@code CI=true}) where that fails the test.
 */
class PostgresMigrationTests {

    private static final String HOST = "127.0.0.1:5432";
    private static final String ADMIN_URL = "jdbc:postgresql://" + HOST + "/postgres";
    private static final String USER = "postgres";
    private static final String PASSWORD = "";

    @Test
    void migrationsApplyAndTheCallIsImportedOnceWithoutDemoData() throws SQLException {
        requirePostgres();
        String database = "silkgrant_test_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
        admin("CREATE DATABASE " + database);
        try {
            try (ConfigurableApplicationContext app = start(database)) {
                JdbcTemplate jdbc = new JdbcTemplate(app.getBean(DataSource.class));
                assertThat(jdbc.queryForObject("select current_database()", String.class))
                        .as("the application must use the test database, not the one configured for production")
                        .isEqualTo(database);

                Integer applied = jdbc.queryForObject(
                        "select count(*) from flyway_schema_history where success and version is not null", Integer.class);
                Integer failed = jdbc.queryForObject(
                        "select count(*) from flyway_schema_history where not success", Integer.class);
                assertThat(applied).as("successful versioned migrations in flyway_schema_history").isPositive();
                assertThat(failed).as("failed migrations in flyway_schema_history").isZero();

                List<Map<String, Object>> calls = jdbc.queryForList("select code, demo, opens_at, deadline from grant_call");
                assertThat(calls).as("rows of grant_call after the first start").hasSize(1);
                Map<String, Object> call = calls.get(0);
                assertThat(call.get("code")).as("code of the imported call").isEqualTo("2023-SCO");
                assertThat(call.get("demo")).as("grant_call.demo: the postgres profile writes no demo data")
                        .isEqualTo(Boolean.FALSE);
                assertThat(call.get("deadline")).as("grant_call.deadline: no demo schedule with the postgres profile")
                        .isNull();

                CallView view = app.getBean(CallManagement.class).get("2023-SCO");
                CallDefinition definition = view.definition();
                assertThat(definition.categories()).as("categories of 2023-SCO").hasSize(2);
                assertThat(definition.categories().get(0).scopes()).as("scopes of the first category (K1…K5)").hasSize(5);
                assertThat(definition.categories().get(1).scopes()).as("scopes of the second category (G1…G9)").hasSize(9);
                assertThat(definition.fields()).as("fields of 2023-SCO").hasSize(13);
                assertThat(definition.altaiRegions()).as("Altai partner regions of 2023-SCO").hasSize(12);
                assertThat(definition.portParks()).as("port parks of 2023-SCO").hasSize(3);
                assertThat(view.status()).as("status of a call without opening time and deadline")
                        .isEqualTo(CallStatus.UNSCHEDULED);
                assertThat(view.demo()).as("CallView.demo with the postgres profile").isFalse();
            }

            try (ConfigurableApplicationContext app = start(database)) {
                JdbcTemplate jdbc = new JdbcTemplate(app.getBean(DataSource.class));
                assertThat(jdbc.queryForObject("select count(*) from grant_call", Integer.class))
                        .as("rows of grant_call after a second start on the same database (a call is imported once)")
                        .isEqualTo(1);
            }
        } finally {
            admin("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
    }

    /**
     * The application with the postgres profile on the given database. The settings are passed as command-line
     * arguments: default properties ({@code SpringApplicationBuilder.properties}) rank below application.yml, whose
     * postgres profile sets {@code spring.datasource.url} itself.
     */
    private static ConfigurableApplicationContext start(String database) {
        return new SpringApplicationBuilder(SilkGrantApplication.class)
                .profiles("postgres")
                .run("--server.port=0",
                        "--spring.datasource.url=jdbc:postgresql://" + HOST + "/" + database,
                        "--spring.datasource.username=" + USER,
                        "--spring.datasource.password=" + PASSWORD,
                        "--silkgrant.data-dir=target/test-data/pg");
    }

    /** Skips the test without a server, or fails it on CI. */
    private static void requirePostgres() {
        DriverManager.setLoginTimeout(3);
        try (Connection connection = DriverManager.getConnection(ADMIN_URL, USER, PASSWORD)) {
            connection.isValid(3);
        } catch (SQLException e) {
            if ("true".equals(System.getenv("CI"))) {
                Assertions.fail("CI=true: CI needs PostgreSQL at " + HOST + " (user postgres, trust auth) for "
                        + "PostgresMigrationTests, but it cannot be reached: " + e.getMessage(), e);
            }
            String reason = "PostgreSQL not reachable at " + HOST + ": " + e.getMessage()
                    + "; PostgreSQL migration tests skipped";
            System.out.println("[PostgresMigrationTests] " + reason);
            Assumptions.abort(reason);
        }
    }

    private static void admin(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(ADMIN_URL, USER, PASSWORD);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
