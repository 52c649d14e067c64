package org.silkgrant.award;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
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
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Decisions with a safety net (issue 12, point 5; docs/award.md): the totals of each category against its fiscal
 * budget envelope, exactly; an overrun refused until the officer confirms it; open score sheets listed and confirmed;
 * a decision changed before the notice and refused after it; the confirmation page before publishing; and the
 * leader's view of the decision, nothing before publication and the decision with its amount after. Each test has a
 * call of its own (the shipped call under another code), so that each publishes its own notice.
 */
@SilkGrantTest
@DirtiesContext
class DecisionSafetyNetTests {

    /** KEY's envelope is 0.3 万元: 0.1 + 0.2 must make exactly 0.3, and 0.0001 more is over. */
    private static final String ENVELOPE = "T12-ENV";
    private static final String SHEETS = "T12-SHEETS";
    private static final String FLOW = "T12-FLOW";
    private static final String RANK = "T12-RANK";

    @DynamicPropertySource
    static void calls(DynamicPropertyRegistry registry) {
        Map<String, UnaryOperator<String>> calls = new LinkedHashMap<>();
        calls.put(ENVELOPE, AwardFixture.envelopes("0.3", "1800"));
        calls.put(SHEETS, UnaryOperator.identity());
        calls.put(FLOW, AwardFixture.envelopes("1200", "100"));
        calls.put(RANK, UnaryOperator.identity());
        AwardFixture.calls(registry, calls);
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

    AwardFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new AwardFixture(jdbc, clock);
    }

    private RequestPostProcessor as(String username) {
        return user(users.loadUserByUsername(username));
    }

    private record Reply(int status, JsonNode body, String text, byte[] bytes) {
    }

    private Reply send(MockHttpServletRequestBuilder request) throws Exception {
        MockHttpServletResponse response = mvc.perform(request.header("Accept-Language", "en")).andReturn().getResponse();
        String text = response.getContentAsString(StandardCharsets.UTF_8);
        JsonNode body = text.strip().startsWith("{") || text.strip().startsWith("[") ? json.readTree(text) : json.createObjectNode();
        return new Reply(response.getStatus(), body, text, response.getContentAsByteArray());
    }

    private Reply decide(long id, String decision, String amount, boolean overEnvelope, boolean openSheets) throws Exception {
        String body = "{\"decision\":\"" + decision + "\"" + (amount == null ? "" : ",\"grantedAmount\":\"" + amount + "\"")
                + (overEnvelope ? ",\"confirmOverEnvelope\":true" : "") + (openSheets ? ",\"confirmUnfinishedSheets\":true" : "")
                + "}";
        return send(post("/api/v1/applications/{id}/decision", id).with(as("officer")).contentType(MediaType.APPLICATION_JSON)
                .content(body));
    }

    private JsonNode total(String call, String category) throws Exception {
        Reply totals = send(get("/api/v1/calls/{code}/decisions/totals", call).with(as("officer")));
        assertThat(totals.status()).as(totals.text()).isEqualTo(200);
        for (JsonNode t : totals.body()) {
            if (t.get("category").asString().equals(category)) {
                return t;
            }
        }
        throw new AssertionError("no total for " + category);
    }

    private JsonNode row(String call, long application) throws Exception {
        for (JsonNode d : send(get("/api/v1/calls/{code}/decisions", call).with(as("officer"))).body()) {
            if (d.get("applicationId").asLong() == application) {
                return d;
            }
        }
        throw new AssertionError("no decision row for " + application);
    }

    private String page(String path, String username, Object... vars) throws Exception {
        MockHttpServletResponse response = mvc.perform(get(path, vars).with(as(username))).andReturn().getResponse();
        assertThat(response.getStatus()).as(path).isEqualTo(200);
        return response.getContentAsString(StandardCharsets.UTF_8);
    }

    /** A reviewed application: one round of k = 1 with a submitted sheet, so that nothing is open. */
    private long reviewed(String call, String leader, String title, String category, String scope, String fiscal,
            String score) {
        long id = fixture.underReview(call, leader, title, category, scope, fiscal);
        fixture.submitted(fixture.round(call, 1), id, "expert-liu", score);
        return id;
    }

