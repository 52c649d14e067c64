package org.silkgrant.award;

import java.time.Instant;

import org.silkgrant.shared.Audited;

/**
 * An applicant, an organisation admin or (where the call allows it) a member of the public with a verified e-mail
 * filed an objection against a noticed application; the leader and the office are told, the leader not by whom.
 */
public record ObjectionFiled(Long objectionId, Long applicationId, String title, Long leaderId, String actor,
        Instant at, String clientAddress) implements Audited {

    @Override
    public String action() {
        return "AWARD_OBJECTION_FILED";
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
        return "objection " + objectionId;
    }
}
