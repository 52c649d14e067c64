package org.silkgrant.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.silkgrant.MutableClock;
import org.silkgrant.SilkGrantTest;
import org.silkgrant.application.ThroughTheApi.Reply;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.MockMvc;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Deadlines to the second with a clock the test moves (issue: "a second before and after each deadline; an
 * extension lets exactly one application through"): the leader's submission (the call deadline), the
 * organisation's sign-off (+ P3D), the department's recommendation (+ P7D), the resubmission after a return (return
 * + P5D), and the office's extension of one application.
 */
@SilkGrantTest
@DirtiesContext
class RoutingDeadlineTests {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

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

    ThroughTheApi api;

    private Instant start;

    /** The demo call's deadline, set at start-up relative to the clock (30 days on, 18:00 Beijing time). */
    private Instant deadline;

    @BeforeEach
    void setUp() throws Exception {
        api = new ThroughTheApi(mvc, json, users);
        start = clock.instant();
        deadline = Instant.parse(api.expect(get("/api/v1/calls/{code}", ThroughTheApi.CALL), 200).get("deadline").asString());
        assertThat(deadline).isAfter(start);
    }

    @AfterEach
    void backToTheStart() {
        setClock(start);
    }

    private void setClock(Instant to) {
        clock.advance(Duration.between(clock.instant(), to));
    }

    /** A deadline as the messages show it: Beijing time, to the minute (or second when it has seconds). */
    private static String shown(Instant instant) {
        return LocalDateTime.ofInstant(instant, BEIJING).toString().replace('T', ' ');
    }

    /** A complete application and its leader. */
    record App(String leader, long id) {
    }

    /** Two complete applications of two new leaders: one to make it just in time, one to be just too late. */
    private List<App> two() throws Exception {
        List<App> out = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            String leader = api.newLeader();
            out.add(new App(leader, api.complete(leader)));
        }
        return out;
    }

    private void assertTooLate(Reply reply, Instant closedAt) {
        assertThat(reply.status()).as(reply.text()).isEqualTo(409);
        assertThat(reply.detail()).as("the message names the deadline").contains(shown(closedAt));
    }

    private Reply submitInEnglish(String leader, long id) throws Exception {
        return api.send(post("/api/v1/applications/{id}/submit", id).with(api.as(leader)).header("Accept-Language", "en"));
    }

    private Reply stepInEnglish(String user, long id, Action action, String comment) throws Exception {
        return api.transition(user, id, action, comment, null, null, "en");
    }

    @Test
    void theLeaderSubmitsUntilASecondBeforeTheCallDeadline() throws Exception {
        List<App> apps = two();
        setClock(deadline.minusSeconds(1));
        api.submitted(apps.get(0).leader(), apps.get(0).id());

        setClock(deadline);
        Reply late = submitInEnglish(apps.get(1).leader(), apps.get(1).id());
        assertTooLate(late, deadline);
        assertThat(late.detail()).contains("Beijing time");
        setClock(deadline.plusSeconds(1));
        assertTooLate(submitInEnglish(apps.get(1).leader(), apps.get(1).id()), deadline);
        assertThat(api.application(apps.get(1).leader(), apps.get(1).id()).get("status").asString()).isEqualTo("DRAFT");
    }

    @Test
    void theOrganisationSignsOffUntilThreeDaysAfterTheCallDeadline() throws Exception {
        List<App> apps = two();
        for (int i = 0; i < 2; i++) {
            api.submitted(apps.get(i).leader(), apps.get(i).id());
        }
        Instant signOff = deadline.plus(Duration.ofDays(3));
        assertThat(api.position("uni-admin", apps.get(0).id()).get("deadline").asString()).isEqualTo(signOff.toString());

        setClock(signOff.minusSeconds(1));
        assertThat(api.step("uni-admin", apps.get(0).id(), Action.APPROVE, "同意")).isEqualTo("ORG_APPROVED");

        setClock(signOff);
        assertTooLate(stepInEnglish("uni-admin", apps.get(1).id(), Action.APPROVE, "同意"), signOff);
        assertTooLate(stepInEnglish("uni-admin", apps.get(1).id(), Action.RETURN, "请修改"), signOff);
        assertThat(api.position("uni-admin", apps.get(1).id()).get("actions")).isEmpty();
        assertThat(api.application(apps.get(1).leader(), apps.get(1).id()).get("status").asString()).isEqualTo("SUBMITTED");
    }

    @Test
    void theDepartmentRecommendsUntilSevenDaysAfterTheCallDeadline() throws Exception {
        List<App> apps = two();
        for (int i = 0; i < 2; i++) {
            api.submitted(apps.get(i).leader(), apps.get(i).id());
            api.step("uni-admin", apps.get(i).id(), Action.APPROVE, "同意");
        }
        Instant recommendation = deadline.plus(Duration.ofDays(7));
        assertThat(api.position("recommender", apps.get(0).id()).get("deadline").asString())
                .isEqualTo(recommendation.toString());

        setClock(recommendation.minusSeconds(1));
        assertThat(api.step("recommender", apps.get(0).id(), Action.RECOMMEND, "推荐")).isEqualTo("RECOMMENDED");

        setClock(recommendation);
        assertTooLate(stepInEnglish("recommender", apps.get(1).id(), Action.RECOMMEND, "推荐"), recommendation);
        assertThat(api.application(apps.get(1).leader(), apps.get(1).id()).get("status").asString()).isEqualTo("ORG_APPROVED");
    }

    @Test
    void aReturnedApplicationIsResubmittedWithinFiveDaysOfTheReturn() throws Exception {
        List<App> apps = two();
        for (int i = 0; i < 2; i++) {
            api.submitted(apps.get(i).leader(), apps.get(i).id());
        }
        // Returned an hour before the call closes: the revision period, not the call deadline, now applies.
        Instant returnedAt = deadline.minus(Duration.ofHours(1));
        setClock(returnedAt);
        for (int i = 0; i < 2; i++) {
            assertThat(api.step("uni-admin", apps.get(i).id(), Action.RETURN, "请补充合作协议条款")).isEqualTo("RETURNED");
        }
        Instant revision = returnedAt.plus(Duration.ofDays(5));
        assertThat(api.position(apps.get(1).leader(), apps.get(1).id()).get("deadline").asString()).isEqualTo(revision.toString());

        setClock(revision.minusSeconds(1));
        api.submitted(apps.get(0).leader(), apps.get(0).id());
        // The later steps keep their gaps after the revision deadline: sign-off three days on.
        assertThat(api.position("uni-admin", apps.get(0).id()).get("deadline").asString())
                .isEqualTo(revision.plus(Duration.ofDays(3)).toString());

        setClock(revision);
        assertTooLate(submitInEnglish(apps.get(1).leader(), apps.get(1).id()), revision);
        assertThat(api.application(apps.get(1).leader(), apps.get(1).id()).get("status").asString()).isEqualTo("RETURNED");
    }

    @Test
    void anExtensionLetsExactlyOneApplicationThrough() throws Exception {
        List<App> apps = two();
        long extended = apps.get(0).id();
        long other = apps.get(1).id();
        setClock(deadline.plus(Duration.ofHours(2)));
        assertTooLate(submitInEnglish(apps.get(0).leader(), extended), deadline);
        assertTooLate(submitInEnglish(apps.get(1).leader(), other), deadline);

        Instant until = deadline.plus(Duration.ofDays(2));
        Reply extension = api.transition("officer", extended, Action.EXTEND, "因系统故障延期", null, until, null);
        assertThat(extension.status()).as(extension.text()).isEqualTo(200);
        assertThat(extension.body().get("status").asString()).isEqualTo("DRAFT");

        api.submitted(apps.get(0).leader(), extended);
        assertTooLate(submitInEnglish(apps.get(1).leader(), other), deadline);

        JsonNode history = api.history(apps.get(0).leader(), extended);
        assertThat(history).hasSize(2);
        assertThat(history.get(0).get("action").asString()).isEqualTo("EXTEND");
        assertThat(history.get(0).get("actor").asString()).isEqualTo("officer");
        assertThat(history.get(0).get("fromStatus").asString()).isEqualTo("DRAFT");
        assertThat(history.get(0).get("toStatus").asString()).isEqualTo("DRAFT");
        assertThat(Instant.parse(history.get(0).get("extendedUntil").asString())).isEqualTo(until);
        assertThat(history.get(0).get("comment").asString()).isEqualTo("因系统故障延期");
        assertThat(history.get(1).get("action").asString()).isEqualTo("SUBMIT");
        assertThat(api.history(apps.get(1).leader(), other)).isEmpty();

        assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'APPLICATION_EXTEND' "
                + "and target_type = 'APPLICATION' and target_id = ?", Integer.class, String.valueOf(extended))).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'APPLICATION_EXTEND' "
                + "and target_id = ?", Integer.class, String.valueOf(other))).isZero();
        JsonNode audit = api.expect(get("/api/v1/audit-events").param("q", "APPLICATION_EXTEND")
                .with(api.as("auditadmin")), 200);
        List<String> targets = new ArrayList<>();
        audit.get("content").forEach(e -> {
            assertThat(e.get("action").asString()).isEqualTo("APPLICATION_EXTEND");
            targets.add(e.get("targetId").asString());
        });
        assertThat(targets).contains(String.valueOf(extended)).doesNotContain(String.valueOf(other));
    }

    @Test
    void onlyTheOfficeExtendsAndOnlyIntoTheFuture() throws Exception {
        String leader = api.newLeader();
        long id = api.complete(leader);
        setClock(deadline.plus(Duration.ofHours(2)));

        for (Instant past : List.of(clock.instant().minusSeconds(1), clock.instant())) {
            Reply refused = api.transition("officer", id, Action.EXTEND, null, null, past, "en");
            assertThat(refused.status()).as(refused.text()).isEqualTo(422);
            assertThat(refused.body().get("errors")).anySatisfy(e ->
                    assertThat(e.get("field").asString()).isEqualTo("extendedUntil"));
        }
        Reply missing = api.transition("officer", id, Action.EXTEND, null, null, null, "en");
        assertThat(missing.status()).as(missing.text()).isEqualTo(422);

        Instant future = clock.instant().plus(Duration.ofDays(1));
        for (String notOfficer : List.of(leader, "uni-admin")) {
            Reply refused = api.transition(notOfficer, id, Action.EXTEND, null, null, future, "en");
            assertThat(refused.status()).as(notOfficer + ": " + refused.text()).isEqualTo(403);
        }
        assertThat(api.history(leader, id)).isEmpty();
        assertTooLate(submitInEnglish(leader, id), deadline);
        assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'APPLICATION_EXTEND' "
                + "and target_id = ?", Integer.class, String.valueOf(id))).isZero();
    }
}
