package org.silkgrant.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;

/** The hash of a chained row: SM3, over every content field and the previous hash, encoded without ambiguity. */
class AuditHashTests {

    private static final Instant AT = Instant.parse("2026-05-01T02:03:04.123456Z");

    @Test
    void isSm3() {
        // GM/T 0004-2012, example 1.
        assertThat(AuditHash.sm3("abc".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo("66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0");
    }

    @Test
    void coversEveryFieldAndThePreviousHash() {
        String base = hash(1, AT, "alice", "ORG_ADMIN", "LOGIN", "USER", "7", "10.0.0.1", "SUCCESS", "d", AuditHash.GENESIS);
        assertThat(base).hasSize(64).matches("[0-9a-f]{64}");
        assertThat(new String[] {
                hash(2, AT, "alice", "ORG_ADMIN", "LOGIN", "USER", "7", "10.0.0.1", "SUCCESS", "d", AuditHash.GENESIS),
                hash(1, AT.plusNanos(1000), "alice", "ORG_ADMIN", "LOGIN", "USER", "7", "10.0.0.1", "SUCCESS", "d", AuditHash.GENESIS),
                hash(1, AT, "alicE", "ORG_ADMIN", "LOGIN", "USER", "7", "10.0.0.1", "SUCCESS", "d", AuditHash.GENESIS),
                hash(1, AT, "alice", null, "LOGIN", "USER", "7", "10.0.0.1", "SUCCESS", "d", AuditHash.GENESIS),
                hash(1, AT, "alice", "ORG_ADMIN", "LOGOUT", "USER", "7", "10.0.0.1", "SUCCESS", "d", AuditHash.GENESIS),
                hash(1, AT, "alice", "ORG_ADMIN", "LOGIN", "ORG", "7", "10.0.0.1", "SUCCESS", "d", AuditHash.GENESIS),
                hash(1, AT, "alice", "ORG_ADMIN", "LOGIN", "USER", "8", "10.0.0.1", "SUCCESS", "d", AuditHash.GENESIS),
                hash(1, AT, "alice", "ORG_ADMIN", "LOGIN", "USER", "7", "10.0.0.2", "SUCCESS", "d", AuditHash.GENESIS),
                hash(1, AT, "alice", "ORG_ADMIN", "LOGIN", "USER", "7", "10.0.0.1", "FAILURE", "d", AuditHash.GENESIS),
                hash(1, AT, "alice", "ORG_ADMIN", "LOGIN", "USER", "7", "10.0.0.1", "SUCCESS", "e", AuditHash.GENESIS),
                hash(1, AT, "alice", "ORG_ADMIN", "LOGIN", "USER", "7", "10.0.0.1", "SUCCESS", "d", "1".repeat(64))})
                .doesNotContain(base).doesNotHaveDuplicates();
    }

    @Test
    void fieldBoundariesAndNullAreUnambiguous() {
        // The same characters split differently between two fields, and null against the empty string.
        assertThat(hash(1, AT, "a|1:b", null, "X", null, null, null, "SUCCESS", null, AuditHash.GENESIS))
                .isNotEqualTo(hash(1, AT, "a", "b", "X", null, null, null, "SUCCESS", null, AuditHash.GENESIS));
        assertThat(hash(1, AT, "a", "", "X", null, null, null, "SUCCESS", null, AuditHash.GENESIS))
                .isNotEqualTo(hash(1, AT, "a", null, "X", null, null, null, "SUCCESS", null, AuditHash.GENESIS));
        assertThat(hash(1, AT, "ab", null, "X", null, null, null, "SUCCESS", "c", AuditHash.GENESIS))
                .isNotEqualTo(hash(1, AT, "a", null, "X", null, null, null, "SUCCESS", "bc", AuditHash.GENESIS));
    }

    @Test
    void theTimeIsWrittenWithFixedMicroseconds() {
        assertThat(AuditHash.INSTANT.format(Instant.parse("2026-05-01T02:03:04Z"))).isEqualTo("2026-05-01T02:03:04.000000Z");
        assertThat(AuditHash.INSTANT.format(AT)).isEqualTo("2026-05-01T02:03:04.123456Z");
    }

    @Test
    void cuttingNeverSplitsASurrogatePair() {
        String text = "ab\uD842\uDFB7"; // ab𠮷
        assertThat(AuditEntry.cut(text, 3)).isEqualTo("ab");
        assertThat(AuditEntry.cut(text, 4)).isEqualTo(text);
        assertThat(AuditEntry.cut("abcdef", 3)).isEqualTo("abc");
    }

    private static String hash(long seq, Instant at, String actor, String role, String action, String targetType,
            String targetId, String clientAddress, String outcome, String detail, String previousHash) {
        return AuditHash.of(seq, at, actor, role, action, targetType, targetId, clientAddress, outcome, detail,
                previousHash);
    }
}
