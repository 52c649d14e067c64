package org.silkgrant.award;

import java.math.BigDecimal;
import java.time.Instant;

import org.silkgrant.shared.Audited;

/**
 * The office decided on an application: APPROVED with the granted fiscal amount (万元) or NOT_FUNDED. The step of the
 * application itself is announced by {@code ApplicationTransitioned} (FUND / DECLINE), which notifies the applicant.
 */
public record DecisionRecorded(Long applicationId, String callCode, Decision decision, BigDecimal grantedAmount,
        String actor, Instant at, String clientAddress) implements Audited {

    @Override
    public String role() {
        return "PROGRAM_OFFICER";
    }

    @Override
    public String action() {
        return "AWARD_DECISION_RECORDED";
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
        return decision + (grantedAmount == null ? "" : " " + grantedAmount.toPlainString() + " 万元");
    }
}
