package org.silkgrant.account;

import org.silkgrant.shared.Audited;

/**
 * Something that happened to an account: sign-in, lockout, password and role changes, creation, deactivation.
 * Every one is kept by the audit record.
 */
public record AccountEvent(String actor, String action, Long userId, String username, String clientAddress,
        String outcome, String detail) implements Audited {

    public static final String SUCCESS = "SUCCESS";
    public static final String FAILURE = "FAILURE";

    @Override
    public String targetType() {
        return "USER";
    }

    @Override
    public String targetId() {
        return userId == null ? username : String.valueOf(userId);
    }
}
