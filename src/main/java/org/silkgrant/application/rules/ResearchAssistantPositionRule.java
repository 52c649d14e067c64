package org.silkgrant.application.rules;

import static org.silkgrant.application.rules.RuleOutcome.TEAM;

import org.silkgrant.application.ApplicationContent;
import org.silkgrant.application.ApplicationContent.MemberRole;
import org.silkgrant.application.RuleContext;
import org.silkgrant.call.CallDefinition;

/** R5: the team has at least one research assistant position. */
final class ResearchAssistantPositionRule implements EligibilityRule {

    static final String ID = "RESEARCH_ASSISTANT_POSITION";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public RuleOutcome check(ApplicationContent content, CallDefinition call, RuleContext context) {
        // A position counts even before someone is named for it: R5 asks for the position.
        boolean present = content.team() != null
                && content.team().members().stream().anyMatch(m -> m.role() == MemberRole.RESEARCH_ASSISTANT);
        return present ? RuleOutcome.pass(ID) : RuleOutcome.fail(ID, "missing", TEAM);
    }
}
