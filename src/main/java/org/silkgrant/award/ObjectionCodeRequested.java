package org.silkgrant.award;

import java.time.Instant;

import org.silkgrant.shared.Audited;

/**
 * A visitor asked for a code to verify their e-mail address before filing a public objection; the notification
 * module mails {@code code} to {@code email} in {@code language}. The audit record keeps neither the code nor the
 * whole address.
 */
public record ObjectionCodeRequested(String callCode, String email, String code, Instant expiresAt, String language,
        Instant at, String clientAddress) implements Audited {

    /** Who files a public objection, in the audit record and as {@code filed_by}: never a user name (no colon there). */
    public static final String PUBLIC_ACTOR = "public:visitor";

    @Override
    public String actor() {
        return PUBLIC_ACTOR;
    }

    @Override
    public String action() {
        return "AWARD_OBJECTION_CODE_REQUESTED";
    }

    @Override
    public String targetType() {
        return "CALL";
    }

    @Override
    public String targetId() {
        return callCode;
    }

    @Override
    public String outcome() {
        return "SUCCESS";
    }

    @Override
    public String detail() {
        return "code for " + masked(email);
    }

    /** The address as the audit record and the office's lists show it: the first letter and the domain. */
    public static String masked(String email) {
        int at = email == null ? -1 : email.indexOf('@');
        return at <= 0 ? "***" : email.charAt(0) + "***" + email.substring(at);
    }

    @Override
    public String toString() {
        return "ObjectionCodeRequested[" + callCode + ", " + masked(email) + "]";
    }
}
