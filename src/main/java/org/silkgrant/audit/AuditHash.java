package org.silkgrant.audit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;

import org.bouncycastle.crypto.digests.SM3Digest;

/**
 * The SM3 hash of one chained audit row: over a canonical encoding of its content and the previous row's hash
 * (docs/security.md, "Audit trail"). Each field is length-prefixed, so no two different rows encode alike.
 */
final class AuditHash {

    /** The previous hash of the first row of the chain. */
    static final String GENESIS = "0".repeat(64);

    /** Fixed width, microseconds (what timestamp(6) keeps), UTC. */
    static final DateTimeFormatter INSTANT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
            .withZone(ZoneOffset.UTC);

    private static final String VERSION = "silkgrant-audit-v1";

    private AuditHash() {
    }

    static String of(long seq, Instant at, String actor, String role, String action, String targetType,
            String targetId, String clientAddress, String outcome, String detail, String previousHash) {
        StringBuilder input = new StringBuilder(256).append(VERSION);
        for (String field : new String[] {Long.toString(seq), INSTANT.format(at), actor, role, action, targetType,
                targetId, clientAddress, outcome, detail, previousHash}) {
            input.append('|');
            if (field == null) {
                input.append('~');
            } else {
                input.append(field.getBytes(StandardCharsets.UTF_8).length).append(':').append(field);
            }
        }
        return sm3(input.toString().getBytes(StandardCharsets.UTF_8));
    }

    static String sm3(byte[] bytes) {
        SM3Digest digest = new SM3Digest();
        digest.update(bytes, 0, bytes.length);
        byte[] out = new byte[digest.getDigestSize()];
        digest.doFinal(out, 0);
        return HexFormat.of().formatHex(out);
    }
}