    @Test
    void theTotalsAgainstTheEnvelopeAreExactAndAnOverrunNeedsAConfirmationThatIsRecorded() throws Exception {
        long a = reviewed(ENVELOPE, "uni-leader", "盘子测试甲", "KEY", "K1", "1", "8");
        long b = reviewed(ENVELOPE, "uni-leader", "盘子测试乙", "KEY", "K2", "1", "7");
        long c = reviewed(ENVELOPE, "ent-leader", "盘子测试丙", "KEY", "K3", "1", "6");
        long d = reviewed(ENVELOPE, "ent-leader", "盘子测试丁", "GENERAL", "G1", "1800", "6");

        assertThat(decide(a, "APPROVED", "0.1", false, false).status()).isEqualTo(200);
        assertThat(decide(b, "APPROVED", "0.2", false, false).status()).isEqualTo(200);
        JsonNode key = total(ENVELOPE, "KEY");
        assertThat(key.get("envelope").asString()).isEqualTo("0.3000");
        assertThat(key.get("approved").asString()).as("0.1 + 0.2, exactly").isEqualTo("0.3000");
        assertThat(key.get("remaining").asString()).isEqualTo("0.0000");
        assertThat(key.get("over").asBoolean()).isFalse();
        assertThat(key.get("approvedCount").asInt()).isEqualTo(2);

        // one yuan more is over the envelope: refused, naming the overrun, until the officer confirms it
        Reply over = decide(c, "APPROVED", "0.0001", false, false);
        assertThat(over.status()).as(over.text()).isEqualTo(422);
        JsonNode error = over.body().get("errors").get(0);
        assertThat(error.get("field").asString()).isEqualTo("confirmOverEnvelope");
        assertThat(error.get("code").asString()).isEqualTo("OVER_ENVELOPE");
        assertThat(error.get("message").asString()).contains("Key projects", "0.3001", "0.0001", "0.30")
                .doesNotContain("KEY");
        assertThat(row(ENVELOPE, c).get("decision").isNull()).as("nothing recorded").isTrue();
        assertThat(total(ENVELOPE, "KEY").get("approved").asString()).isEqualTo("0.3000");

        Reply confirmed = decide(c, "APPROVED", "0.0001", true, false);
        assertThat(confirmed.status()).as(confirmed.text()).isEqualTo(200);
        assertThat(confirmed.body().get("overEnvelope").asString()).isEqualTo("0.0001");
        key = total(ENVELOPE, "KEY");
        assertThat(key.get("approved").asString()).isEqualTo("0.3001");
        assertThat(key.get("remaining").asString()).isEqualTo("-0.0001");
        assertThat(key.get("over").asBoolean()).isTrue();
        assertThat(jdbc.queryForObject("select over_envelope from award_decision_history where application_id = ?",
                java.math.BigDecimal.class, c)).isEqualByComparingTo("0.0001");
        assertThat(jdbc.queryForObject("select detail from audit_event where action = 'AWARD_DECISION_RECORDED' "
                + "and target_id = ?", String.class, String.valueOf(c))).contains("over the KEY envelope by 0.0001 万元, confirmed");

        // the running totals down the list (category, scope, rank): 0.1, 0.3, 0.3001
        assertThat(row(ENVELOPE, a).get("runningTotal").asString()).isEqualTo("0.1000");
        assertThat(row(ENVELOPE, b).get("runningTotal").asString()).isEqualTo("0.3000");
        assertThat(row(ENVELOPE, c).get("runningTotal").asString()).isEqualTo("0.3001");

        String office = page("/office/calls/{code}/decisions", "officer", ENVELOPE);
        assertThat(office).contains("envelope-totals", "已超出", "已确认超出预算盘子 0.0001 万元", "本类累计 0.30 万元");

        // lowering an approval over the envelope needs no confirmation: it takes the total down
        assertThat(decide(b, "APPROVED", "0.1999", false, false).status()).isEqualTo(200);
        key = total(ENVELOPE, "KEY");
        assertThat(key.get("approved").asString()).isEqualTo("0.3000");
        assertThat(key.get("over").asBoolean()).isFalse();
        // the other category has its own envelope: 1800 of 1800 is not over
        assertThat(decide(d, "APPROVED", "1800", false, false).status()).isEqualTo(200);
        JsonNode general = total(ENVELOPE, "GENERAL");
        assertThat(general.get("approved").asString()).isEqualTo("1800.0000");
        assertThat(general.get("remaining").asString()).isEqualTo("0.0000");

        // on the page: the refusal names the overrun and the row offers the confirmation, then the decision counts
        long e = reviewed(ENVELOPE, "uni-leader", "盘子测试戊", "KEY", "K4", "1", "5");
        MvcResult refused = mvc.perform(post("/office/calls/{code}/decisions/{id}", ENVELOPE, e).with(as("officer"))
                .with(csrf()).param("decision", "APPROVED").param("grantedAmount", "0.5")).andReturn();
        assertThat(refused.getResponse().getStatus()).isEqualTo(302);
        String again = mvc.perform(get("/office/calls/{code}/decisions", ENVELOPE).with(as("officer"))
                .flashAttrs(refused.getFlashMap())).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(again).contains("重点项目拟立项资助合计将达 0.80 万元，超出预算盘子 0.30 万元 0.50 万元",
                "confirm-envelope-" + e, "value=\"0.5\"");
        mvc.perform(post("/office/calls/{code}/decisions/{id}", ENVELOPE, e).with(as("officer")).with(csrf())
                .param("decision", "APPROVED").param("grantedAmount", "0.5").param("confirmOverEnvelope", "true"));
        assertThat(row(ENVELOPE, e).get("decision").asString()).isEqualTo("APPROVED");
        assertThat(total(ENVELOPE, "KEY").get("approved").asString()).isEqualTo("0.8000");
    }

