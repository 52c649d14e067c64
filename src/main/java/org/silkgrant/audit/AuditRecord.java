package org.silkgrant.audit;

import java.time.Instant;

/**
 * A row of the audit record as the audit admin reads it; {@code seq}, {@code previousHash} and {@code hash} are
 * null for rows written before the chain existed.
 */
public record AuditRecord(Long id, Long seq, Instant at, String actor, String role, String action, String targetType,
        String targetId, String clientAddress, String outcome, String detail, String previousHash, String hash) {
}
