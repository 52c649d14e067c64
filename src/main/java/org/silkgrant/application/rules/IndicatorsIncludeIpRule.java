package org.silkgrant.application.rules;

import static org.silkgrant.application.rules.RuleOutcome.INDICATORS;

import java.util.List;

import org.silkgrant.application.ApplicationContent;
import org.silkgrant.application.ApplicationContent.Indicator;
import org.silkgrant.application.RuleContext;
import org.silkgrant.call.CallDefinition;

/** R1: at least one indicator is intellectual property (a kind the call lists) with a quantity of at least 1. */
final class IndicatorsIncludeIpRule implements EligibilityRule {

    static final String ID = "INDICATORS_INCLUDE_IP";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public RuleOutcome check(ApplicationContent content, CallDefinition call, RuleContext context) {
        List<Indicator> indicators = content.indicators() == null ? List.of() : content.indicators().indicators();
        List<String> ipKinds = call.rules().ipIndicatorKinds();
        int firstIp = -1;
        for (int i = 0; i < indicators.size(); i++) {
            Indicator indicator = indicators.get(i);
            if (indicator.kind() == null || !ipKinds.contains(indicator.kind().name())) {
                continue;
            }
            if (indicator.quantity() != null && indicator.quantity() >= 1) {
                return RuleOutcome.pass(ID);
            }
            if (firstIp < 0) {
                firstIp = i;
            }
        }
        if (firstIp >= 0) {
            return RuleOutcome.fail(ID, "quantityBelowOne", INDICATORS, firstIp + 1);
        }
        return RuleOutcome.fail(ID, "ipMissing", INDICATORS);
    }
}
