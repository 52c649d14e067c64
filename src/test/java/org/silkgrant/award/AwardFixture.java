package org.silkgrant.award;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Test calls and reviewed applications for the award tests. Each test call is the shipped 2023 definition under
 * another code, changed as the test needs (its envelope, public objections), so that each has a notice of its own;
 * applications are inserted UNDER_REVIEW and their review rounds, assignments and submitted score sheets written
 * into the review module's tables directly, as the scoring tests do — how they get there is another module's test.
 */
final class AwardFixture {

    private static final AtomicInteger RECEIPTS = new AtomicInteger();
    private static final AtomicInteger ROUNDS = new AtomicInteger(500);
    private static final String[] CRITERIA = {"INNOVATION", "COOPERATION", "FEASIBILITY", "OUTCOMES", "BUDGET"};

    private final JdbcTemplate jdbc;
    private final Clock clock;

    AwardFixture(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Adds test calls, each the shipped call under {@code code} with the change given, to the calls imported at start. */
    static void calls(DynamicPropertyRegistry registry, Map<String, UnaryOperator<String>> variants) {
        try (InputStream in = AwardFixture.class.getClassLoader().getResourceAsStream("calls/2023-sco.yaml")) {
            String shipped = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            Path dir = Files.createTempDirectory("award-calls");
            dir.toFile().deleteOnExit();
            List<String> locations = new ArrayList<>(List.of("classpath*:calls/*.yaml"));
            for (Map.Entry<String, UnaryOperator<String>> variant : variants.entrySet()) {
                String text = variant.getValue().apply(shipped.replace("code: 2023-SCO\n", "code: " + variant.getKey() + "\n"));
                Path file = dir.resolve(variant.getKey() + ".yaml");
                Files.writeString(file, text);
                file.toFile().deleteOnExit();
                locations.add(file.toUri().toString());
            }
            registry.add("silkgrant.calls.locations", () -> String.join(",", locations));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The shipped call with other envelopes (万元, as written in the YAML). */
    static UnaryOperator<String> envelopes(String key, String general) {
        return text -> text.replace("{category: KEY, amount: \"1200\"}", "{category: KEY, amount: \"" + key + "\"}")
                .replace("{category: GENERAL, amount: \"1800\"}", "{category: GENERAL, amount: \"" + general + "\"}");
    }

    private OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }

    /** An application of a demo leader ({@code uni-leader} or {@code ent-leader}), UNDER_REVIEW, asking for {@code fiscal}. */
    long underReview(String call, String leader, String title, String category, String scope, String fiscal) {
        Long organization = jdbc.queryForObject("select organization_id from user_account where username = ?", Long.class, leader);
        Long leaderId = jdbc.queryForObject("select id from user_account where username = ?", Long.class, leader);
        String leaderName = jdbc.queryForObject("select full_name from user_account where username = ?", String.class, leader);
        String organizationName = leader.startsWith("uni") ? "新疆示范大学" : "新疆丝路示范科技有限公司";
        String receipt = "AWARD-" + System.nanoTime() + "-" + RECEIPTS.incrementAndGet();
        jdbc.update("insert into application (call_code, organization_id, leader_id, title, status, created_at, updated_at, "
                + "version, fiscal, organization_name, leader_name, category, scope_code, submitted_versions, receipt_number, "
                + "submitted_at) values (?, ?, ?, ?, 'UNDER_REVIEW', ?, ?, 0, ?, ?, ?, ?, ?, 1, ?, ?)", call, organization,
                leaderId, title, now(), now(), new BigDecimal(fiscal), organizationName, leaderName, category, scope, receipt,
                now());
        return jdbc.queryForObject("select id from application where receipt_number = ?", Long.class, receipt);
    }

    /** A review round of the call asking {@code k} experts per application. */
    long round(String call, int k) {
        int number = ROUNDS.incrementAndGet();
        jdbc.update("insert into review_round (call_code, number, experts_per_application, max_per_expert, deadline, status, "
                + "created_at, created_by) values (?, ?, ?, 15, ?, 'OPEN', ?, 'officer')", call, number, k,
                clock.instant().plus(Duration.ofDays(30)).atOffset(ZoneOffset.UTC), now());
        return jdbc.queryForObject("select id from review_round where call_code = ? and number = ?", Long.class, call, number);
    }

    /** An expert's assignment in the round, in the given status (ASSIGNED, CONFIRMED, SUBMITTED …). */
    long assign(long round, long application, String expert, String status) {
        Long expertId = jdbc.queryForObject("select e.id from expert e join user_account u on u.id = e.user_id "
                + "where u.username = ?", Long.class, expert);
        jdbc.update("insert into review_assignment (round_id, application_id, expert_id, affinity, origin, status, "
                + "created_at, created_by) values (?, ?, ?, 600, 'MANUAL', ?, ?, 'officer')", round, application, expertId,
                status, now());
        return jdbc.queryForObject("select max(id) from review_assignment where round_id = ? and application_id = ? "
                + "and expert_id = ?", Long.class, round, application, expertId);
    }

    /** A submitted sheet of the expert scoring every criterion {@code score} (0–10): its weighted total is 10 × score. */
    long submitted(long round, long application, String expert, String score) {
        long assignment = assign(round, application, expert, "SUBMITTED");
        sheet(assignment, "SUBMITTED", score);
        return assignment;
    }

    /** A draft sheet of a confirmed assignment. */
    long draft(long round, long application, String expert, String score) {
        long assignment = assign(round, application, expert, "CONFIRMED");
        sheet(assignment, "DRAFT", score);
        return assignment;
    }

    private void sheet(long assignment, String status, String score) {
        jdbc.update("insert into review_sheet (assignment_id, status, comment, updated_at, submitted_at, version) "
                + "values (?, ?, '合作基础扎实，方案可行。', ?, ?, 1)", assignment, status, now(),
                "SUBMITTED".equals(status) ? now() : null);
        for (String criterion : CRITERIA) {
            jdbc.update("insert into review_score (assignment_id, criterion_code, score) values (?, ?, ?)", assignment,
                    criterion, new BigDecimal(score));
        }
    }

    String status(long application) {
        return jdbc.queryForObject("select status from application where id = ?", String.class, application);
    }

    int audited(String action, long application) {
        return jdbc.queryForObject("select count(*) from audit_event where action = ? and target_id = ?", Integer.class,
                action, String.valueOf(application));
    }
}
