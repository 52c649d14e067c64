package org.silkgrant.award;

import java.math.BigDecimal;
import java.time.Instant;

import org.silkgrant.shared.Audited;

/**
 * The office decided on an application, or changed its decision before the call's notice was published: APPROVED
 * with the granted fiscal amount (万元) or NOT_FUNDED. {@code previous…} is the decision it replaced (null for the
 * first); {@code overEnvelope} the overrun of the category's envelope the officer confirmed (万元, null when none);
 * {@code openSheets} the score sheets still unfinished or missing that the officer confirmed deciding without. The
 * applicant learns nothing of it until the notice is published (the application then takes FUND / DECLINE).
 */
public record DecisionRecorded(Long applicationId, String callCode, Decision decision, BigDecimal grantedAmount,
        String actor, Instant at, String clientAddress, Decision previousDecision, BigDecimal previousAmount,
        String category, BigDecimal overEnvelope, int openSheets) implements Audited {

    @Override
    public String role() {
        return "PROGRAM_OFFICER";
    }

    @Override
    public String action() {
        return previousDecision == null ? "AWARD_DECISION_RECORDED" : "AWARD_DECISION_CHANGED";
    }

    @Override
    public String targetType() {
        return "APPLICATION";
    }

    @Override
    public String targetId() {
        return String.valueOf(applicationId);
    }

    @Override
    public String outcome() {
        return "SUCCESS";
    }

    @Override
    public String detail() {
        StringBuilder out = new StringBuilder().append(decision);
        if (grantedAmount != null) {
            out.append(' ').append(grantedAmount.toPlainString()).append(" 万元");
        }
        if (previousDecision != null) {
            out.append(" (was ").append(previousDecision);
            if (previousAmount != null) {
                out.append(' ').append(previousAmount.toPlainString()).append(" 万元");
            }
            out.append(')');
        }
        if (overEnvelope != null) {
            out.append("; over the ").append(category).append(" envelope by ").append(overEnvelope.toPlainString())
                    .append(" 万元, confirmed");
        }
        if (openSheets > 0) {
            out.append("; ").append(openSheets).append(" score sheets open, confirmed");
        }
        return out.toString();
    }
}
