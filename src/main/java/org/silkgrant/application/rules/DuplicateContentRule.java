package org.silkgrant.application.rules;

import static org.silkgrant.application.rules.RuleOutcome.NARRATIVE;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.silkgrant.application.ApplicationContent;
import org.silkgrant.application.RuleContext;
import org.silkgrant.call.CallDefinition;

/** Regional practice (查重): the text is not mostly shared with another application, at the call's similarity threshold. */
final class DuplicateContentRule implements EligibilityRule {

    static final String ID = "DUPLICATE_CONTENT";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public RuleOutcome check(ApplicationContent content, CallDefinition call, RuleContext context) {
        // NaN or infinity is a broken measurement, not a result.
        if (context.duplicateSimilarity() == null || !Double.isFinite(context.duplicateSimilarity())) {
            return RuleOutcome.pass(ID, "notChecked");
        }
        BigDecimal similarity = BigDecimal.valueOf(context.duplicateSimilarity());
        BigDecimal threshold = call.rules().duplicateSimilarityThreshold();
        if (similarity.compareTo(threshold) >= 0) {
            return RuleOutcome.fail(ID, "similar", NARRATIVE, percent(similarity), percent(threshold));
        }
        return RuleOutcome.pass(ID, "passed", percent(threshold));
    }

    /** Whole percent, rounded down so that a shown similarity never exceeds the measured one. */
    private static String percent(BigDecimal fraction) {
        return fraction.movePointRight(2).setScale(0, RoundingMode.DOWN).toPlainString();
    }
}
