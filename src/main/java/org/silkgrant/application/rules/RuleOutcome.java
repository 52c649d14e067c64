package org.silkgrant.application.rules;

import java.util.List;
import java.util.Objects;

/**
 * What a rule found: passed or not, a message key {@code rule.<ID>.<reason>} with its arguments (plain values:
 * numbers as text, codes, dates), and the API section that fixes a failure (null when no section does).
 */
public record RuleOutcome(boolean passed, String messageKey, List<Object> arguments, String section) {

    public static final String BASICS = "basics";
    public static final String NARRATIVE = "narrative";
    public static final String TEAM = "team";
    public static final String PARTNERS = "partners";
    public static final String BUDGET = "budget";
    public static final String INDICATORS = "indicators";
    public static final String ETHICS = "ethics";
    public static final String AGREEMENT = "agreement";
    public static final String ATTACHMENTS = "attachments";
    public static final String ORGANIZATION = "organization";

    public RuleOutcome {
        Objects.requireNonNull(messageKey, "messageKey");
        arguments = List.copyOf(arguments);
    }

    /** Passed, with the key {@code rule.<rule>.passed}. */
    public static RuleOutcome pass(String rule) {
        return pass(rule, "passed");
    }

    /** Passed for a particular reason, e.g. {@code notRequired}. */
    public static RuleOutcome pass(String rule, String reason, Object... arguments) {
        return new RuleOutcome(true, key(rule, reason), List.of(arguments), null);
    }

    /** Failed for a reason that the given section fixes. */
    public static RuleOutcome fail(String rule, String reason, String section, Object... arguments) {
        return new RuleOutcome(false, key(rule, reason), List.of(arguments), section);
    }

    private static String key(String rule, String reason) {
        return "rule." + rule + "." + reason;
    }
}
