package org.silkgrant.application.rules;

import static org.silkgrant.application.rules.RuleOutcome.BUDGET;
import static org.silkgrant.application.rules.Values.blank;
import static org.silkgrant.application.rules.Values.plain;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import org.silkgrant.application.ApplicationContent;
import org.silkgrant.application.ApplicationContent.Budget;
import org.silkgrant.application.ApplicationContent.Line;
import org.silkgrant.application.ApplicationContent.Source;
import org.silkgrant.application.RuleContext;
import org.silkgrant.call.CallDefinition;
import org.silkgrant.call.CallDefinition.BudgetCategory;

/**
 * R4: both totals are given, no amount is negative or finer than a whole yuan (4 decimals of 万元), every line
 * uses a budget category of the call, and per source the lines add up exactly to the total.
 */
final class BudgetBalancedRule implements EligibilityRule {

    static final String ID = "BUDGET_BALANCED";

    /** 0.0001 万元 is one yuan, the smallest amount a budget holds. */
    private static final int MAX_DECIMALS = 4;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public RuleOutcome check(ApplicationContent content, CallDefinition call, RuleContext context) {
        Budget budget = content.budget();
        if (budget == null) {
            return RuleOutcome.fail(ID, "budgetMissing", BUDGET);
        }
        if (budget.fiscal() == null || budget.selfRaised() == null) {
            return RuleOutcome.fail(ID, "totalsMissing", BUDGET);
        }
        for (BigDecimal total : List.of(budget.fiscal(), budget.selfRaised())) {
            if (total.signum() < 0) {
                return RuleOutcome.fail(ID, "totalNegative", BUDGET, plain(total));
            }
            if (tooPrecise(total)) {
                return RuleOutcome.fail(ID, "totalTooManyDecimals", BUDGET, plain(total));
            }
        }
        List<String> categories = call.budgetCategories().stream().map(BudgetCategory::code).toList();
        for (int i = 0; i < budget.lines().size(); i++) {
            Optional<RuleOutcome> failure = line(budget.lines().get(i), i + 1, categories);
            if (failure.isPresent()) {
                return failure.get();
            }
        }
        return balanced(budget, Source.FISCAL, budget.fiscal(), "fiscalUnbalanced")
                .or(() -> balanced(budget, Source.SELF_RAISED, budget.selfRaised(), "selfRaisedUnbalanced"))
                .orElseGet(() -> RuleOutcome.pass(ID));
    }

    private static Optional<RuleOutcome> line(Line line, int number, List<String> categories) {
        if (blank(line.category())) {
            return Optional.of(RuleOutcome.fail(ID, "lineCategoryMissing", BUDGET, number));
        }
        if (!categories.contains(line.category().strip())) {
            return Optional.of(RuleOutcome.fail(ID, "lineCategoryUnknown", BUDGET, number, line.category().strip()));
        }
        if (line.source() == null) {
            return Optional.of(RuleOutcome.fail(ID, "lineSourceMissing", BUDGET, number));
        }
        if (line.amount() == null) {
            return Optional.of(RuleOutcome.fail(ID, "lineAmountMissing", BUDGET, number));
        }
        if (line.amount().signum() < 0) {
            return Optional.of(RuleOutcome.fail(ID, "lineNegative", BUDGET, number, plain(line.amount())));
        }
        if (tooPrecise(line.amount())) {
            return Optional.of(RuleOutcome.fail(ID, "lineTooManyDecimals", BUDGET, number, plain(line.amount())));
        }
        return Optional.empty();
    }

    /** Exact comparison: 1.50 and 1.5 are the same amount, 1.5001 is not. */
    private static Optional<RuleOutcome> balanced(Budget budget, Source source, BigDecimal total, String reason) {
        BigDecimal sum = budget.lines().stream().filter(l -> l.source() == source).map(Line::amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        if (sum.compareTo(total) == 0) {
            return Optional.empty();
        }
        return Optional.of(RuleOutcome.fail(ID, reason, BUDGET, plain(sum), plain(total),
                plain(total.subtract(sum).abs())));
    }

    /** Trailing zeros do not count: 1.50000 is a whole number of yuan, 0.00001 is not. */
    private static boolean tooPrecise(BigDecimal amount) {
        return amount.stripTrailingZeros().scale() > MAX_DECIMALS;
    }
}
