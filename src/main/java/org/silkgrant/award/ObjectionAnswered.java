package org.silkgrant.award;

import java.time.Instant;

import org.silkgrant.shared.Audited;

/**
 * The office upheld or dismissed an objection; the leader and whoever filed it are told — an account holder in the
 * inbox, a member of the public by mail at {@code objectorEmail} in {@code objectorLanguage} (both null for an
 * account holder's objection).
 */
public record ObjectionAnswered(Long objectionId, Long applicationId, String title, Long leaderId, String filedBy,
        ObjectionStatus result, String actor, Instant at, String clientAddress, String objectorEmail,
        String objectorLanguage)
        implements Audited {

    @Override
    public String role() {
        return "PROGRAM_OFFICER";
    }

    @Override
    public String action() {
        return "AWARD_OBJECTION_" + result.name();
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
        return "objection " + objectionId + " " + result;
    }
}