    @Test
    void unfinishedAndMissingScoreSheetsAreListedAndTheOfficerMustConfirmThem() throws Exception {
        long open = fixture.underReview(SHEETS, "uni-leader", "评审未完成的项目", "KEY", "K1", "100");
        long round = fixture.round(SHEETS, 4);
        fixture.submitted(round, open, "expert-liu", "8");
        fixture.draft(round, open, "expert-zhao", "7");
        fixture.assign(round, open, "expert-sun", "ASSIGNED");
        fixture.assign(round, open, "expert-wu", "DECLINED");
        long complete = reviewed(SHEETS, "ent-leader", "评审已完成的项目", "KEY", "K1", "100", "6");

        JsonNode listed = row(SHEETS, open);
        assertThat(listed.get("rank").asInt()).isEqualTo(1);
        assertThat(listed.get("sheets").asInt()).isEqualTo(1);
        assertThat(listed.get("sheetsWanted").asInt()).isEqualTo(4);
        assertThat(listed.get("mean").decimalValue()).isEqualByComparingTo("80.00");
        assertThat(listed.get("missingSheets").asInt()).as("4 wanted: 1 in, 2 open, the declined one not replaced").isEqualTo(1);
        List<String> states = new ArrayList<>();
        listed.get("openSheets").forEach(o -> states.add(o.get("expertName").asString() + ":" + o.get("state").asString()));
        assertThat(states).containsExactly("赵敏:DRAFT", "孙立新:NOT_CONFIRMED");
        assertThat(row(SHEETS, complete).get("rank").asInt()).isEqualTo(2);

        Reply refused = decide(open, "NOT_FUNDED", null, false, false);
        assertThat(refused.status()).as(refused.text()).isEqualTo(422);
        JsonNode error = refused.body().get("errors").get(0);
        assertThat(error.get("field").asString()).isEqualTo("confirmUnfinishedSheets");
        assertThat(error.get("code").asString()).isEqualTo("UNFINISHED_SHEETS");
        assertThat(error.get("message").asString()).contains("1 of 4 score sheets submitted",
                "赵敏 (sheet saved as a draft, not submitted)", "孙立新 (has not confirmed no conflict yet)",
                "1 more missing (no expert assigned)").doesNotContain("DRAFT", "NOT_CONFIRMED");

        String office = page("/office/calls/{code}/decisions", "officer", SHEETS);
        assertThat(office).contains("赵敏（评审表为草稿，未提交）", "孙立新（尚未确认无利益冲突）", "另缺 1 份（未分配专家）",
                "confirm-sheets-" + open, "已交 1 / 应交 4").doesNotContain("confirm-sheets-" + complete);

        assertThat(decide(open, "NOT_FUNDED", null, false, true).status()).isEqualTo(200);
        assertThat(jdbc.queryForObject("select open_sheets from award_decision_history where application_id = ?",
                Integer.class, open)).isEqualTo(3);
        assertThat(jdbc.queryForObject("select detail from audit_event where action = 'AWARD_DECISION_RECORDED' "
                + "and target_id = ?", String.class, String.valueOf(open))).contains("3 score sheets open, confirmed");
        assertThat(decide(complete, "APPROVED", "90", false, false).status()).as("nothing open: no question").isEqualTo(200);
    }

