package org.silkgrant.application.rules;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import org.silkgrant.application.ApplicationContent;
import org.silkgrant.application.RuleContext;
import org.silkgrant.call.CallDefinition;

/** The call: it is still before the deadline, or before the extension the program office granted. */
final class BeforeDeadlineRule implements EligibilityRule {

    static final String ID = "BEFORE_DEADLINE";

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    @Override
    public String id() {
        return ID;
    }

    @Override
    public RuleOutcome check(ApplicationContent content, CallDefinition call, RuleContext context) {
        // Deadlines are shown in the call's own time zone (Asia/Shanghai), as the guide states them.
        ZoneId zone = call.timeZone() == null ? ZoneOffset.UTC : call.timeZone();
        Instant now = context.now();
        if (context.deadline() == null) {
            return RuleOutcome.fail(ID, "deadlineNotSet", null);
        }
        if (now.isBefore(context.deadline())) {
            return RuleOutcome.pass(ID, "passed", shown(context.deadline(), zone), zone.getId());
        }
        if (context.extendedUntil() == null) {
            return RuleOutcome.fail(ID, "deadlinePassed", null, shown(context.deadline(), zone), zone.getId());
        }
        if (now.isBefore(context.extendedUntil())) {
            return RuleOutcome.pass(ID, "extended", shown(context.extendedUntil(), zone), zone.getId());
        }
        return RuleOutcome.fail(ID, "extensionPassed", null, shown(context.extendedUntil(), zone), zone.getId());
    }

    private static String shown(Instant instant, ZoneId zone) {
        return SHOWN.format(instant.atZone(zone));
    }
}
