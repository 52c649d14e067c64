package org.silkgrant.audit;

import org.silkgrant.shared.Audited;

/** What is done with the audit record itself: verified, exported, purged. */
record AuditLogEvent(String actor, String action, String clientAddress, String outcome, String detail)
        implements Audited {

    @Override
    public String targetType() {
        return "AUDIT_LOG";
    }

    @Override
    public String targetId() {
        return null;
    }

    @Override
    public String role() {
        return "system".equals(actor) ? null : AuditLog.AUDIT_ADMIN;
    }
}