    @Test
    void aDecisionIsChangedUntilTheNoticeIsPublishedThenItIsFinalAndTheLeaderSeesIt() throws Exception {
        long kept = reviewed(FLOW, "uni-leader", "改判后立项的项目", "GENERAL", "G3", "100", "9");
        long declined = reviewed(FLOW, "ent-leader", "不予立项的改判项目", "GENERAL", "G1", "80", "5");
        long undecided = reviewed(FLOW, "ent-leader", "尚未决定的项目", "GENERAL", "G2", "50", "4");

        assertThat(decide(kept, "APPROVED", "80", false, false).status()).isEqualTo(200);
        assertThat(total(FLOW, "GENERAL").get("approved").asString()).isEqualTo("80.0000");
        assertThat(decide(kept, "NOT_FUNDED", null, false, false).status()).isEqualTo(200);
        assertThat(total(FLOW, "GENERAL").get("approved").asString()).isEqualTo("0.0000");
        Reply changed = decide(kept, "APPROVED", "60.5", false, false);
        assertThat(changed.status()).as(changed.text()).isEqualTo(200);
        assertThat(changed.body().get("changes").asInt()).isEqualTo(2);
        assertThat(changed.body().get("changeable").asBoolean()).isTrue();
        assertThat(total(FLOW, "GENERAL").get("approved").asString()).isEqualTo("60.5000");
        assertThat(total(FLOW, "GENERAL").get("remaining").asString()).isEqualTo("39.5000");
        assertThat(decide(declined, "NOT_FUNDED", null, false, false).status()).isEqualTo(200);
        assertThat(fixture.status(kept)).as("no step until publication").isEqualTo("UNDER_REVIEW");

        JsonNode history = send(get("/api/v1/applications/{id}/decision/history", kept).with(as("officer"))).body();
        List<String> versions = new ArrayList<>();
        history.forEach(h -> versions.add(h.get("decision").asString() + " " + (h.get("grantedAmount").isNull() ? "-"
                : h.get("grantedAmount").asString()) + " " + h.get("decidedBy").asString()));
        assertThat(versions).containsExactly("APPROVED 80.0000 officer", "NOT_FUNDED - officer", "APPROVED 60.5000 officer");
        assertThat(send(get("/api/v1/applications/{id}/decision/history", kept).with(as("uni-leader"))).status()).isEqualTo(403);
        assertThat(fixture.audited("AWARD_DECISION_CHANGED", kept)).isEqualTo(2);

        // before publication the leader and the organisation see nothing of it
        Reply hidden = send(get("/api/v1/applications/{id}/decision", kept).with(as("uni-leader")));
        assertThat(hidden.status()).isEqualTo(404);
        assertThat(send(get("/api/v1/applications/{id}/decision", kept).with(as("uni-admin"))).status()).isEqualTo(404);
        assertThat(send(get("/api/v1/applications/{id}", kept).with(as("uni-leader"))).body().get("status").asString())
                .isEqualTo("UNDER_REVIEW");
        assertThat(page("/applications/{id}/decision/panel", "uni-leader", kept)).doesNotContain("funding-decision", "60.50");
        Reply office = send(get("/api/v1/applications/{id}/decision", kept).with(as("officer")));
        assertThat(office.status()).isEqualTo(200);
        assertThat(office.body().get("published").asBoolean()).isFalse();
        assertThat(page("/applications/{id}/decision/panel", "officer", kept)).contains("decision-unpublished", "60.50");
        assertThat(told("uni-leader", kept)).as("no notice of the decision before publication").isZero();

        // the confirmation page lists what the notice will publish
        String confirm = page("/office/calls/{code}/notice/confirm", "officer", FLOW);
        assertThat(confirm).contains("改判后立项的项目", "新疆示范大学", "张三", "60.50", "公示期 7 天",
                "1 项不予立项的申报书不列入公示", "尚未决定的项目", "publish-confirm")
                .doesNotContain("不予立项的改判项目");
        Reply preview = send(get("/api/v1/calls/{code}/notice/preview", FLOW).with(as("officer")));
        assertThat(preview.body().get("projects")).hasSize(1);
        assertThat(preview.body().get("notFunded").asInt()).isEqualTo(1);
        assertThat(preview.body().get("undecided")).hasSize(1);
        assertThat(send(get("/api/v1/calls/{code}/notice/preview", FLOW).with(as("uni-admin"))).status()).isEqualTo(403);
        assertThat(fixture.status(kept)).as("looking changes nothing").isEqualTo("UNDER_REVIEW");

        MockHttpServletResponse published = mvc.perform(post("/office/calls/{code}/notice", FLOW).with(as("officer"))
                .with(csrf()).param("text", "公示期内如有异议请提出")).andReturn().getResponse();
        assertThat(published.getStatus()).isEqualTo(302);
        assertThat(fixture.status(kept)).isEqualTo("APPROVED");
        assertThat(fixture.status(declined)).isEqualTo("NOT_FUNDED");
        assertThat(fixture.status(undecided)).isEqualTo("UNDER_REVIEW");
        assertThat(fixture.audited("APPLICATION_FUND", kept)).isEqualTo(1);

        // after publication: final, 409 with the reason, for changes and new decisions alike
        Reply late = decide(kept, "APPROVED", "70", false, false);
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.body().get("detail").asString()).contains("decisions are final");
        assertThat(decide(undecided, "NOT_FUNDED", null, false, false).status()).isEqualTo(409);
        assertThat(total(FLOW, "GENERAL").get("approved").asString()).isEqualTo("60.5000");
        assertThat(row(FLOW, kept).get("changeable").asBoolean()).isFalse();
        assertThat(send(get("/api/v1/calls/{code}/notice/preview", FLOW).with(as("officer"))).status()).isEqualTo(409);

