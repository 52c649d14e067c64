package org.silkgrant.application.rules;

import static org.silkgrant.application.rules.RuleOutcome.ATTACHMENTS;
import static org.silkgrant.application.rules.RuleOutcome.ETHICS;

import org.silkgrant.application.ApplicationContent;
import org.silkgrant.application.ApplicationContent.Ethics;
import org.silkgrant.application.ApplicationContent.HgrProcedure;
import org.silkgrant.application.RuleContext;
import org.silkgrant.call.CallDefinition;

/**
 * R3: research the call lists as an ethics trigger (human subjects, human genetic resources, laboratory animals)
 * needs the ethics committee opinion; human genetic resources also the approval or filing, or a declared
 * pending procedure.
 */
final class EthicsOpinionRule implements EligibilityRule {

    static final String ID = "ETHICS_OPINION";
    static final String OPINION = "ETHICS_OPINION";
    static final String HGR_APPROVAL = "HGR_APPROVAL";

    private static final String HUMAN_SUBJECTS = "HUMAN_SUBJECTS";
    private static final String HUMAN_GENETIC_RESOURCES = "HUMAN_GENETIC_RESOURCES";
    private static final String LABORATORY_ANIMALS = "LABORATORY_ANIMALS";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public RuleOutcome check(ApplicationContent content, CallDefinition call, RuleContext context) {
        Ethics ethics = content.ethics();
        // Without the declaration nobody knows whether an opinion is needed.
        if (ethics == null) {
            return RuleOutcome.fail(ID, "notDeclared", ETHICS);
        }
        boolean humanSubjects = ethics.humanSubjects() && triggers(call, HUMAN_SUBJECTS);
        boolean geneticResources = ethics.humanGeneticResources() && triggers(call, HUMAN_GENETIC_RESOURCES);
        boolean animals = ethics.laboratoryAnimals() && triggers(call, LABORATORY_ANIMALS);
        if (!humanSubjects && !geneticResources && !animals) {
            return RuleOutcome.pass(ID, "notRequired");
        }
        if (!context.hasAttachment(OPINION)) {
            return RuleOutcome.fail(ID, "opinionMissing", ATTACHMENTS);
        }
        if (geneticResources && !context.hasAttachment(HGR_APPROVAL)) {
            if (ethics.hgrProcedure() == HgrProcedure.APPROVED) {
                return RuleOutcome.fail(ID, "hgrApprovalMissing", ATTACHMENTS);
            }
            if (ethics.hgrProcedure() != HgrProcedure.PENDING) {
                return RuleOutcome.fail(ID, "hgrProcedureMissing", ETHICS);
            }
        }
        return RuleOutcome.pass(ID);
    }

    private static boolean triggers(CallDefinition call, String trigger) {
        return call.rules().ethicsTriggers().contains(trigger);
    }
}
