package org.silkgrant.review.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.silkgrant.MutableClock;
import org.silkgrant.SilkGrantTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Review sheets, the ranking and the review reminders (docs/review.md "Scoring and ranking"). The assignment flow
 * is another branch's: applications are inserted UNDER_REVIEW, rounds and assignments are inserted into its tables
 * (review_round, review_assignment) directly, as the award tests do for decisions.
 */
@SilkGrantTest
@DirtiesContext
class ReviewScoringTests {

    private static final String CALL = "2023-SCO";
    private static final AtomicInteger ROUNDS = new AtomicInteger(100);
    private static final AtomicInteger RECEIPTS = new AtomicInteger();
    private static final String[] CODES = {"INNOVATION", "COOPERATION", "FEASIBILITY", "OUTCOMES", "BUDGET"};
    private static final String COMMENT = "创新性较强，合作基础扎实，预算基本合理。";

    @DynamicPropertySource
    static void noJobs(DynamicPropertyRegistry registry) {
        registry.add("silkgrant.review.reminder-cron", () -> "-");
        registry.add("silkgrant.notification.reminder-cron", () -> "-");
    }

    @TestConfiguration
    static class MovableTime {

        @Bean
        @Primary
        MutableClock mutableClock() {
            return new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        }
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Autowired
    MutableClock clock;

    @Autowired
    UserDetailsService users;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ReviewReminders reminders;

    private RequestPostProcessor as(String username) {
        return user(users.loadUserByUsername(username));
    }

    private OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }

    /** An application of the demo university, UNDER_REVIEW (set directly: no step leads there on this branch). */
    private long application(String title, String category, String scope) {
        Long organization = jdbc.queryForObject("select organization_id from user_account where username = 'uni-leader'", Long.class);
        Long leader = jdbc.queryForObject("select id from user_account where username = 'uni-leader'", Long.class);
        String receipt = "SCORE-" + System.nanoTime() + "-" + RECEIPTS.incrementAndGet();
        jdbc.update("insert into application (call_code, organization_id, leader_id, title, status, created_at, updated_at, "
                + "version, fiscal, organization_name, leader_name, category, scope_code, submitted_versions, receipt_number, "
                + "submitted_at) values (?, ?, ?, ?, 'UNDER_REVIEW', ?, ?, 0, 100, '新疆示范大学', '张明', ?, ?, 1, ?, ?)",
                CALL, organization, leader, title, now(), now(), category, scope, receipt, now());
        return jdbc.queryForObject("select id from application where receipt_number = ?", Long.class, receipt);
    }

    private long round(Duration untilDeadline) {
        int number = ROUNDS.incrementAndGet();
        jdbc.update("insert into review_round (call_code, number, experts_per_application, max_per_expert, deadline, status, "
                + "created_at, created_by) values (?, ?, 5, 15, ?, 'OPEN', ?, 'officer')", CALL, number,
                clock.instant().plus(untilDeadline).atOffset(ZoneOffset.UTC), now());
        return jdbc.queryForObject("select id from review_round where call_code = ? and number = ?", Long.class, CALL, number);
    }

    private long assign(long round, long application, String expert, String status) {
        Long expertId = jdbc.queryForObject("select e.id from expert e join user_account u on u.id = e.user_id "
                + "where u.username = ?", Long.class, expert);
        jdbc.update("insert into review_assignment (round_id, application_id, expert_id, affinity, origin, status, "
                + "created_at, created_by) values (?, ?, ?, 600, 'MANUAL', ?, ?, 'officer')", round, application, expertId,
                status, now());
        return jdbc.queryForObject("select max(id) from review_assignment where round_id = ? and application_id = ? "
                + "and expert_id = ?", Long.class, round, application, expertId);
    }

    private record Reply(int status, JsonNode body, String text, byte[] bytes) {
    }

    private Reply send(MockHttpServletRequestBuilder request) throws Exception {
        MockHttpServletResponse response = mvc.perform(request.header("Accept-Language", "en")).andReturn().getResponse();
        String text = response.getContentAsString(StandardCharsets.UTF_8);
        JsonNode body = text.strip().startsWith("{") || text.strip().startsWith("[") ? json.readTree(text) : json.createObjectNode();
        return new Reply(response.getStatus(), body, text, response.getContentAsByteArray());
    }

