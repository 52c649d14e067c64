package org.silkgrant.audit;

import java.time.Instant;

/** A row of the audit record as the audit admin reads it. */
public record AuditRecord(Long id, Instant at, String actor, String action, String targetType, String targetId,
        String clientAddress, String outcome, String detail) {
}
