package org.silkgrant.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.silkgrant.call.CallDefinition;
import org.silkgrant.call.CallDefinition.Routing;
import org.silkgrant.call.CallStatus;
import org.silkgrant.call.CallView;

/**
 * Each step's deadline: the call's, moved by the definition's periods; after a return the revision period from the
 * return with the same gaps between the steps; an extension moves every step to at least its date.
 */
class DeadlinesTests {

    static final Instant DEADLINE = ApplicationFixture.DEADLINE;
    static final Duration DAY = Duration.ofDays(1);

    static CallView call(Duration signOff, Duration recommendation, Duration revision) {
        CallDefinition d = ApplicationFixture.CALL;
        Routing shipped = d.routing();
        Routing routing = new Routing(signOff, recommendation, revision, shipped.reminderHours(),
                shipped.formalReviewItems());
        CallDefinition changed = new CallDefinition(d.code(), d.year(), d.timeZone(), d.guideText(), d.program(),
                d.title(), d.shortTitle(), d.introduction(), d.region(), d.schedule(), d.categories(), d.fields(),
                d.platformTypes(), d.altaiRegions(), d.portParks(), d.eligibility(), d.requirements(), d.rules(),
                d.budgetCategories(), d.attachmentKinds(), d.recommendingDepartments(), routing, d.review(), d.contact(),
                d.award());
        return new CallView(changed, DEADLINE.minus(Duration.ofDays(30)), DEADLINE, CallStatus.OPEN, false, 0);
    }

    /** The shipped call's periods: sign-off P3D, recommendation P7D, revision P5D. */
    static CallView shipped() {
        return call(Duration.ofDays(3), Duration.ofDays(7), Duration.ofDays(5));
    }

    static Application draft() {
        return new Application("2023-SCO", 1L, 2L, "测试", DEADLINE.minus(Duration.ofDays(10)), "新疆示范大学",
                "UNIVERSITY", "张明");
    }

    static Application returnedAt(Instant at) {
        Application application = draft();
        application.submitted(at.minus(DAY), "2023-SCO-000001", new ApplicationFixture().content());
        application.moved(ApplicationStatus.RETURNED, at);
        return application;
    }

    @Test
    void theShippedCallsStepsFollowTheCallDeadline() {
        CallView call = shipped();
        Application application = draft();
        assertThat(Deadlines.submission(call, application)).isEqualTo(DEADLINE);
        assertThat(Deadlines.submissionWithoutExtension(call, application)).isEqualTo(DEADLINE);
        assertThat(Deadlines.orgSignOff(call, application)).isEqualTo(DEADLINE.plus(Duration.ofDays(3)));
        assertThat(Deadlines.recommendation(call, application)).isEqualTo(DEADLINE.plus(Duration.ofDays(7)));
    }

    @Test
    void aNegativeSignOffPeriodMakesTheSubmissionDeadlineEarlier() {
        CallView call = call(Duration.ofDays(-2), Duration.ofDays(7), Duration.ofDays(5));
        Application application = draft();
        Instant internal = DEADLINE.minus(Duration.ofDays(2));
        assertThat(call.submissionDeadline()).isEqualTo(internal);
        assertThat(Deadlines.submission(call, application)).isEqualTo(internal);
        assertThat(Deadlines.orgSignOff(call, application)).isEqualTo(internal);
        assertThat(Deadlines.recommendation(call, application)).isEqualTo(DEADLINE.plus(Duration.ofDays(7)));
    }

    @Test
    void aReturnGivesTheRevisionPeriodAndKeepsTheGapsBetweenTheSteps() {
        CallView call = shipped();
        Instant returned = DEADLINE.minus(Duration.ofHours(1));
        Application application = returnedAt(returned);
        Instant revision = returned.plus(Duration.ofDays(5));
        assertThat(Deadlines.submission(call, application)).isEqualTo(revision);
        assertThat(Deadlines.submissionWithoutExtension(call, application)).isEqualTo(revision);
        assertThat(Deadlines.orgSignOff(call, application)).isEqualTo(revision.plus(Duration.ofDays(3)));
        assertThat(Deadlines.recommendation(call, application)).isEqualTo(revision.plus(Duration.ofDays(7)));
    }

    @Test
    void aReturnWithAnEarlierSignOffKeepsTheSameGapsToo() {
        CallView call = call(Duration.ofDays(-2), Duration.ofDays(7), Duration.ofDays(5));
        Instant returned = DEADLINE.plus(Duration.ofDays(3));
        Application application = returnedAt(returned);
        Instant revision = returned.plus(Duration.ofDays(5));
        // Before the return: submission and sign-off at deadline − 2 days, recommendation 9 days after them.
        assertThat(Deadlines.submission(call, application)).isEqualTo(revision);
        assertThat(Deadlines.orgSignOff(call, application)).isEqualTo(revision);
        assertThat(Deadlines.recommendation(call, application)).isEqualTo(revision.plus(Duration.ofDays(9)));
    }

    @Test
    void anEarlyReturnNeverShortensTheCallsDeadlines() {
        CallView call = shipped();
        Application application = returnedAt(DEADLINE.minus(Duration.ofDays(20)));
        assertThat(Deadlines.submission(call, application)).isEqualTo(DEADLINE);
        assertThat(Deadlines.orgSignOff(call, application)).isEqualTo(DEADLINE.plus(Duration.ofDays(3)));
        assertThat(Deadlines.recommendation(call, application)).isEqualTo(DEADLINE.plus(Duration.ofDays(7)));
    }

    @Test
    void anExtensionMovesEveryStepToAtLeastItsDate() {
        CallView call = shipped();
        Application application = draft();
        Instant until = DEADLINE.plus(Duration.ofDays(5));
        application.extendedUntil(until, DEADLINE.plus(DAY));
        assertThat(Deadlines.submission(call, application)).isEqualTo(until);
        assertThat(Deadlines.submissionWithoutExtension(call, application)).isEqualTo(DEADLINE);
        assertThat(Deadlines.orgSignOff(call, application)).isEqualTo(until);
        assertThat(Deadlines.recommendation(call, application)).isEqualTo(DEADLINE.plus(Duration.ofDays(7)));
    }

    @Test
    void anExtensionEarlierThanAStepsDeadlineLeavesThatDeadline() {
        CallView call = shipped();
        Application application = returnedAt(DEADLINE.minus(Duration.ofHours(1)));
        Instant revision = DEADLINE.minus(Duration.ofHours(1)).plus(Duration.ofDays(5));
        application.extendedUntil(revision.minus(DAY), DEADLINE);
        assertThat(Deadlines.submission(call, application)).isEqualTo(revision);
        application.extendedUntil(revision.plus(DAY), DEADLINE);
        assertThat(Deadlines.submission(call, application)).isEqualTo(revision.plus(DAY));
        assertThat(Deadlines.orgSignOff(call, application)).isEqualTo(revision.plus(Duration.ofDays(3)));
    }

    @Test
    void withoutACallDeadlineThereIsNone() {
        CallView base = shipped();
        CallView unscheduled = new CallView(base.definition(), null, null, CallStatus.UNSCHEDULED, false, 0);
        Application application = draft();
        application.extendedUntil(DEADLINE, DEADLINE.minus(DAY));
        assertThat(Deadlines.submission(unscheduled, application)).isNull();
        assertThat(Deadlines.orgSignOff(unscheduled, application)).isNull();
        assertThat(Deadlines.recommendation(unscheduled, application)).isNull();
        assertThat(Deadlines.submissionWithoutExtension(unscheduled, application)).isNull();
    }
}
