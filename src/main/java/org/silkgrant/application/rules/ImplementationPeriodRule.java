package org.silkgrant.application.rules;

import static org.silkgrant.application.rules.RuleOutcome.BASICS;

import java.time.LocalDate;

import org.silkgrant.application.ApplicationContent;
import org.silkgrant.application.ApplicationContent.Basics;
import org.silkgrant.application.RuleContext;
import org.silkgrant.call.CallDefinition;

/**
 * R6: the period, counting its first and last day, lasts from the call's minimum to its maximum number of months:
 * start + min months − 1 day ≤ end ≤ start + max months − 1 day.
 */
final class ImplementationPeriodRule implements EligibilityRule {

    static final String ID = "PERIOD_2_TO_3_YEARS";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public RuleOutcome check(ApplicationContent content, CallDefinition call, RuleContext context) {
        Basics basics = content.basics();
        if (basics == null || basics.startDate() == null || basics.endDate() == null) {
            return RuleOutcome.fail(ID, "datesMissing", BASICS);
        }
        LocalDate start = basics.startDate();
        LocalDate end = basics.endDate();
        int minMonths = call.rules().minMonths();
        int maxMonths = call.rules().maxMonths();
        // Both days count: 2024-01-01 to 2025-12-31 is 24 whole months, hence the day less.
        LocalDate earliestEnd = start.plusMonths(minMonths).minusDays(1);
        LocalDate latestEnd = start.plusMonths(maxMonths).minusDays(1);
        if (end.isBefore(earliestEnd)) {
            return RuleOutcome.fail(ID, "tooShort", BASICS, minMonths, start.toString(), earliestEnd.toString());
        }
        if (end.isAfter(latestEnd)) {
            return RuleOutcome.fail(ID, "tooLong", BASICS, maxMonths, start.toString(), latestEnd.toString());
        }
        return RuleOutcome.pass(ID, "passed", minMonths, maxMonths);
    }
}
