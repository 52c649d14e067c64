package org.silkgrant.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.silkgrant.SilkGrantTest;
import org.silkgrant.application.Action;
import org.silkgrant.application.ApplicationManagement;
import org.silkgrant.application.ApplicationStatus;
import org.silkgrant.application.ThroughTheApi;
import org.silkgrant.review.assignment.ConflictFinder;
import org.silkgrant.review.assignment.ConflictReason;
import org.silkgrant.review.assignment.Conflicts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.RequestBuilder;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Review rounds through the API (docs/review.md "Review rounds and assignment"): the demo call, the demo experts
 * (expert-ma declared a conflict with the demo university 新疆示范大学, which every application here comes from) and
 * applications driven to ACCEPTED by their leader, the university, the department and the office. One round per call
 * may be open, so the whole life of a round is one scenario.
 */
@SilkGrantTest
class ReviewRoundTests {

    static final String CALL = "2023-SCO";

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Autowired
    UserDetailsService users;

    @Autowired
    ApplicationManagement applications;

    @Autowired
    ExpertManagement experts;

    ThroughTheApi api;

    @BeforeEach
    void setUp() {
        api = new ThroughTheApi(mvc, json, users);
    }

    long accepted() throws Exception {
        String leader = api.newLeader();
        long id = api.complete(leader);
        api.submitted(leader, id);
        api.step("uni-admin", id, Action.APPROVE, "同意");
        api.step("recommender", id, Action.RECOMMEND, "推荐");
        api.step("officer", id, Action.ACCEPT, "形式审查通过");
        return id;
    }