    private static String uniform(String score, String comment) {
        StringBuilder body = new StringBuilder("{\"scores\":{");
        for (int i = 0; i < CODES.length; i++) {
            body.append(i == 0 ? "" : ",").append('"').append(CODES[i]).append("\":").append(score);
        }
        return body.append("},\"comment\":").append(comment == null ? "null" : "\"" + comment + "\"").append('}').toString();
    }

    private Reply save(String expert, long assignment, String body) throws Exception {
        return send(put("/api/v1/assignments/{id}/review", assignment).with(as(expert)).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private Reply submit(String expert, long assignment) throws Exception {
        return send(post("/api/v1/assignments/{id}/review/submission", assignment).with(as(expert)).with(csrf()));
    }

    private String assignmentStatus(long assignment) {
        return jdbc.queryForObject("select status from review_assignment where id = ?", String.class, assignment);
    }

    @Test
    void aScoreOutsideItsRangeIsRefusedNamingTheCriterion() throws Exception {
        long assignment = assign(round(Duration.ofDays(60)), application("范围校验项目", "GENERAL", "G3"), "expert", "CONFIRMED");

        Reply above = save("expert", assignment, "{\"scores\":{\"INNOVATION\":10.5,\"BUDGET\":-1},\"comment\":\"draft\"}");
        assertThat(above.status()).as(above.text()).isEqualTo(422);
        assertThat(above.body().get("errors").findValuesAsString("field")).containsExactlyInAnyOrder("scores.INNOVATION",
                "scores.BUDGET");
        assertThat(above.body().get("errors").findValuesAsString("code")).containsOnly("OUT_OF_RANGE");
        assertThat(above.body().get("errors").findValuesAsString("message"))
                .contains("Innovation and scientific merit: the score must be between 0 and 10.");
        assertThat(save("expert", assignment, "{\"scores\":{\"NOVELTY\":5}}").body().get("errors").get(0).get("code")
                .asString()).isEqualTo("UNKNOWN_CRITERION");
        assertThat(jdbc.queryForObject("select count(*) from review_sheet where assignment_id = ?", Integer.class, assignment))
                .as("nothing saved").isZero();

        Reply draft = save("expert", assignment, "{\"scores\":{\"INNOVATION\":10,\"BUDGET\":0,\"OUTCOMES\":null},\"comment\":\"draft\"}");
        assertThat(draft.status()).as(draft.text()).isEqualTo(200);
        assertThat(draft.body().get("status").asString()).isEqualTo("DRAFT");
        assertThat(draft.body().get("scores").get("INNOVATION").decimalValue()).isEqualByComparingTo("10");
        assertThat(draft.body().get("total").isNull()).as("no total while criteria are unscored").isTrue();
        assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'REVIEW_SHEET_SAVED' and target_id = ?",
                Integer.class, String.valueOf(assignment))).isEqualTo(1);
    }

    @Test
    void aDraftCannotBeSavedAfterTheRoundDeadline() throws Exception {
        long assignment = assign(round(Duration.ofHours(2)), application("截止校验项目", "GENERAL", "G3"), "expert", "CONFIRMED");
        assertThat(save("expert", assignment, uniform("7", null)).status()).isEqualTo(200);

        clock.advance(Duration.ofHours(2));
        Reply late = save("expert", assignment, uniform("8", null));
        assertThat(late.status()).as(late.text()).isEqualTo(409);
        assertThat(submit("expert", assignment).status()).isEqualTo(409);
        assertThat(jdbc.queryForObject("select score from review_score where assignment_id = ? and criterion_code = 'BUDGET'",
                java.math.BigDecimal.class, assignment)).isEqualByComparingTo("7");
    }

