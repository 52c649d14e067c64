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
 * pending procedure. Every trigger the call lists must be answered 涉及 or 不涉及: an unanswered one is not a "no".
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
        int unanswered = unanswered(call, HUMAN_SUBJECTS, ethics.humanSubjects())
                + unanswered(call, HUMAN_GENETIC_RESOURCES, ethics.humanGeneticResources())
                + unanswered(call, LABORATORY_ANIMALS, ethics.laboratoryAnimals());
        if (unanswered > 0) {
            return RuleOutcome.fail(ID, "notAnswered", ETHICS, unanswered);
        }
        boolean humanSubjects = involved(call, HUMAN_SUBJECTS, ethics.humanSubjects());
        boolean geneticResources = involved(call, HUMAN_GENETIC_RESOURCES, ethics.humanGeneticResources());
        boolean animals = involved(call, LABORATORY_ANIMALS, ethics.laboratoryAnimals());
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

    /** 1 when the call asks about the trigger and it has no answer yet. */
    private static int unanswered(CallDefinition call, String trigger, Boolean answer) {
        return answer == null && triggers(call, trigger) ? 1 : 0;
    }

    private static boolean involved(CallDefinition call, String trigger, Boolean answer) {
        return Boolean.TRUE.equals(answer) && triggers(call, trigger);
    }

    private static boolean triggers(CallDefinition call, String trigger) {
        return call.rules().ethicsTriggers().contains(trigger);
    }
}
