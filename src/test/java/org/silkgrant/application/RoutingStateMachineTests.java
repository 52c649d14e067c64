package org.silkgrant.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;
import static org.silkgrant.application.ApplicationStatus.ACCEPTED;
import static org.silkgrant.application.ApplicationStatus.DRAFT;
import static org.silkgrant.application.ApplicationStatus.FORMAL_REJECTED;
import static org.silkgrant.application.ApplicationStatus.ORG_APPROVED;
import static org.silkgrant.application.ApplicationStatus.RECOMMENDED;
import static org.silkgrant.application.ApplicationStatus.RETURNED;
import static org.silkgrant.application.ApplicationStatus.SUBMITTED;
import static org.silkgrant.application.ApplicationStatus.WITHDRAWN;
import static org.silkgrant.application.ApplicationStatus.UNDER_REVIEW;
import static org.silkgrant.application.ApplicationStatus.APPROVED;
import static org.silkgrant.application.ApplicationStatus.NOT_FUNDED;
import static org.silkgrant.application.ApplicationStatus.AWARDED;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.silkgrant.SilkGrantTest;
import org.silkgrant.account.AccountManagement;
import org.silkgrant.account.NewAccount;
import org.silkgrant.account.Role;
import org.silkgrant.application.ApplicationRouting.Step;
import org.silkgrant.application.ThroughTheApi.Reply;
import org.silkgrant.document.ReceiptSigner;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The state machine through the API (issue: "every allowed transition for its role, and a refusal for each other
 * role and state"): every step of {@link ApplicationRouting#steps(boolean)} from every state it starts from, taken
 * by its role and refused to everyone else; every action in every state it does not start from; comments, section
 * comments, a return and a second submitted version; the contract's way from submission to acceptance.
 */
@SilkGrantTest
class RoutingStateMachineTests {

    /** The shipped 2023 call has the recommending department's step. */
    /** The steps of the transitions endpoint: the award's steps are taken through the award module (AwardTests). */
    static final List<Step> STEPS = ApplicationRouting.steps(true).stream()
            .filter(s -> !Action.AWARD_STEPS.contains(s.action()) && !Action.REVIEW_STEPS.contains(s.action())).toList();

    /** Every state the matrix brings an application into (all through the API). */
    static final List<ApplicationStatus> REACHABLE = List.of(DRAFT, SUBMITTED, ORG_APPROVED, RECOMMENDED, RETURNED,
            ACCEPTED, FORMAL_REJECTED, WITHDRAWN);

    static final String OTHER_RECOMMENDER_NAME = "rt-recommender-650200";

    /** The people an application of a new leader of the demo university meets. */
    enum Who {
        LEADER(null, Role.APPLICANT),
        SAME_ORG_LEADER("uni-leader", Role.APPLICANT),
        ORG_ADMIN("uni-admin", Role.ORG_ADMIN),
        OTHER_ORG_ADMIN("ent-admin", Role.ORG_ADMIN),
        RECOMMENDER("recommender", Role.RECOMMENDER),
        OTHER_RECOMMENDER(OTHER_RECOMMENDER_NAME, Role.RECOMMENDER),
        OFFICER("officer", Role.PROGRAM_OFFICER),
        EXPERT("expert", Role.EXPERT),
        SYSADMIN("sysadmin", Role.SYSTEM_ADMIN);

        final String username;
        final Role role;

        Who(String username, Role role) {
            this.username = username;
            this.role = role;
        }

        String username(Case c) {
            return this == LEADER ? c.leader() : username;
        }

        /** The one who takes a step of this role on the application. */
        static Who taking(Role role) {
            return switch (role) {
                case APPLICANT -> LEADER;
                case ORG_ADMIN -> ORG_ADMIN;
                case RECOMMENDER -> RECOMMENDER;
                case PROGRAM_OFFICER -> OFFICER;
                default -> throw new IllegalArgumentException(role.name());
            };
        }
    }

    /**
     * Who reads an application (ARCHITECTURE.md: by role and by object): its leader and its organisation's admins
     * always; the program office once it has been submitted; the department it chose once its organisation has
     * signed it off; nobody else (the expert has no assignment, the system admin no business with it). The matrix
     * brings every state but DRAFT through a submission and every state after SUBMITTED through the sign-off.
     */
    static boolean sees(Who who, ApplicationStatus state) {
        boolean submitted = state != DRAFT;
        boolean signedOff = submitted && state != SUBMITTED;
        return switch (who) {
            case LEADER, ORG_ADMIN -> true;
            case OFFICER -> submitted;
            case RECOMMENDER -> signedOff;
            default -> false;
        };
    }

    /** Role alone is not enough: the application's leader, an admin of its organisation, the department it chose. */
    static boolean owns(Who who) {
        return who != Who.SAME_ORG_LEADER && who != Who.OTHER_ORG_ADMIN && who != Who.OTHER_RECOMMENDER;
    }

    /**
     * The answer to {@code action} by {@code who} in {@code state} (API.md and the routing's contract): 404 when the
     * application is not theirs to see (the office may extend a draft it does not read), 403 when their role has no
     * such step, 409 when their role's step does not start from this state, 403 when it is not their application,
     * otherwise 200.
     */
    static int expected(Who who, Action action, ApplicationStatus state) {
        boolean visible = sees(who, state) || action == Action.EXTEND && who == Who.OFFICER;
        if (!visible) {
            return 404;
        }
        List<Step> theirs = STEPS.stream().filter(s -> s.action() == action && s.role() == who.role).toList();
        if (theirs.isEmpty()) {
            return 403;
        }
        if (theirs.stream().noneMatch(s -> s.from().contains(state))) {
            return 409;
        }
        return owns(who) ? 200 : 403;
    }

    /** The answer to POST …/submit: only the leader submits, an application the caller may see. */
    static int expectedSubmit(Who who, ApplicationStatus state) {
        if (!sees(who, state)) {
            return 404;
        }
        return who == Who.LEADER ? 200 : 403;
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Autowired
    AccountManagement accounts;

    @Autowired
    UserDetailsService users;

    @Autowired
    org.springframework.context.MessageSource messages;

    ThroughTheApi api;

    @BeforeEach
    void setUp() {
        api = new ThroughTheApi(mvc, json, users);
        synchronized (RoutingStateMachineTests.class) {
            if (accounts.findByUsername(OTHER_RECOMMENDER_NAME).isEmpty()) {
                var created = accounts.create(new NewAccount(OTHER_RECOMMENDER_NAME, ThroughTheApi.PASSWORD, "克拉玛依市科技局 推荐人",
                        OTHER_RECOMMENDER_NAME + "@example.org", null, null, Set.of(Role.RECOMMENDER), null), "test", null);
                accounts.assignDepartment(created.id(), "650200", "test", null);
            }
        }
    }

    /** An application of a fresh leader and the receipt number of its (first) submission, if any. */
    record Case(long id, String leader, String receipt) {
    }

    /** A fresh application brought into {@code state} through the API, each step by the one who takes it. */
    Case bring(ApplicationStatus state) throws Exception {
        String leader = api.newLeader();
        long id = api.complete(leader);
        if (state == DRAFT) {
            return new Case(id, leader, null);
        }
        String receipt = api.submitted(leader, id);
        if (state != SUBMITTED) {
            api.step("uni-admin", id, Action.APPROVE, "同意推荐");
        }
        if (state != SUBMITTED && state != ORG_APPROVED) {
            api.step("recommender", id, Action.RECOMMEND, "推荐");
        }
        switch (state) {
            case RETURNED -> api.step("officer", id, Action.RETURN, "请补充材料");
            case ACCEPTED -> api.step("officer", id, Action.ACCEPT, "形式审查通过");
            case FORMAL_REJECTED -> api.step("officer", id, Action.REJECT, "不符合指南要求");
            case WITHDRAWN -> api.step(leader, id, Action.WITHDRAW, "主动撤回");
            default -> {
            }
        }
        assertThat(api.application(leader, id).get("status").asString()).isEqualTo(state.name());
        return new Case(id, leader, receipt);
    }

    private static String commentFor(Action action) {
        return action == Action.SUBMIT ? null : "意见：" + action.name();
    }

    private static Instant extensionFor(Action action) {
        return action == Action.EXTEND ? Instant.now().plus(Duration.ofDays(60)) : null;
    }

    private Reply attempt(Who who, Case c, Action action, String language) throws Exception {
        if (action == Action.SUBMIT) {
            return api.submit(who.username(c), c.id());
        }
        return api.transition(who.username(c), c.id(), action, commentFor(action), null, extensionFor(action), language);
    }

    @Test
    void theStepsAreTheStateMachineOfTheArchitecture() {
        assertThat(STEPS).containsExactlyInAnyOrder(
                new Step(Action.SUBMIT, Role.APPLICANT, EnumSet.of(DRAFT, RETURNED), SUBMITTED),
                new Step(Action.WITHDRAW, Role.APPLICANT, EnumSet.of(DRAFT, SUBMITTED, ORG_APPROVED, RECOMMENDED, RETURNED),
                        WITHDRAWN),
                new Step(Action.APPROVE, Role.ORG_ADMIN, EnumSet.of(SUBMITTED), ORG_APPROVED),
                new Step(Action.RETURN, Role.ORG_ADMIN, EnumSet.of(SUBMITTED), RETURNED),
                new Step(Action.RECOMMEND, Role.RECOMMENDER, EnumSet.of(ORG_APPROVED), RECOMMENDED),
                new Step(Action.RETURN, Role.RECOMMENDER, EnumSet.of(ORG_APPROVED), RETURNED),
                new Step(Action.ACCEPT, Role.PROGRAM_OFFICER, EnumSet.of(RECOMMENDED), ACCEPTED),
                new Step(Action.REJECT, Role.PROGRAM_OFFICER, EnumSet.of(RECOMMENDED), FORMAL_REJECTED),
                new Step(Action.RETURN, Role.PROGRAM_OFFICER, EnumSet.of(RECOMMENDED), RETURNED),
                new Step(Action.EXTEND, Role.PROGRAM_OFFICER, EnumSet.of(DRAFT, RETURNED, SUBMITTED, ORG_APPROVED), null));
        assertThat(ApplicationRouting.steps(true)).filteredOn(s -> Action.AWARD_STEPS.contains(s.action()))
                .containsExactlyInAnyOrder(
                        new Step(Action.FUND, Role.PROGRAM_OFFICER, EnumSet.of(UNDER_REVIEW), APPROVED),
                        new Step(Action.DECLINE, Role.PROGRAM_OFFICER, EnumSet.of(UNDER_REVIEW), NOT_FUNDED),
                        new Step(Action.AWARD, Role.PROGRAM_OFFICER, EnumSet.of(APPROVED), AWARDED));
        assertThat(ApplicationRouting.steps(true)).filteredOn(s -> Action.REVIEW_STEPS.contains(s.action()))
                .containsExactly(new Step(Action.START_REVIEW, Role.PROGRAM_OFFICER, EnumSet.of(ACCEPTED), UNDER_REVIEW));
        // Without the recommending step the office takes over from the organisation's sign-off.
        assertThat(ApplicationRouting.steps(false)).noneMatch(s -> s.role() == Role.RECOMMENDER)
                .filteredOn(s -> s.action() == Action.ACCEPT).singleElement()
                .extracting(Step::from).isEqualTo(EnumSet.of(ORG_APPROVED));
    }

    @TestFactory
    Stream<DynamicTest> everyStepIsTakenByItsRoleAndRefusedToEveryOther() {
        return STEPS.stream().flatMap(step -> step.from().stream().sorted().map(from -> dynamicTest(
                step.role() + " " + step.action() + " from " + from, () -> takenOnlyByItsRole(step, from))));
    }

    private void takenOnlyByItsRole(Step step, ApplicationStatus from) throws Exception {
        Case c = bring(from);
        Who taker = Who.taking(step.role());
        int before = api.history(c.leader(), c.id()).size();

        SoftAssertions refusals = new SoftAssertions();
        for (Who who : Who.values()) {
            if (who == taker) {
                continue;
            }
            int expected = step.action() == Action.SUBMIT ? expectedSubmit(who, from) : expected(who, step.action(), from);
            assertThat(expected).as("the rules let only %s take %s from %s", taker, step.action(), from).isNotEqualTo(200);
            Reply reply = attempt(who, c, step.action(), null);
            refusals.assertThat(reply.status()).as("%s %s from %s: %s", who, step.action(), from, reply.text())
                    .isEqualTo(expected);
        }
        refusals.assertAll();
        assertThat(api.application(c.leader(), c.id()).get("status").asString()).as("refusals change nothing")
                .isEqualTo(from.name());
        assertThat(api.history(c.leader(), c.id())).as("refusals leave no history").hasSize(before);

        Reply taken = attempt(taker, c, step.action(), null);
        assertThat(taken.status()).as(taken.text()).isEqualTo(200);
        ApplicationStatus to = step.to() == null ? from : step.to();
        assertThat(taken.body().get("status").asString()).isEqualTo(to.name());
        assertThat(api.application(c.leader(), c.id()).get("status").asString()).isEqualTo(to.name());

        JsonNode history = api.history(c.leader(), c.id());
        assertThat(history).hasSize(before + 1);
        JsonNode last = history.get(before);
        assertThat(Instant.parse(last.get("at").asString())).isBefore(Instant.now().plusSeconds(1));
        assertThat(last.get("actor").asString()).isEqualTo(taker.username(c));
        assertThat(last.get("action").asString()).isEqualTo(step.action().name());
        assertThat(last.get("fromStatus").asString()).isEqualTo(from.name());
        assertThat(last.get("toStatus").asString()).isEqualTo(to.name());
        if (step.action() == Action.SUBMIT) {
            assertThat(last.get("comment").isNull()).isTrue();
        } else {
            assertThat(last.get("comment").asString()).isEqualTo(commentFor(step.action()));
        }
        if (step.action() == Action.EXTEND) {
            assertThat(last.get("extendedUntil").isNull()).isFalse();
        }
    }

    @TestFactory
    Stream<DynamicTest> everyActionIsRefusedInEveryStateItDoesNotStartFrom() {
        return REACHABLE.stream().map(state -> dynamicTest(state.name(), () -> refusedIn(state)));
    }

    /**
     * Each role's steps that do not start from {@code state} are refused with 409 and a translated message — or
     * with 404 where the role may not even see the application in that state (the department before sign-off, the
     * office before submission).
     */
    private void refusedIn(ApplicationStatus state) throws Exception {
        Case c = bring(state);
        int before = api.history(c.leader(), c.id()).size();
        SoftAssertions soft = new SoftAssertions();
        for (Step step : STEPS) {
            boolean roleMayHere = STEPS.stream().anyMatch(s -> s.action() == step.action() && s.role() == step.role()
                    && s.from().contains(state));
            if (roleMayHere || step.action() == Action.SUBMIT) {
                continue;
            }
            Who who = Who.taking(step.role());
            int expected = expected(who, step.action(), state);
            Reply reply = attempt(who, c, step.action(), null);
            String what = who + " " + step.action() + " in " + state;
            soft.assertThat(reply.status()).as("%s: %s", what, reply.text()).isEqualTo(expected);
            if (expected == 409 && reply.status() == 409) {
                Reply english = attempt(who, c, step.action(), "en");
                soft.assertThat(reply.detail()).as("%s: detail in the default language", what).isNotBlank()
                        .isNotEqualTo(english.detail());
                // The step and the state by their labels, never their codes.
                String label = messages.getMessage("routing.action." + step.action().name(), null, java.util.Locale.ENGLISH);
                soft.assertThat(english.detail()).as("%s: detail in English", what)
                        .contains("step \"" + label + "\" is not possible now").matches("\\p{ASCII}+")
                        .doesNotContain("\"" + step.action().name() + "\"");
            }
        }
        // SUBMIT has its own endpoint, which issues the receipt; the transitions endpoint refuses it in every state.
        Reply submit = api.transition(c.leader(), c.id(), Action.SUBMIT, null, null, null, "en");
        soft.assertThat(submit.status()).as(submit.text()).isEqualTo(409);
        soft.assertThat(submit.detail()).contains("/submit");
        // So are the award's steps, which carry a decision recorded by the award module.
        for (Action award : Action.AWARD_STEPS) {
            Reply refused = api.transition("officer", c.id(), award, null, null, null, "en");
            soft.assertThat(refused.status()).as(award + ": " + refused.text()).isEqualTo(409);
            soft.assertThat(refused.detail()).contains("/decision");
        }
        // And the start of the review, which the review module takes for a whole call when it opens a round.
        Reply review = api.transition("officer", c.id(), Action.START_REVIEW, null, null, null, "en");
        soft.assertThat(review.status()).as(review.text()).isEqualTo(409);
        soft.assertThat(review.detail()).contains("/review-rounds");
        soft.assertAll();
        assertThat(api.application(c.leader(), c.id()).get("status").asString()).isEqualTo(state.name());
        assertThat(api.history(c.leader(), c.id())).hasSize(before);
    }

    @Test
    void returnAndRejectNeedAComment() throws Exception {
        Case submitted = bring(SUBMITTED);
        for (String comment : new String[] {null, "", "   "}) {
            Reply reply = api.transition("uni-admin", submitted.id(), Action.RETURN, comment, null, null, "en");
            assertThat(reply.status()).as(reply.text()).isEqualTo(422);
            assertThat(reply.body().get("errors")).anySatisfy(e -> assertThat(e.get("field").asString()).isEqualTo("comment"));
        }
        Case recommended = bring(RECOMMENDED);
        for (Action action : new Action[] {Action.RETURN, Action.REJECT}) {
            Reply reply = api.transition("officer", recommended.id(), action, null, null, null, "en");
            assertThat(reply.status()).as(reply.text()).isEqualTo(422);
            assertThat(reply.body().get("errors")).anySatisfy(e -> {
                assertThat(e.get("field").asString()).isEqualTo("comment");
                assertThat(e.get("message").asString()).isNotBlank();
            });
        }
        assertThat(api.application(recommended.leader(), recommended.id()).get("status").asString())
                .isEqualTo("RECOMMENDED");
        assertThat(api.application(submitted.leader(), submitted.id()).get("status").asString()).isEqualTo("SUBMITTED");
    }

    @Test
    void aReturnWithSectionCommentsIsRevisedAndSubmittedAsASecondVersion() throws Exception {
        Case c = bring(RECOMMENDED);
        Reply returned = api.transition("officer", c.id(), Action.RETURN, "请补充预算说明",
                Map.of("budget", "设备费依据不足，请补充报价单"), null, null);
        assertThat(returned.status()).as(returned.text()).isEqualTo(200);
        JsonNode last = last(api.history(c.leader(), c.id()));
        assertThat(last.get("action").asString()).isEqualTo("RETURN");
        assertThat(last.get("actor").asString()).isEqualTo("officer");
        assertThat(last.get("comment").asString()).isEqualTo("请补充预算说明");
        assertThat(last.get("sectionComments").get("budget").asString()).isEqualTo("设备费依据不足，请补充报价单");

        // The leader revises; what was signed stays what everyone else reads until the next submission.
        String revised = ThroughTheApi.NARRATIVE.replace("\"目标\"", "\"修改后的目标\"");
        api.saveSection(c.leader(), c.id(), "narrative", revised);
        assertThat(api.application(c.leader(), c.id()).at("/sections/narrative/objectives").asString())
                .isEqualTo("修改后的目标");
        for (String reader : List.of("uni-admin", "officer", "recommender")) {
            assertThat(api.application(reader, c.id()).at("/sections/narrative/objectives").asString())
                    .as("%s reads the submitted snapshot while the application is returned", reader).isEqualTo("目标");
        }

        Reply resubmitted = api.submit(c.leader(), c.id());
        assertThat(resubmitted.status()).as(resubmitted.text()).isEqualTo(200);
        JsonNode again = resubmitted.body();
        String second = again.get("receipt").get("number").asString();
        assertThat(second).matches("2023-SCO-\\d{6}").isNotEqualTo(c.receipt());
        // Submitting the new version twice gives its receipt, not the first one — and still one that checks out.
        JsonNode repeated = api.submit(c.leader(), c.id()).body().get("receipt");
        assertThat(repeated.get("number").asString()).isEqualTo(second);
        assertThat(Instant.parse(repeated.get("submittedAt").asString()))
                .isEqualTo(Instant.parse(again.get("receipt").get("submittedAt").asString()));
        assertThat(repeated.get("signature")).isEqualTo(again.get("receipt").get("signature"));
        assertThat(verifies(repeated)).as("the receipt given again is signed over its own line").isTrue();

        JsonNode history = api.history(c.leader(), c.id());
        JsonNode resubmission = last(history);
        assertThat(resubmission.get("action").asString()).isEqualTo("SUBMIT");
        assertThat(resubmission.get("fromStatus").asString()).isEqualTo("RETURNED");
        assertThat(resubmission.get("toStatus").asString()).isEqualTo("SUBMITTED");
        assertThat(resubmission.get("versionNumber").asInt()).isEqualTo(2);
        assertThat(history.get(0).get("versionNumber").asInt()).isEqualTo(1);
        assertThat(api.position(c.leader(), c.id()).get("submittedVersions").asInt()).isEqualTo(2);
        assertThat(api.application("uni-admin", c.id()).at("/sections/narrative/objectives").asString())
                .isEqualTo("修改后的目标");
        // The second version goes the whole way again, starting with the organisation.
        assertThat(api.step("uni-admin", c.id(), Action.APPROVE, "再次同意")).isEqualTo("ORG_APPROVED");
    }

    @Test
    void theContractsWayFromSubmissionToAcceptance() throws Exception {
        String enterpriseBudget = "{\"fiscal\":\"50\",\"selfRaised\":\"100\",\"lines\":["
                + "{\"category\":\"EQUIPMENT\",\"source\":\"FISCAL\",\"amount\":\"50\"},"
                + "{\"category\":\"EQUIPMENT\",\"source\":\"SELF_RAISED\",\"amount\":\"100\"}]}";
        // Through HTTP Basic, as API.md has it, from first to last request.
        ThroughTheApi api = new ThroughTheApi(mvc, json);
        long id = api.complete("ent-leader", enterpriseBudget);
        api.submitted("ent-leader", id);
        assertThat(api.step("ent-admin", id, Action.APPROVE, "单位同意")).isEqualTo("ORG_APPROVED");
        assertThat(api.step("recommender", id, Action.RECOMMEND, "同意推荐")).isEqualTo("RECOMMENDED");
        assertThat(api.step("officer", id, Action.ACCEPT, null)).isEqualTo("ACCEPTED");
        assertThat(api.application("ent-leader", id).get("status").asString()).isEqualTo("ACCEPTED");

        JsonNode history = api.history("ent-leader", id);
        assertThat(history).hasSize(4);
        List<String> steps = new ArrayList<>();
        history.forEach(e -> steps.add(e.get("actor").asString() + ":" + e.get("action").asString() + ":"
                + e.get("fromStatus").asString() + "->" + e.get("toStatus").asString()));
        assertThat(steps).containsExactly("ent-leader:SUBMIT:DRAFT->SUBMITTED",
                "ent-admin:APPROVE:SUBMITTED->ORG_APPROVED", "recommender:RECOMMEND:ORG_APPROVED->RECOMMENDED",
                "officer:ACCEPT:RECOMMENDED->ACCEPTED");
        history.forEach(e -> assertThat(e.get("at").asString()).isNotBlank());

        Reply withdraw = api.transition("ent-leader", id, Action.WITHDRAW, "撤回", null, null, "en");
        assertThat(withdraw.status()).as(withdraw.text()).isEqualTo(409);
        // The state and the step by their labels (docs/security.md "Error messages"), not their codes.
        assertThat(withdraw.detail()).contains("Accepted").contains("\"Withdraw\"").doesNotContain("ACCEPTED")
                .doesNotContain("WITHDRAW");
        assertThat(api.history("ent-leader", id)).hasSize(4);
    }

    /**
     * API.md: "Submitting twice returns the same receipt" — for the submitted version; an application that has
     * gone further (here accepted, or withdrawn) must not be reported as SUBMITTED: 409 "wrong state", or at
     * least its real status.
     */
    @Test
    void submittingAgainLaterDoesNotReportTheApplicationAsSubmitted() throws Exception {
        for (ApplicationStatus state : List.of(ACCEPTED, WITHDRAWN)) {
            Case c = bring(state);
            Reply again = api.submit(c.leader(), c.id());
            assertThat(api.application(c.leader(), c.id()).get("status").asString()).isEqualTo(state.name());
            if (again.status() == 200) {
                assertThat(again.body().get("receipt").get("number").asString()).isEqualTo(c.receipt());
                assertThat(again.body().get("status").asString()).as("POST /submit on a %s application", state)
                        .isEqualTo(state.name());
            } else {
                assertThat(again.status()).as(again.text()).isEqualTo(409);
            }
        }
    }

    /**
     * mayRead's own rule: the department reads an application "once its organisation has signed it off". One the
     * organisation returned (or the leader withdrew) before signing it off has never been signed off.
     */
    @Test
    void theDepartmentDoesNotReadWhatTheOrganisationNeverSignedOff() throws Exception {
        Case returned = bring(SUBMITTED);
        api.step("uni-admin", returned.id(), Action.RETURN, "请修改后再提交");
        Case withdrawn = bring(SUBMITTED);
        api.step(withdrawn.leader(), withdrawn.id(), Action.WITHDRAW, "撤回");
        SoftAssertions soft = new SoftAssertions();
        for (Case c : List.of(returned, withdrawn)) {
            Reply read = api.send(get("/api/v1/applications/{id}", c.id()).with(api.as("recommender")));
            soft.assertThat(read.status()).as("the department reads application %d (%s), never signed off", c.id(),
                    api.application(c.leader(), c.id()).get("status").asString()).isEqualTo(404);
        }
        soft.assertAll();
    }

    /** Whether the receipt's signature covers its {@code number|submittedAt|digest}, checked with the public key. */
    private boolean verifies(JsonNode receipt) throws Exception {
        String publicKey = mvc.perform(get("/api/v1/receipts/public-key")).andReturn().getResponse().getContentAsString();
        String line = receipt.get("number").asString() + "|" + receipt.get("submittedAt").asString() + "|"
                + receipt.get("digest").asString();
        return ReceiptSigner.verify(publicKey, line.getBytes(StandardCharsets.UTF_8),
                receipt.get("signature").asString());
    }

    private static JsonNode last(JsonNode array) {
        return array.get(array.size() - 1);
    }
}
