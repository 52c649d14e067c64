package org.silkgrant.award;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
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
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Decisions, the public notice, objections and the award job with a clock the test moves (docs/award.md). The
 * applications are put UNDER_REVIEW directly: how they get there is the review module's business, so no score sheet
 * is ever in and every decision confirms that. The notice closes the call's decisions, so the test that publishes it
 * runs last. The safety net itself (envelope, open sheets, changes) is DecisionSafetyNetTests'.
 */
@SilkGrantTest
@DirtiesContext
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AwardTests {

    private static final String CALL = "2023-SCO";

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
    AwardManagement awards;

    private RequestPostProcessor as(String username) {
        return user(users.loadUserByUsername(username));
    }

    /** An application of the demo university's leader, under review, asking for {@code fiscal} 万元. */
    private long underReview(String title, String fiscal) {
        Long organization = jdbc.queryForObject("select organization_id from user_account where username = 'uni-leader'", Long.class);
        Long leader = jdbc.queryForObject("select id from user_account where username = 'uni-leader'", Long.class);
        OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
        jdbc.update("insert into application (call_code, organization_id, leader_id, title, status, created_at, updated_at, "
                + "version, fiscal, organization_name, leader_name, category, scope_code, submitted_versions) values (?, ?, ?, ?, 'UNDER_REVIEW', "
                + "?, ?, 0, ?, '新疆示范大学', '张明', 'GENERAL', 'G3', 1)", CALL, organization, leader, title, now, now,
                new java.math.BigDecimal(fiscal));
        return jdbc.queryForObject("select max(id) from application where title = ?", Long.class, title);
    }

    private String status(long id) {
        return jdbc.queryForObject("select status from application where id = ?", String.class, id);
    }

    private record Reply(int status, JsonNode body, String text) {
    }

    private Reply send(MockHttpServletRequestBuilder request) throws Exception {
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        String text = response.getContentAsString(StandardCharsets.UTF_8);
        JsonNode body = text.strip().startsWith("{") || text.strip().startsWith("[") ? json.readTree(text) : json.createObjectNode();
        return new Reply(response.getStatus(), body, text);
    }

    private Reply decide(String user, long id, String body) throws Exception {
        return send(post("/api/v1/applications/{id}/decision", id).with(as(user)).contentType(MediaType.APPLICATION_JSON)
                .content(body));
    }

    private Reply object(String user, long id, String text) throws Exception {
        return send(post("/api/v1/calls/{code}/notice/objections", CALL).with(as(user)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"applicationId\":" + id + ",\"text\":\"" + text + "\"}"));
    }

    /** The officer's decision with the confirmation that no score sheet is in (no review round in these tests). */
    private Reply decideConfirmed(long id, String body) throws Exception {
        return decide("officer", id, body.substring(0, body.length() - 1) + ",\"confirmUnfinishedSheets\":true}");
    }

    @Test
    @Order(1)
    void onlyTheOfficerDecidesAndTheGrantedAmountIsPositiveAndWithinTheRequest() throws Exception {
        long id = underReview("决定校验项目", "100");

        assertThat(decide("uni-leader", id, "{\"decision\":\"APPROVED\",\"grantedAmount\":\"80\"}").status()).isEqualTo(403);
        assertThat(decide("uni-admin", id, "{\"decision\":\"APPROVED\",\"grantedAmount\":\"80\"}").status()).isEqualTo(403);
        assertThat(decide("expert", id, "{\"decision\":\"APPROVED\",\"grantedAmount\":\"80\"}").status()).isEqualTo(403);

        Reply above = decide("officer", id, "{\"decision\":\"APPROVED\",\"grantedAmount\":\"100.0001\"}");
        assertThat(above.status()).isEqualTo(422);
        assertThat(above.body().get("errors").get(0).get("field").asString()).isEqualTo("grantedAmount");
        assertThat(above.body().get("errors").get(0).get("code").asString()).isEqualTo("ABOVE_REQUESTED");
        assertThat(decide("officer", id, "{\"decision\":\"APPROVED\",\"grantedAmount\":\"0\"}").body()
                .get("errors").get(0).get("code").asString()).isEqualTo("NOT_POSITIVE");
        assertThat(decide("officer", id, "{\"decision\":\"APPROVED\"}").body().get("errors").get(0).get("field").asString())
                .isEqualTo("grantedAmount");
        Reply unconfirmed = decide("officer", id, "{\"decision\":\"APPROVED\",\"grantedAmount\":\"100\"}");
        assertThat(unconfirmed.status()).as("no score sheet is in").isEqualTo(422);
        assertThat(unconfirmed.body().get("errors").get(0).get("field").asString()).isEqualTo("confirmUnfinishedSheets");
        assertThat(status(id)).isEqualTo("UNDER_REVIEW");

        Reply approved = decideConfirmed(id, "{\"decision\":\"APPROVED\",\"grantedAmount\":\"100\",\"note\":\"全额资助\"}");
        assertThat(approved.status()).as(approved.text()).isEqualTo(200);
        assertThat(approved.body().get("decision").asString()).isEqualTo("APPROVED");
        assertThat(approved.body().get("grantedAmount").decimalValue()).isEqualByComparingTo("100");
        assertThat(status(id)).as("the application moves only when the notice is published").isEqualTo("UNDER_REVIEW");
        Reply changed = decideConfirmed(id, "{\"decision\":\"NOT_FUNDED\"}");
        assertThat(changed.status()).as("changed before publication").isEqualTo(200);
        assertThat(changed.body().get("decision").asString()).isEqualTo("NOT_FUNDED");
        assertThat(changed.body().get("changes").asInt()).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'AWARD_DECISION_RECORDED' "
                + "and target_id = ?", Integer.class, String.valueOf(id))).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'AWARD_DECISION_CHANGED' "
                + "and target_id = ?", Integer.class, String.valueOf(id))).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'APPLICATION_FUND' "
                + "and target_id = ?", Integer.class, String.valueOf(id))).as("no step before publication").isZero();

        // the generic transitions endpoint does not take the award's steps
        assertThat(send(post("/api/v1/applications/{id}/transitions", underReview("通用端点项目", "50")).with(as("officer"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"action\":\"FUND\"}")).status()).isEqualTo(409);
    }

    @Test
    @Order(3)
    void noticeObjectionsAndTheAwardAfterThePeriod() throws Exception {
        long plain = underReview("阿尔泰生态监测公示项目", "120");
        long objected = underReview("异议成立的公示项目", "60");
        long dismissed = underReview("异议不成立的公示项目", "60");
        long declined = underReview("不予立项的项目", "90");
        long pending = underReview("仍在评审的项目", "90");
        assertThat(decideConfirmed(plain, "{\"decision\":\"APPROVED\",\"grantedAmount\":\"100.5\"}").status()).isEqualTo(200);
        assertThat(decideConfirmed(objected, "{\"decision\":\"APPROVED\",\"grantedAmount\":\"60\"}").status()).isEqualTo(200);
        assertThat(decideConfirmed(dismissed, "{\"decision\":\"APPROVED\",\"grantedAmount\":\"50\"}").status()).isEqualTo(200);
        assertThat(decideConfirmed(declined, "{\"decision\":\"NOT_FUNDED\",\"note\":\"创新性不足\"}").status()).isEqualTo(200);
        assertThat(status(declined)).as("until publication").isEqualTo("UNDER_REVIEW");

        assertThat(send(post("/api/v1/calls/{code}/notice", CALL).with(as("uni-admin"))).status()).isEqualTo(403);
        Instant published = clock.instant();
        Reply notice = send(post("/api/v1/calls/{code}/notice", CALL).with(as("officer")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"text\":\"公示期内如有异议请实名提出\"}"));
        assertThat(notice.status()).as(notice.text()).isEqualTo(201);
        Instant ends = published.plus(Duration.ofDays(7));
        assertThat(Instant.parse(notice.body().get("endsAt").asString())).isEqualTo(ends);
        assertThat(send(post("/api/v1/calls/{code}/notice", CALL).with(as("officer"))).status()).as("once per call").isEqualTo(409);
        assertThat(status(plain)).as("publication makes the decision final").isEqualTo("APPROVED");
        assertThat(status(declined)).isEqualTo("NOT_FUNDED");
        assertThat(status(pending)).isEqualTo("UNDER_REVIEW");
        assertThat(decideConfirmed(plain, "{\"decision\":\"NOT_FUNDED\"}").status()).as("final after publication").isEqualTo(409);
        assertThat(decideConfirmed(pending, "{\"decision\":\"NOT_FUNDED\"}").status()).as("closed after publication").isEqualTo(409);

        // the notice, without signing in: only the approved projects
        Reply publicNotice = send(get("/api/v1/calls/{code}/notice", CALL));
        assertThat(publicNotice.status()).isEqualTo(200);
        MockHttpServletResponse page = mvc.perform(get("/notices/{code}", CALL).param("lang", "en")).andReturn().getResponse();
        assertThat(page.getStatus()).isEqualTo(200);
        String html = page.getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("阿尔泰生态监测公示项目", "100.50", "Notice period").doesNotContain("不予立项的项目", "仍在评审的项目")
                .doesNotContain("objection-form");

        // objections: a second before the end accepted, at the end refused
        assertThat(object("ent-leader", declined, "不在公示中").status()).isEqualTo(422);
        assertThat(object("ent-leader", objected, "合作协议系伪造").status()).isEqualTo(201);
        assertThat(object("ent-admin", dismissed, "预算偏高").status()).isEqualTo(201);
        clock.advance(Duration.between(clock.instant(), ends).minusSeconds(1));
        assertThat(object("uni-admin", plain, "最后一秒的异议").status()).as("a second before the end").isEqualTo(201);
        clock.advance(Duration.ofSeconds(1));
        Reply late = send(post("/api/v1/calls/{code}/notice/objections", CALL).with(as("uni-admin"))
                .header("Accept-Language", "en").contentType(MediaType.APPLICATION_JSON)
                .content("{\"applicationId\":" + plain + ",\"text\":\"太晚了\"}"));
        assertThat(late.status()).as("at the end").isEqualTo(409);
        assertThat(late.body().get("detail").asString()).contains("notice period ended");

        // before the answers, nothing is awarded: one objection still open waits, the others wait for theirs
        JsonNode objections = send(get("/api/v1/calls/{code}/notice/objections", CALL).with(as("officer"))).body();
        assertThat(objections).hasSize(3);
        long onObjected = id(objections, objected);
        long onDismissed = id(objections, dismissed);
        long onPlain = id(objections, plain);
        assertThat(send(post("/api/v1/objections/{id}/answer", onObjected).with(as("uni-leader"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"outcome\":\"UPHELD\",\"answer\":\"x\"}")).status()).isEqualTo(403);
        answer(onObjected, "UPHELD", "经核查协议签署不实");
        answer(onDismissed, "DISMISSED", "预算经专家审核合理");
        assertThat(send(post("/api/v1/objections/{id}/answer", onDismissed).with(as("officer"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"outcome\":\"UPHELD\",\"answer\":\"再答\"}")).status())
                .as("answered once").isEqualTo(409);

        assertThat(awards.awardDue()).as("the plain application waits for the answer to its objection").isEqualTo(1);
        assertThat(status(dismissed)).isEqualTo("AWARDED");
        assertThat(status(plain)).isEqualTo("APPROVED");
        assertThat(status(objected)).isEqualTo("APPROVED");
        answer(onPlain, "DISMISSED", "不成立");
        assertThat(awards.awardDue()).isEqualTo(1);
        assertThat(status(plain)).isEqualTo("AWARDED");
        assertThat(awards.awardDue()).as("never twice").isZero();
        assertThat(status(objected)).as("an upheld objection holds the award back").isEqualTo("APPROVED");
        assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'AWARD_HELD_BACK' and target_id = ?",
                Integer.class, String.valueOf(objected))).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'APPLICATION_AWARD' and target_id = ?",
                Integer.class, String.valueOf(plain))).isEqualTo(1);
        JsonNode decisions = send(get("/api/v1/calls/{code}/decisions", CALL).with(as("officer"))).body();
        for (JsonNode d : decisions) {
            if (d.get("applicationId").asLong() == objected) {
                assertThat(d.get("heldBack").asBoolean()).isTrue();
                assertThat(d.get("upheldObjections").asLong()).isEqualTo(1);
            }
        }
        assertThat(send(get("/api/v1/calls/{code}/decisions", CALL).with(as("uni-admin"))).status()).isEqualTo(403);
        // the leader was told of the decision, the notice and the award
        // (mail and inbox are written after commit, on another thread)
        long until = System.currentTimeMillis() + 15_000;
        Integer told;
        do {
            Thread.sleep(100);
            told = jdbc.queryForObject("select count(*) from notice n join user_account u on u.id = n.user_id "
                    + "where u.username = 'uni-leader' and n.application_id = ? and n.message_key in "
                    + "('notification.FUND', 'notification.NOTICE_PUBLISHED', 'notification.AWARD')", Integer.class, plain);
        } while (told < 3 && System.currentTimeMillis() < until);
        assertThat(told).isEqualTo(3);
    }

    @Test
    @Order(2)
    void noticePageIsPublicAndOfficePageIsTheOfficers() throws Exception {
        assertThat(mvc.perform(get("/notices/{code}", CALL)).andReturn().getResponse().getStatus()).isEqualTo(200);
        assertThat(mvc.perform(get("/office/calls/{code}/decisions", CALL).with(as("uni-leader"))).andReturn()
                .getResponse().getStatus()).isEqualTo(403);
        MockHttpServletResponse office = mvc.perform(get("/office/calls/{code}/decisions", CALL).with(as("officer"))
                .param("lang", "ru")).andReturn().getResponse();
        assertThat(office.getStatus()).isEqualTo(200);
        assertThat(office.getContentAsString(StandardCharsets.UTF_8)).contains("Решения о финансировании");
        long id = underReview("页面决定项目", "30");
        MockHttpServletResponse posted = mvc.perform(post("/office/calls/{code}/decisions/{id}", CALL, id).with(as("officer"))
                .with(csrf()).param("decision", "APPROVED").param("grantedAmount", "abc")).andReturn().getResponse();
        assertThat(posted.getStatus()).isEqualTo(302);
        assertThat(status(id)).isEqualTo("UNDER_REVIEW");
        mvc.perform(post("/office/calls/{code}/decisions/{id}", CALL, id).with(as("officer")).with(csrf())
                .param("decision", "APPROVED").param("grantedAmount", "30"));
        assertThat(jdbc.queryForObject("select count(*) from award_decision where application_id = ?", Integer.class, id))
                .as("no score sheet is in and the officer did not confirm it").isZero();
        mvc.perform(post("/office/calls/{code}/decisions/{id}", CALL, id).with(as("officer")).with(csrf())
                .param("decision", "APPROVED").param("grantedAmount", "30").param("confirmUnfinishedSheets", "true"));
        assertThat(jdbc.queryForObject("select decision from award_decision where application_id = ?", String.class, id))
                .isEqualTo("APPROVED");
        assertThat(status(id)).isEqualTo("UNDER_REVIEW");
        // changed on the page before publication (so it is not on the notice of the last test)
        mvc.perform(post("/office/calls/{code}/decisions/{id}", CALL, id).with(as("officer")).with(csrf())
                .param("decision", "NOT_FUNDED").param("confirmUnfinishedSheets", "true"));
        assertThat(jdbc.queryForObject("select decision from award_decision where application_id = ?", String.class, id))
                .isEqualTo("NOT_FUNDED");
    }

    private void answer(long objection, String outcome, String answer) throws Exception {
        Reply reply = send(post("/api/v1/objections/{id}/answer", objection).with(as("officer"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"outcome\":\"" + outcome + "\",\"answer\":\"" + answer + "\"}"));
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
    }

    private static long id(JsonNode objections, long applicationId) {
        for (JsonNode o : objections) {
            if (o.get("applicationId").asLong() == applicationId) {
                return o.get("id").asLong();
            }
        }
        throw new AssertionError("no objection against " + applicationId);
    }
}
