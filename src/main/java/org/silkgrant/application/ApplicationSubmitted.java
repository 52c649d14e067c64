package org.silkgrant.application;

import java.time.Instant;

import org.silkgrant.shared.Audited;

/** An application was submitted and its receipt issued. */
public record ApplicationSubmitted(Long applicationId, String callCode, Long organizationId, String receiptNumber,
        Instant submittedAt, String actor, String digest) implements Audited {

    @Override
    public String action() {
        return "APPLICATION_SUBMITTED";
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
    public String clientAddress() {
        return null;
    }

    @Override
    public String outcome() {
        return "SUCCESS";
    }

    @Override
    public String detail() {
        return receiptNumber + " sm3=" + digest;
    }
}
