package org.silkgrant.application.rules;

import static org.silkgrant.application.rules.RuleOutcome.AGREEMENT;
import static org.silkgrant.application.rules.RuleOutcome.ATTACHMENTS;
import static org.silkgrant.application.rules.Values.blank;

import java.util.ArrayList;
import java.util.List;

import org.silkgrant.application.ApplicationContent;
import org.silkgrant.application.ApplicationContent.Agreement;
import org.silkgrant.application.RuleContext;
import org.silkgrant.call.CallDefinition;

/**
 * C2, R3: the cooperation agreement is attached, and the applicant has said where it states the S&T input,
 * the division of work, IP ownership and results ownership.
 */
final class AgreementAttachedRule implements EligibilityRule {

    static final String ID = "AGREEMENT_ATTACHED";
    static final String KIND = "COOPERATION_AGREEMENT";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public RuleOutcome check(ApplicationContent content, CallDefinition call, RuleContext context) {
        if (!context.hasAttachment(KIND)) {
            return RuleOutcome.fail(ID, "fileMissing", ATTACHMENTS);
        }
        List<String> missing = missing(content.agreement());
        if (!missing.isEmpty()) {
            // The key names the first empty field; the argument counts them all.
            return RuleOutcome.fail(ID, missing.get(0) + "Missing", AGREEMENT, missing.size());
        }
        return RuleOutcome.pass(ID);
    }

    /** The empty fields in the order of API.md. */
    private static List<String> missing(Agreement agreement) {
        List<String> missing = new ArrayList<>();
        if (agreement == null || blank(agreement.scienceInput())) {
            missing.add("scienceInput");
        }
        if (agreement == null || blank(agreement.divisionOfWork())) {
            missing.add("divisionOfWork");
        }
        if (agreement == null || blank(agreement.ipOwnership())) {
            missing.add("ipOwnership");
        }
        if (agreement == null || blank(agreement.resultsOwnership())) {
            missing.add("resultsOwnership");
        }
        return missing;
    }
}
