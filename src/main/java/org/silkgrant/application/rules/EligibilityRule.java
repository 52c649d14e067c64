package org.silkgrant.application.rules;

import org.silkgrant.application.ApplicationContent;
import org.silkgrant.application.RuleContext;
import org.silkgrant.call.CallDefinition;

/** One eligibility rule of RULES.md §5: checks an application against the call's parameters. */
public interface EligibilityRule {

    /** The rule id exactly as in RULES.md §5 and the call's checks, e.g. {@code MATCHING_FUNDS}. */
    String id();

    /**
     * Checks the content as it is now; any section may be null (not filled in), which is a failure of the rules
     * that need it, never an exception.
     */
    RuleOutcome check(ApplicationContent content, CallDefinition call, RuleContext context);
}