    @Test
    void submissionNeedsEveryCriterionAndACommentThenTheSheetIsReadOnlyUntilTheOfficerReopensIt() throws Exception {
        long assignment = assign(round(Duration.ofDays(60)), application("提交校验项目", "GENERAL", "G3"), "expert", "CONFIRMED");
        save("expert", assignment, "{\"scores\":{\"INNOVATION\":8,\"COOPERATION\":7},\"comment\":\"太短\"}");

        Reply incomplete = submit("expert", assignment);
        assertThat(incomplete.status()).isEqualTo(422);
        assertThat(incomplete.body().get("errors").findValuesAsString("field")).containsExactlyInAnyOrder(
                "scores.FEASIBILITY", "scores.OUTCOMES", "scores.BUDGET", "comment");
        assertThat(assignmentStatus(assignment)).isEqualTo("CONFIRMED");

        save("expert", assignment, "{\"scores\":{\"INNOVATION\":8,\"COOPERATION\":7,\"FEASIBILITY\":6,\"OUTCOMES\":9,"
                + "\"BUDGET\":5},\"comment\":\"" + COMMENT + "\"}");
        Reply submitted = submit("expert", assignment);
        assertThat(submitted.status()).as(submitted.text()).isEqualTo(200);
        // 25·0.8 + 25·0.7 + 20·0.6 + 20·0.9 + 10·0.5 = 20 + 17.5 + 12 + 18 + 5
        assertThat(submitted.body().get("total").decimalValue()).isEqualByComparingTo("72.50");
        assertThat(submitted.body().get("status").asString()).isEqualTo("SUBMITTED");
        assertThat(submitted.body().get("editable").asBoolean()).isFalse();
        assertThat(assignmentStatus(assignment)).isEqualTo("SUBMITTED");
        assertThat(jdbc.queryForObject("select submitted_at from review_assignment where id = ?", OffsetDateTime.class,
                assignment)).isNotNull();

        assertThat(save("expert", assignment, uniform("10", COMMENT)).status()).as("read-only").isEqualTo(409);
        assertThat(submit("expert", assignment).status()).isEqualTo(409);

        String sheetPage = send(get("/expert/reviews/{id}/sheet", assignment).with(as("expert"))).text();
        assertThat(sheetPage).contains("72.50").contains("<fieldset disabled").doesNotContain("id=\"submit-sheet\"");

        Reply byExpert = send(post("/api/v1/assignments/{id}/review/reopening", assignment).with(as("expert")).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"请补充预算意见\"}"));
        assertThat(byExpert.status()).isEqualTo(403);
        Reply noReason = send(post("/api/v1/assignments/{id}/review/reopening", assignment).with(as("officer")).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\" \"}"));
        assertThat(noReason.status()).isEqualTo(422);
        Reply reopened = send(post("/api/v1/assignments/{id}/review/reopening", assignment).with(as("officer")).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"请补充预算意见\"}"));
        assertThat(reopened.status()).as(reopened.text()).isEqualTo(200);
        assertThat(reopened.body().get("status").asString()).isEqualTo("DRAFT");
        assertThat(reopened.body().get("reopenReason").asString()).isEqualTo("请补充预算意见");
        assertThat(assignmentStatus(assignment)).isEqualTo("CONFIRMED");
        // The expert is told, with the officer's reason.
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject("select count(*) from notice n "
                + "join user_account u on u.id = n.user_id where u.username = 'expert' "
                + "and n.message_key = 'notification.SHEET_REOPENED' and n.comment = '请补充预算意见'", Integer.class) == 1);
        assertThat(send(post("/api/v1/assignments/{id}/review/reopening", assignment).with(as("officer")).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"again\"}")).status()).as("not submitted").isEqualTo(409);

        assertThat(save("expert", assignment, uniform("9", COMMENT)).status()).isEqualTo(200);
        assertThat(submit("expert", assignment).body().get("total").decimalValue()).isEqualByComparingTo("90.00");
        for (String action : List.of("REVIEW_SHEET_SUBMITTED", "REVIEW_SHEET_REOPENED")) {
            assertThat(jdbc.queryForObject("select count(*) from audit_event where action = ? and target_id = ?",
                    Integer.class, action, String.valueOf(assignment))).as(action).isPositive();
        }
    }

    @Test
    void anotherExpertsSheetIsNotFoundAndAnUnconfirmedAssignmentCannotBeScored() throws Exception {
        long application = application("权限校验项目", "GENERAL", "G3");
        long round = round(Duration.ofDays(60));
        long mine = assign(round, application, "expert", "CONFIRMED");
        long unconfirmed = assign(round, application, "expert-ivanov", "ASSIGNED");
        long declined = assign(round, application, "expert-ma", "DECLINED");

        assertThat(send(get("/api/v1/assignments/{id}/review", mine).with(as("expert-ivanov"))).status()).isEqualTo(404);
        assertThat(save("expert-ivanov", mine, uniform("5", null)).status()).isEqualTo(404);
        assertThat(send(get("/expert/reviews/{id}/sheet", mine).with(as("expert-ivanov"))).status()).isEqualTo(404);
        assertThat(send(get("/api/v1/assignments/{id}/review", mine).with(as("uni-leader"))).status()).isEqualTo(403);
        assertThat(send(get("/api/v1/assignments/{id}/review", 999_999).with(as("expert"))).status()).isEqualTo(404);

        Reply notYet = save("expert-ivanov", unconfirmed, uniform("5", null));
        assertThat(notYet.status()).isEqualTo(409);
        assertThat(notYet.text()).contains("Confirm that you have no conflict of interest");
        assertThat(save("expert-ma", declined, uniform("5", null)).status()).isEqualTo(409);
        assertThat(send(get("/api/v1/assignments/{id}/review", unconfirmed).with(as("expert-ivanov"))).body()
                .get("editable").asBoolean()).isFalse();
    }

    @Test
    void theRankingOfThreeApplicationsByFiveExpertsMatchesTheHandComputedFigures() throws Exception {
        long round = round(Duration.ofDays(60));
        String[] experts = {"expert-liu", "expert-zhao", "expert-sun", "expert-wu", "expert-nurlan"};
        // Every criterion gets the same score s, so the sheet total is 10·s.
        Map<String, int[]> totalsOf = Map.of("A", new int[] {90, 80, 85, 75, 50},
                "B", new int[] {70, 70, 75, 80, 70}, "C", new int[] {60, 65, 60, 70, 60});
        Map<String, Long> ids = new HashMap<>();
        for (String name : List.of("A", "B", "C")) {
            long application = application("排名项目 " + name, "KEY", "K1");
            ids.put(name, application);
            int[] totals = totalsOf.get(name);
            for (int e = 0; e < experts.length; e++) {
                long assignment = assign(round, application, experts[e], "CONFIRMED");
                String score = new java.math.BigDecimal(totals[e]).movePointLeft(1).toPlainString();
                assertThat(save(experts[e], assignment, uniform(score, COMMENT)).status()).isEqualTo(200);
                assertThat(submit(experts[e], assignment).status()).isEqualTo(200);
            }
        }
        assign(round, ids.get("A"), "expert-ma", "CONFIRMED"); // expected but not submitted
        assign(round, ids.get("B"), "expert-ivanov", "DECLINED"); // not expected

        Reply ranking = send(get("/api/v1/calls/{code}/ranking", CALL).with(as("officer")));
        assertThat(ranking.status()).as(ranking.text()).isEqualTo(200);
        JsonNode group = null;
        for (JsonNode g : ranking.body().get("groups")) {
            if (g.get("category").asString().equals("KEY") && g.get("scope").asString().equals("K1")) {
                group = g;
            }
        }
        assertThat(group).isNotNull();
        JsonNode rows = group.get("rows");
        assertThat(rows).hasSize(3);
        // A: 90 85 80 75 50 → mean 380/5 = 76.00, trimmed (85+80+75)/3 = 80.00, spread 40 > 20
        // B: 80 75 70 70 70 → mean 73.00, trimmed (75+70+70)/3 = 71.67, spread 10
        // C: 70 65 60 60 60 → mean 63.00, trimmed (65+60+60)/3 = 61.67, spread 10
        // z per expert over their three totals (population sd), averaged: A 0.517, B 0.415, C −0.932
        String[][] expected = {{"A", "1", "76.00", "80.00", "0.517", "40.00", "true", "6"},
                {"B", "2", "73.00", "71.67", "0.415", "10.00", "false", "5"},
                {"C", "3", "63.00", "61.67", "-0.932", "10.00", "false", "5"}};
        for (int i = 0; i < 3; i++) {
            JsonNode row = rows.get(i);
            String[] want = expected[i];
            assertThat(row.get("applicationId").asLong()).isEqualTo(ids.get(want[0]));
            assertThat(row.get("rank").asInt()).isEqualTo(Integer.parseInt(want[1]));
            assertThat(row.get("mean").decimalValue()).isEqualByComparingTo(want[2]);
            assertThat(row.get("trimmedMean").decimalValue()).isEqualByComparingTo(want[3]);
            assertThat(row.get("normalizedScore").decimalValue()).isEqualByComparingTo(want[4]);
            assertThat(row.get("spread").decimalValue()).isEqualByComparingTo(want[5]);
            assertThat(row.get("disagreement").asBoolean()).isEqualTo(Boolean.parseBoolean(want[6]));
            assertThat(row.get("sheets").asInt()).isEqualTo(5);
            assertThat(row.get("expected").asInt()).isEqualTo(Integer.parseInt(want[7]));
        }
        assertThat(send(get("/api/v1/calls/{code}/ranking", CALL).with(as("expert"))).status()).isEqualTo(403);

        String page = send(get("/office/calls/{code}/ranking", CALL).with(as("officer"))).text();
        assertThat(page).contains("排名项目 A").contains("table-warning").contains("/office/calls/2023-SCO/decisions")
                .contains("80.00").contains("5 / 6");

        Reply file = send(get("/api/v1/calls/{code}/ranking.xlsx", CALL).with(as("officer")));
        assertThat(file.status()).isEqualTo(200);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(file.bytes()))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Category");
            assertThat(sheet.getRow(0).getCell(9).getStringCellValue()).isEqualTo("Trimmed mean");
            Map<String, Row> byTitle = new HashMap<>();
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                byTitle.put(sheet.getRow(r).getCell(4).getStringCellValue(), sheet.getRow(r));
            }
            Row a = byTitle.get("排名项目 A");
            assertThat(a.getCell(2).getNumericCellValue()).isEqualTo(1);
            assertThat(a.getCell(8).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(a.getCell(8).getNumericCellValue()).isEqualTo(76.0);
            assertThat(a.getCell(8).getCellStyle().getDataFormatString()).isEqualTo("0.00");
            assertThat(a.getCell(9).getNumericCellValue()).isEqualTo(80.0);
            assertThat(a.getCell(12).getStringCellValue()).isEqualTo("Experts disagree");
            assertThat(byTitle.get("排名项目 B").getCell(9).getNumericCellValue()).isEqualTo(71.67);
            assertThat(byTitle.get("排名项目 C").getCell(10).getNumericCellValue()).isEqualTo(-0.932);
            assertThat(byTitle.get("排名项目 C").getCell(12).getStringCellValue()).isEmpty();
        }
    }

    @Test
    void anExpertIsRemindedOnceAtEachHourMarkBeforeTheRoundDeadline() throws Exception {
        long round = round(Duration.ofHours(80));
        long application = application("提醒项目", "GENERAL", "G3");
        assign(round, application, "expert", "CONFIRMED");
        assign(round, application("提醒项目二", "GENERAL", "G3"), "expert", "ASSIGNED");
        long done = assign(round, application, "expert-sun", "SUBMITTED");
        Long expertUser = jdbc.queryForObject("select id from user_account where username = 'expert'", Long.class);

        reminders.sendDue();
        assertThat(sent(round)).as("80 hours before").isZero();

        clock.advance(Duration.ofHours(9)); // 71 hours left: the 72-hour mark
        reminders.sendDue();
        reminders.sendDue();
        assertThat(sent(round)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select hour_mark from review_reminder_sent where round_id = ?", Integer.class, round))
                .isEqualTo(72);

        clock.advance(Duration.ofHours(48)); // 23 hours left: the 24-hour mark
        reminders.sendDue();
        reminders.sendDue();
        assertThat(sent(round)).isEqualTo(2);
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject("select count(*) from notice where user_id = ? "
                + "and message_key = 'notification.REMINDER_REVIEW'", Integer.class, expertUser) >= 2);
        assertThat(jdbc.queryForList("select arguments from notice where user_id = ? and message_key = "
                + "'notification.REMINDER_REVIEW'", String.class, expertUser)).allMatch(a -> a.contains("2023-SCO"));
        assertThat(jdbc.queryForObject("select count(*) from review_reminder_sent s join expert e on e.id = s.expert_id "
                + "join user_account u on u.id = e.user_id where s.round_id = ? and u.username = 'expert-sun'", Integer.class,
                round)).as("a submitted review is not reminded (assignment %d)", done).isZero();

        clock.advance(Duration.ofHours(24)); // past the deadline
        reminders.sendDue();
        assertThat(sent(round)).isEqualTo(2);
    }

    private int sent(long round) {
        return jdbc.queryForObject("select count(*) from review_reminder_sent where round_id = ?", Integer.class, round);
    }
}
