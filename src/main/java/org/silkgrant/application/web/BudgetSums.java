package org.silkgrant.application.web;

import java.math.BigDecimal;

import tools.jackson.databind.JsonNode;

/**
 * The budget lines added up per source, in 万元, exactly (BigDecimal from the text the applicant typed), beside the
 * totals the applicant declared; what BUDGET_BALANCED will compare, shown while writing.
 *
 * @param fiscalLines     sum of the FISCAL lines
 * @param selfRaisedLines sum of the SELF_RAISED lines
 * @param fiscal          the declared fiscal total, or null
 * @param selfRaised      the declared self-raised total, or null
 */
record BudgetSums(BigDecimal fiscalLines, BigDecimal selfRaisedLines, BigDecimal fiscal, BigDecimal selfRaised) {

    /** The sums of a budget section's JSON; amounts that are not numbers count as nothing. */
    static BudgetSums of(JsonNode budget) {
        BigDecimal fiscal = BigDecimal.ZERO;
        BigDecimal selfRaised = BigDecimal.ZERO;
        if (budget != null && budget.isObject()) {
            JsonNode lines = budget.get("lines");
            if (lines != null && lines.isArray()) {
                for (JsonNode line : lines) {
                    BigDecimal amount = amount(line.get("amount"));
                    String source = text(line.get("source"));
                    if (amount == null || source == null) {
                        continue;
                    }
                    if (source.equals("FISCAL")) {
                        fiscal = fiscal.add(amount);
                    } else if (source.equals("SELF_RAISED")) {
                        selfRaised = selfRaised.add(amount);
                    }
                }
            }
            return new BudgetSums(fiscal, selfRaised, amount(budget.get("fiscal")), amount(budget.get("selfRaised")));
        }
        return new BudgetSums(fiscal, selfRaised, null, null);
    }

    /** Whether the fiscal lines add up to the declared fiscal total. */
    public boolean fiscalBalanced() {
        return fiscal != null && fiscal.compareTo(fiscalLines) == 0;
    }

    /** Whether the self-raised lines add up to the declared self-raised total. */
    public boolean selfRaisedBalanced() {
        return selfRaised != null && selfRaised.compareTo(selfRaisedLines) == 0;
    }

    /** The four amounts as shown: fiscal lines, fiscal total, self-raised lines, self-raised total ("—" when absent). */
    public java.util.List<String> shown() {
        return java.util.List.of(show(fiscalLines), show(fiscal), show(selfRaisedLines), show(selfRaised));
    }

    /** An amount as written, without trailing zeros lost or gained: 100.0001 stays 100.0001. */
    static String show(BigDecimal amount) {
        return amount == null ? "—" : amount.toPlainString();
    }

    private static BigDecimal amount(JsonNode node) {
        String text = text(node);
        if (text == null) {
            return null;
        }
        try {
            return new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() || node.isContainer() ? null : node.asString();
    }
}
