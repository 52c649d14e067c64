package org.silkgrant.application;

import java.time.Instant;

/**
 * The receipt (受理回执) of a submission: its number, time, the SM3 digest of the frozen snapshot, and the SM2
 * signature over {@link #signedLine()}, checkable offline with the public key at
 * {@code GET /api/v1/receipts/public-key}.
 */
public record Receipt(String number, Instant submittedAt, String digest, String signature) {

    /** The exact text the signature covers: {@code number|submittedAt|digest}. */
    public String signedLine() {
        return signedLine(number, submittedAt, digest);
    }

    static String signedLine(String number, Instant submittedAt, String digest) {
        return number + "|" + submittedAt + "|" + digest;
    }
}
