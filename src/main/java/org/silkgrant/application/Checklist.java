package org.silkgrant.application;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.silkgrant.application.rules.EligibilityRule;
import org.silkgrant.application.rules.RuleOutcome;
import org.silkgrant.call.CallDefinition;
import org.silkgrant.call.CallDefinition.Check;
import org.silkgrant.call.CallDefinition.Severity;

/**
 * The eligibility checklist (形式要件核查) of one application: one result per check the call lists, in its order,
 * with the clauses and severity the call gives that check.
 */
public record Checklist(List<Result> results) {

    public Checklist {
        results = List.copyOf(results);
    }

    /** One check's result; {@code section} is the API section that fixes a failure, or null. */
    public record Result(String rule, List<String> clauses, Severity severity, boolean passed, String messageKey,
            List<Object> arguments, String section) {

        public Result {
            clauses = List.copyOf(clauses);
            arguments = List.copyOf(arguments);
        }
    }

    /**
     * Runs exactly the checks of {@code call.rules().checks()}.
     *
     * @throws IllegalStateException when the call lists a rule none of {@code rules} implements
     */
    public static Checklist evaluate(ApplicationContent content, CallDefinition call, RuleContext context,
            List<EligibilityRule> rules) {
        Map<String, EligibilityRule> byId = rules.stream().collect(Collectors.toMap(EligibilityRule::id, Function.identity()));
        List<Result> results = call.rules().checks().stream().map(check -> {
            EligibilityRule rule = byId.get(check.rule());
            if (rule == null) {
                throw new IllegalStateException("call " + call.code() + " runs rule " + check.rule() + ", which is not implemented");
            }
            return result(check, rule.check(content, call, context));
        }).toList();
        return new Checklist(results);
    }

    private static Result result(Check check, RuleOutcome outcome) {
        return new Result(check.rule(), check.clauses(), check.severity(), outcome.passed(), outcome.messageKey(),
                outcome.arguments(), outcome.section());
    }

    /** Whether the application may be submitted: every blocking check passed (warnings are only shown). */
    public boolean ready() {
        return results.stream().allMatch(r -> r.passed() || r.severity() != Severity.BLOCKING);
    }

    /** The checks that did not pass, blocking or not, in the call's order. */
    public List<Result> failing() {
        return results.stream().filter(r -> !r.passed()).toList();
    }
}
