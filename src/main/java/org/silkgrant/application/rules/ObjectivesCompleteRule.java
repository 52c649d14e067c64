package org.silkgrant.application.rules;

import static org.silkgrant.application.rules.RuleOutcome.NARRATIVE;
import static org.silkgrant.application.rules.Values.blank;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.silkgrant.application.ApplicationContent;
import org.silkgrant.application.ApplicationContent.Narrative;
import org.silkgrant.application.RuleContext;
import org.silkgrant.call.CallDefinition;

/** R1: objectives, rationale, content, channels, responsibilities, plan and expected results are all filled in. */
final class ObjectivesCompleteRule implements EligibilityRule {

    static final String ID = "OBJECTIVES_COMPLETE";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public RuleOutcome check(ApplicationContent content, CallDefinition call, RuleContext context) {
        List<String> missing = fields(content.narrative()).entrySet().stream()
                .filter(e -> blank(e.getValue())).map(Map.Entry::getKey).toList();
        if (!missing.isEmpty()) {
            // The key names the first empty field; the argument counts them all.
            return RuleOutcome.fail(ID, missing.get(0) + "Missing", NARRATIVE, missing.size());
        }
        return RuleOutcome.pass(ID);
    }

    /** The seven fields by their API.md names, in that order; all empty when the section is not filled in. */
    private static Map<String, String> fields(Narrative n) {
        Narrative narrative = n == null ? new Narrative(null, null, null, null, null, null, null) : n;
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("objectives", narrative.objectives());
        fields.put("rationale", narrative.rationale());
        fields.put("content", narrative.content());
        fields.put("channels", narrative.channels());
        fields.put("responsibilities", narrative.responsibilities());
        fields.put("plan", narrative.plan());
        fields.put("expectedResults", narrative.expectedResults());
        return fields;
    }
}