        // the leader and the organisation see the decision and the amount; nobody else
        Reply seen = send(get("/api/v1/applications/{id}/decision", kept).with(as("uni-leader")));
        assertThat(seen.status()).as(seen.text()).isEqualTo(200);
        assertThat(seen.body().get("decision").asString()).isEqualTo("APPROVED");
        assertThat(seen.body().get("grantedAmount").asString()).isEqualTo("60.5000");
        assertThat(seen.body().get("published").asBoolean()).isTrue();
        assertThat(seen.body().get("onNotice").asBoolean()).isTrue();
        assertThat(send(get("/api/v1/applications/{id}/decision", kept).with(as("uni-admin"))).status()).isEqualTo(200);
        assertThat(send(get("/api/v1/applications/{id}/decision", kept).with(as("ent-admin"))).status())
                .as("not theirs").isEqualTo(404);
        assertThat(send(get("/api/v1/applications/{id}/decision", kept).with(as("expert"))).status()).isEqualTo(404);
        assertThat(page("/applications/{id}/decision/panel", "uni-leader", kept)).contains("funding-decision", "拟立项",
                "60.50 万元", "/notices/" + FLOW);
        Reply notFunded = send(get("/api/v1/applications/{id}/decision", declined).with(as("ent-leader")));
        assertThat(notFunded.body().get("decision").asString()).isEqualTo("NOT_FUNDED");
        assertThat(notFunded.body().get("grantedAmount").isNull()).isTrue();
        assertThat(send(get("/api/v1/applications/{id}/decision", undecided).with(as("ent-leader"))).status()).isEqualTo(404);
        await().atMost(Duration.ofSeconds(20)).until(() -> told("uni-leader", kept) >= 1);
    }

    /** Inbox notices of the leader about the decision (FUND / DECLINE) of the application. */
    private int told(String username, long application) {
        return jdbc.queryForObject("select count(*) from notice n join user_account u on u.id = n.user_id "
                + "where u.username = ? and n.application_id = ? and n.message_key in ('notification.FUND', "
                + "'notification.DECLINE')", Integer.class, username, application);
    }

    @Test
    void theRankingTheOfficeDecidesOnShowsRequestedAmountsAndTheirTotalPerGroup() throws Exception {
        long round = fixture.round(RANK, 1);
        long first = fixture.underReview(RANK, "uni-leader", "排名金额甲", "KEY", "K1", "0.1");
        long second = fixture.underReview(RANK, "uni-leader", "排名金额乙", "KEY", "K1", "0.2");
        long third = fixture.underReview(RANK, "ent-leader", "排名金额丙", "KEY", "K1", "1.0001");
        fixture.submitted(round, first, "expert-liu", "9");
        fixture.submitted(round, second, "expert-zhao", "8");
        fixture.submitted(round, third, "expert-sun", "7");

        Reply ranking = send(get("/api/v1/calls/{code}/ranking", RANK).with(as("officer")));
        assertThat(ranking.status()).as(ranking.text()).isEqualTo(200);
        JsonNode group = ranking.body().get("groups").get(0);
        assertThat(group.get("requestedTotal").asString()).isEqualTo("1.3001");
        assertThat(group.get("rows").get(0).get("requestedFiscal").asString()).isEqualTo("0.1000");

        String page = page("/office/calls/{code}/ranking", "officer", RANK);
        assertThat(page).contains("申请财政经费（万元）", "requested-total", "本组 3 项合计申请财政经费（万元）", "1.3001", "0.20");

        Reply file = send(get("/api/v1/calls/{code}/ranking.xlsx", RANK).with(as("officer")));
        assertThat(file.status()).isEqualTo(200);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(file.bytes()))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(13).getStringCellValue()).isEqualTo("Fiscal funding requested (10,000 yuan)");
            Map<String, Row> byTitle = new LinkedHashMap<>();
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                byTitle.put(sheet.getRow(r).getCell(4).getStringCellValue(), sheet.getRow(r));
            }
            assertThat(byTitle.get("排名金额丙").getCell(13).getNumericCellValue()).isEqualTo(1.0001);
            Row sum = byTitle.get("Total (3 applications)");
            assertThat(sum).isNotNull();
            assertThat(sum.getCell(13).getNumericCellValue()).isEqualTo(1.3001);
            assertThat(sum.getCell(13).getCellStyle().getDataFormatString()).isEqualTo("#,##0.00##");
        }

        // the decisions page shows the same rank and scores next to the amounts
        JsonNode row = row(RANK, third);
        assertThat(row.get("rank").asInt()).isEqualTo(3);
        assertThat(row.get("mean").decimalValue()).isEqualByComparingTo("70.00");
        assertThat(row.get("normalizedScore").decimalValue()).isEqualByComparingTo("0.000");
        assertThat(page("/office/calls/{code}/decisions", "officer", RANK)).contains("排名金额丙", "70.00", "已交 1 / 应交 1");
    }
}
