package org.silkgrant.application;

import java.time.Duration;
import java.time.Instant;

import org.silkgrant.call.CallDefinition;
import org.silkgrant.call.CallView;

/**
 * The deadline an application faces at each step. Each step's deadline is the call's (a period from the call
 * deadline in the definition); after a return it is at least the revision period from the return, with the same
 * gaps between the steps; an extension the office granted to the application moves every step to at least its
 * date. Null when the office has not set the call deadline.
 */
final class Deadlines {

    private Deadlines() {
    }

    /** The leader's submission deadline without the office's extension (what the BEFORE_DEADLINE rule shows). */
    static Instant submissionWithoutExtension(CallView call, Application application) {
        return revised(call, application, call.submissionDeadline(), Duration.ZERO);
    }

    /** The leader's submission deadline. */
    static Instant submission(CallView call, Application application) {
        return extended(submissionWithoutExtension(call, application), application);
    }

    /** The organisation admin's sign-off deadline. */
    static Instant orgSignOff(CallView call, Application application) {
        CallDefinition.Routing routing = call.definition().routing();
        return extended(revised(call, application, call.orgSignOffDeadline(),
                routing.orgSignOffPeriod().minus(submissionOffset(routing))), application);
    }

    /** The recommending department's deadline. */
    static Instant recommendation(CallView call, Application application) {
        CallDefinition.Routing routing = call.definition().routing();
        return extended(revised(call, application, call.recommendationDeadline(),
                routing.recommendationPeriod().minus(submissionOffset(routing))), application);
    }

    /** Where the submission deadline lies from the call deadline: zero, or earlier when sign-off is earlier. */
    private static Duration submissionOffset(CallDefinition.Routing routing) {
        return routing.orgSignOffPeriod().isNegative() ? routing.orgSignOffPeriod() : Duration.ZERO;
    }

    private static Instant revised(CallView call, Application application, Instant base, Duration gapAfterSubmission) {
        if (base == null) {
            return null;
        }
        if (application.returnedAt() == null) {
            return base;
        }
        Instant revision = application.returnedAt().plus(call.definition().routing().revisionPeriod())
                .plus(gapAfterSubmission);
        return revision.isAfter(base) ? revision : base;
    }

    private static Instant extended(Instant deadline, Application application) {
        Instant extension = application.extendedUntil();
        if (deadline == null || extension == null) {
            return deadline;
        }
        return extension.isAfter(deadline) ? extension : deadline;
    }
}
