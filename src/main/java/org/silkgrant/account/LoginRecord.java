package org.silkgrant.account;

import java.time.Instant;

/** One sign-in attempt in a user's own history. */
public record LoginRecord(Instant at, String clientAddress, String outcome) {
}