    @Test
    void aRoundAssignsConflictFreeExpertsKeepsPairsOnRerunAndOpensTheSnapshotToConfirmedExperts() throws Exception {
        long first = accepted();
        long second = accepted();

        JsonNode round = api.expect(post("/api/v1/calls/{code}/review-rounds", CALL).with(api.as("officer")), 201);
        long roundId = round.get("round").get("id").asLong();
        assertThat(round.get("round").get("expertsPerApplication").asInt()).isEqualTo(5);
        assertThat(api.expect(get("/api/v1/applications/{id}", first).with(api.as("officer")), 200)
                .get("status").asString()).isEqualTo("UNDER_REVIEW");
        // A second round while this one is open, or with nothing accepted, is a state conflict.
        assertThat(api.send(post("/api/v1/calls/{code}/review-rounds", CALL).with(api.as("officer"))).status())
                .isEqualTo(409);

        // Every pair is conflict-free by the assignment core's own rules, and each application has min(k, possible).
        List<ExpertView> pool = experts.activeExperts();
        var profiles = applications.forReview(CALL, EnumSet.of(ApplicationStatus.UNDER_REVIEW)).stream()
                .map(ReviewManagement::profile).toList();
        Conflicts conflicts = ConflictFinder.find(profiles, pool.stream().map(ReviewManagement::profile).toList());
        ExpertView ma = pool.stream().filter(e -> e.username().equals("expert-ma")).findFirst().orElseThrow();
        assertThat(conflicts.reasons(first, ma.id())).contains(ConflictReason.DECLARED_ORGANISATION);
        JsonNode pairs = assignments(roundId);
        for (JsonNode p : pairs) {
            assertThat(conflicts.conflicted(p.get("applicationId").asLong(), p.get("expertId").asLong())).isFalse();
            assertThat(p.get("status").asString()).isEqualTo("ASSIGNED");
            assertThat(p.get("origin").asString()).isEqualTo("SOLVER");
        }
        for (long app : List.of(first, second)) {
            long possible = pool.stream().filter(e -> !conflicts.conflicted(app, e.id())).count();
            assertThat(live(pairs, app)).hasSize((int) Math.min(5, possible));
            assertThat(live(pairs, app)).doesNotContain(ma.id());
        }

        // The officer cannot add a conflicted pair: 409 naming the reason.
        ThroughTheApi.Reply refused = api.send(post("/api/v1/review-rounds/{id}/assignments", roundId)
                .with(api.as("officer")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"applicationId\":" + first + ",\"expertId\":" + ma.id() + ",\"reason\":\"熟悉该领域\"}"));
        assertThat(refused.status()).as(refused.text()).isEqualTo(409);
        assertThat(refused.detail()).contains("专家声明与相关单位存在利益冲突");
        // … nor a pair without a reason.
        assertThat(api.send(post("/api/v1/review-rounds/{id}/assignments", roundId).with(api.as("officer"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"applicationId\":" + first + ",\"expertId\":" + ma.id() + "}")).status()).isEqualTo(422);

        // Remove one pair of the first application, re-run: the gap is filled by someone else, nothing else moves.
        JsonNode removedPair = pair(pairs, first, live(pairs, first).get(0));
        api.expect(delete("/api/v1/assignments/{id}", removedPair.get("id").asLong()).with(api.as("officer"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"出差无法评审\"}"), 200);
        Set<Long> liveBefore = liveIds(assignments(roundId));
        api.expect(post("/api/v1/review-rounds/{id}/rerun", roundId).with(api.as("officer")), 200);
        JsonNode afterRerun = assignments(roundId);
        assertThat(liveIds(afterRerun)).containsAll(liveBefore);
        assertThat(live(afterRerun, first)).hasSize(live(pairs, first).size())
                .doesNotContain(removedPair.get("expertId").asLong());
        assertThat(live(afterRerun, second)).containsExactlyInAnyOrderElementsOf(live(pairs, second));
        assertThat(pair(afterRerun, first, removedPair.get("expertId").asLong()).get("status").asString())
                .isEqualTo("REMOVED");

        // An expert of the second application declares a conflict: DECLINED, and the re-run replaces them.
        long declining = live(afterRerun, second).get(0);
        String decliner = username(pool, declining);
        long declinedId = pair(afterRerun, second, declining).get("id").asLong();
        JsonNode mine = api.expect(get("/api/v1/me/assignments").with(api.as(decliner)), 200);
        assertThat(mine.findValues("id").stream().map(JsonNode::asLong).toList()).contains(declinedId);
        assertThat(status(get("/api/v1/applications/{id}", second).with(api.as(decliner)))).isEqualTo(404);
        assertThat(api.send(post("/api/v1/assignments/{id}/conflict-declaration", declinedId).with(api.as(decliner))
                .contentType(MediaType.APPLICATION_JSON).content("{\"noConflict\":false}")).status()).isEqualTo(422);
        JsonNode declined = api.expect(post("/api/v1/assignments/{id}/conflict-declaration", declinedId)
                .with(api.as(decliner)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"noConflict\":false,\"reason\":\"项目负责人是我的学生\"}"), 200);
        assertThat(declined.get("status").asString()).isEqualTo("DECLINED");
        api.expect(post("/api/v1/review-rounds/{id}/rerun", roundId).with(api.as("officer")), 200);
        JsonNode afterDecline = assignments(roundId);
        assertThat(live(afterDecline, second)).hasSize(live(pairs, second).size()).doesNotContain(declining);

        // An expert who confirms reads the submitted snapshot and its PDF; nothing else.
        long reader = live(afterDecline, first).get(0);
        String readerName = username(pool, reader);
        long readerPair = pair(afterDecline, first, reader).get("id").asLong();
        assertThat(status(get("/api/v1/applications/{id}", first).with(api.as(readerName)))).isEqualTo(404);
        assertThat(status(get("/api/v1/applications/{id}/pdf", first).with(api.as(readerName)))).isEqualTo(404);
        // Another expert's pair is not theirs to declare.
        assertThat(api.send(post("/api/v1/assignments/{id}/conflict-declaration", readerPair).with(api.as(decliner))
                .contentType(MediaType.APPLICATION_JSON).content("{\"noConflict\":true}")).status()).isEqualTo(404);
        JsonNode confirmed = api.expect(post("/api/v1/assignments/{id}/conflict-declaration", readerPair)
                .with(api.as(readerName)).contentType(MediaType.APPLICATION_JSON).content("{\"noConflict\":true}"), 200);
        assertThat(confirmed.get("status").asString()).isEqualTo("CONFIRMED");
        assertThat(confirmed.get("confirmedAt").isNull()).isFalse();
        JsonNode read = api.expect(get("/api/v1/applications/{id}", first).with(api.as(readerName)), 200);
        assertThat(read.get("submittedVersion").asInt()).isEqualTo(1);
        assertThat(status(get("/api/v1/applications/{id}/pdf", first).with(api.as(readerName)))).isEqualTo(200);
        assertThat(status(get("/applications/{id}", first).with(api.as(readerName)))).isEqualTo(200);
        // A second declaration is a state conflict.
        assertThat(api.send(post("/api/v1/assignments/{id}/conflict-declaration", readerPair).with(api.as(readerName))
                .contentType(MediaType.APPLICATION_JSON).content("{\"noConflict\":true}")).status()).isEqualTo(409);
        if (!live(afterDecline, second).contains(reader)) {
            assertThat(status(get("/api/v1/applications/{id}", second).with(api.as(readerName)))).isEqualTo(404);
        }

        // The pages render for the officer and the expert.
        assertThat(status(get("/office/calls/{code}/review", CALL).with(api.as("officer")))).isEqualTo(200);
        assertThat(status(get("/expert/reviews").with(api.as(readerName)))).isEqualTo(200);
        JsonNode current = api.expect(get("/api/v1/calls/{code}/review-rounds/current", CALL).with(api.as("officer")),
                200);
        assertThat(current.get("round").get("id").asLong()).isEqualTo(roundId);
        JsonNode conflictList = api.expect(get("/api/v1/calls/{code}/conflicts", CALL).with(api.as("officer")), 200);
        assertThat(conflictList.findValues("expertId").stream().map(JsonNode::asLong).toList()).contains(ma.id());
    }

    @Test
    void onlyTheOfficeRunsRounds() throws Exception {
        for (String who : List.of("uni-admin", "expert", "uni-leader")) {
            assertThat(api.send(post("/api/v1/calls/{code}/review-rounds", CALL).with(api.as(who))).status())
                    .as(who).isEqualTo(403);
            assertThat(api.send(get("/api/v1/calls/{code}/conflicts", CALL).with(api.as(who))).status())
                    .as(who).isEqualTo(403);
            assertThat(api.send(post("/api/v1/review-rounds/1/rerun").with(api.as(who))).status())
                    .as(who).isEqualTo(403);
            assertThat(status(get("/office/calls/{code}/review", CALL).with(api.as(who)))).as(who).isEqualTo(403);
        }
        assertThat(api.send(get("/api/v1/me/assignments").with(api.as("officer"))).status()).isEqualTo(403);
    }

    private JsonNode assignments(long roundId) throws Exception {
        return api.expect(get("/api/v1/review-rounds/{id}/assignments", roundId).with(api.as("officer")), 200);
    }

    private static List<Long> live(JsonNode pairs, long application) {
        List<Long> out = new ArrayList<>();
        for (JsonNode p : pairs) {
            if (p.get("applicationId").asLong() == application
                    && Set.of("ASSIGNED", "CONFIRMED", "SUBMITTED").contains(p.get("status").asString())) {
                out.add(p.get("expertId").asLong());
            }
        }
        return out;
    }

    private static Set<Long> liveIds(JsonNode pairs) {
        Set<Long> out = new HashSet<>();
        for (JsonNode p : pairs) {
            if (Set.of("ASSIGNED", "CONFIRMED", "SUBMITTED").contains(p.get("status").asString())) {
                out.add(p.get("id").asLong());
            }
        }
        return out;
    }

    private static JsonNode pair(JsonNode pairs, long application, long expert) {
        JsonNode found = null;
        for (JsonNode p : pairs) {
            if (p.get("applicationId").asLong() == application && p.get("expertId").asLong() == expert) {
                found = p;
            }
        }
        assertThat(found).isNotNull();
        return found;
    }

    private static String username(List<ExpertView> pool, long expertId) {
        Map<Long, String> names = pool.stream().collect(Collectors.toMap(ExpertView::id, ExpertView::username));
        return names.get(expertId);
    }

    /** The status of a request, after the asynchronous dispatch when it started one (the PDF). */
    private int status(RequestBuilder request) throws Exception {
        MvcResult result = mvc.perform(request).andReturn();
        if (result.getRequest().isAsyncStarted()) {
            result = mvc.perform(asyncDispatch(result)).andReturn();
        }
        return result.getResponse().getStatus();
    }
}
