package org.silkgrant.award;

import java.time.Instant;

import org.silkgrant.shared.Audited;

/** The notice ended but an objection against the application was upheld: it stays APPROVED for the office to settle. */
public record AwardHeldBack(Long applicationId, String callCode, Instant at) implements Audited {

    @Override
    public String actor() {
        return "system";
    }

    @Override
    public String action() {
        return "AWARD_HELD_BACK";
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
        return "objection upheld";
    }
}
