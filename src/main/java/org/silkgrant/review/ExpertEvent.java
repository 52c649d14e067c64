package org.silkgrant.review;

import org.silkgrant.shared.Audited;

/**
 * Something that happened in the expert registry: an expert created, imported, changed, deactivated; a conflict
 * declared or withdrawn; an import refused. Kept by the audit record.
 */
public record ExpertEvent(String actor, String role, String action, Long expertId, String clientAddress,
        String outcome, String detail) implements Audited {

    @Override
    public String targetType() {
        return expertId == null ? null : "EXPERT";
    }

    @Override
    public String targetId() {
        return expertId == null ? null : String.valueOf(expertId);
    }
}
