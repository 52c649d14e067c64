package org.silkgrant.application.rules;

import static org.silkgrant.application.rules.RuleOutcome.INDICATORS;
import static org.silkgrant.application.rules.Values.blank;

import java.util.List;

import org.silkgrant.application.ApplicationContent;
import org.silkgrant.application.ApplicationContent.Indicator;
import org.silkgrant.application.RuleContext;
import org.silkgrant.call.CallDefinition;

/** R1: there are indicators, and every one has a quantity and a unit, so it can be assessed at acceptance. */
final class IndicatorsAssessableRule implements EligibilityRule {

    static final String ID = "INDICATORS_ASSESSABLE";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public RuleOutcome check(ApplicationContent content, CallDefinition call, RuleContext context) {
        List<Indicator> indicators = content.indicators() == null ? List.of() : content.indicators().indicators();
        if (indicators.isEmpty()) {
            return RuleOutcome.fail(ID, "noIndicator", INDICATORS);
        }
        for (int i = 0; i < indicators.size(); i++) {
            Indicator indicator = indicators.get(i);
            int number = i + 1;
            if (indicator.quantity() == null) {
                return RuleOutcome.fail(ID, "quantityMissing", INDICATORS, number);
            }
            if (indicator.quantity() < 0) {
                return RuleOutcome.fail(ID, "quantityNegative", INDICATORS, number);
            }
            if (blank(indicator.unit())) {
                return RuleOutcome.fail(ID, "unitMissing", INDICATORS, number);
            }
        }
        return RuleOutcome.pass(ID);
    }
}
