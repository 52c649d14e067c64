package org.silkgrant;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every query the queues, lists and dashboards run can be served by an index on PostgreSQL: with sequential scans
 * switched off, EXPLAIN of each shows an index scan and no sequential scan of the table. The SQL is what the
 * repositories generate, written out. Skipped with a printed reason without PostgreSQL, except on CI.
 */
class QueryPlanTests {

    private static final String HOST = "127.0.0.1:5432";
    private static final String USER = "postgres";

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            // the leader's list and the organisation admin's list, newest first
            "select * from application where leader_id = 1 order by updated_at desc, id desc limit 20",
            "select * from application where organization_id = 1 order by updated_at desc, id desc limit 20",
            // the leader's project limit
            "select count(*) from application where leader_id = 1 and id <> 2 and status in ('SUBMITTED', 'ACCEPTED')",
            // the three queues
            "select * from application where organization_id = 1 and status = 'SUBMITTED' order by submitted_at limit 500",
            "select * from application where recommending_department = '650100' and status = 'ORG_APPROVED' order by submitted_at limit 500",
            "select * from application where call_code = '2023-SCO' and status = 'RECOMMENDED' order by submitted_at limit 500",
            // reminders and the office's counts
            "select * from application where call_code = '2023-SCO' and status in ('DRAFT', 'RETURNED') order by id",
            "select status, count(*) from application where call_code = '2023-SCO' group by status",
            // the office's table in receipt order
            "select * from application where call_code = '2023-SCO' and submitted_versions > 0 order by receipt_number limit 50",
            // an application's history and versions
            "select * from application_transition where application_id = 1 order by id",
            "select * from application_version where application_id = 1 order by version_number desc limit 1",
            // the inbox and its unread count
            "select * from notice where user_id = 1 order by id desc limit 50",
            "select count(*) from notice where user_id = 1 and read_at is null",
            // the audit admin's search and the chain walk
            "select * from audit_event where actor = 'officer' order by id desc limit 50",
            "select * from audit_event where action = 'LOGIN_FAILED' order by id desc limit 50",
            "select * from audit_event where seq > 1000 order by seq limit 1000",
            // the office's organisation queue
            "select * from organization where status = 'PENDING_VERIFICATION' order by id limit 50",
            // the expert registry: active experts by name, experts of a field, an expert's declared conflicts
            "select * from expert where active = true order by full_name, id limit 20",
            "select expert_id from expert_field where field_code = 'NEW_ENERGY'",
            "select * from expert_declared_conflict where expert_id = 1 order by id"
    })
    void anIndexServesTheQuery(String sql) throws SQLException {
        String plan = plan(sql);
        assertThat(plan).as("plan of %s", sql).containsIgnoringCase("index").doesNotContain("Seq Scan");
    }

    private static String database;

    private static synchronized String database() throws SQLException {
        if (database == null) {
            requirePostgres();
            database = "silkgrant_plan_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
            try (Connection admin = DriverManager.getConnection("jdbc:postgresql://" + HOST + "/postgres", USER, "");
                    Statement statement = admin.createStatement()) {
                statement.execute("create database " + database);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(QueryPlanTests::drop));
            Flyway.configure().dataSource("jdbc:postgresql://" + HOST + "/" + database, USER, "")
                    .locations("classpath:db/migration").load().migrate();
        }
        return database;
    }

    private static String plan(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:postgresql://" + HOST + "/" + database(), USER, "");
                Statement statement = connection.createStatement()) {
            statement.execute("set enable_seqscan = off");
            List<String> lines = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery("explain " + sql)) {
                while (rows.next()) {
                    lines.add(rows.getString(1));
                }
            }
            return String.join("\n", lines);
        }
    }

    private static void drop() {
        try (Connection admin = DriverManager.getConnection("jdbc:postgresql://" + HOST + "/postgres", USER, "");
                Statement statement = admin.createStatement()) {
            statement.execute("drop database if exists " + database + " with (force)");
        } catch (SQLException e) {
            System.err.println("[QueryPlanTests] could not drop " + database + ": " + e.getMessage());
        }
    }

    private static void requirePostgres() {
        DriverManager.setLoginTimeout(3);
        try (Connection connection = DriverManager.getConnection("jdbc:postgresql://" + HOST + "/postgres", USER, "")) {
            connection.isValid(3);
        } catch (SQLException e) {
            String reason = "PostgreSQL not reachable on " + HOST + " (" + e.getMessage() + ")";
            if ("true".equals(System.getenv("CI"))) {
                throw new IllegalStateException(reason + "; CI must run the PostgreSQL tests");
            }
            System.out.println("[QueryPlanTests] SKIPPED: " + reason);
            Assumptions.abort(reason);
        }
    }
}
