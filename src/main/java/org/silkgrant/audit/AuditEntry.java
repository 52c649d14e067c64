package org.silkgrant.audit;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.silkgrant.shared.Audited;

/** One row of the audit record; never changed once written. */
@Entity
@Table(name = "audit_event")
class AuditEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private Instant at;

    @Column(nullable = false, length = 64)
    private String actor;

    @Column(nullable = false, length = 60)
    private String action;

    @Column(name = "target_type", length = 40)
    private String targetType;

    @Column(name = "target_id", length = 64)
    private String targetId;

    @Column(name = "client_address", length = 64)
    private String clientAddress;

    @Column(nullable = false, length = 20)
    private String outcome;

    @Column(length = 2000)
    private String detail;

    @Column(name = "previous_hash", length = 64)
    private String previousHash;

    @Column(length = 64)
    private String hash;

    protected AuditEntry() {
    }

    AuditEntry(Instant at, Audited event) {
        this.at = at;
        this.actor = cut(event.actor() == null ? "anonymous" : event.actor(), 64);
        this.action = cut(event.action(), 60);
        this.targetType = cut(event.targetType(), 40);
        this.targetId = cut(event.targetId(), 64);
        this.clientAddress = cut(event.clientAddress(), 64);
        this.outcome = cut(event.outcome(), 20);
        this.detail = cut(event.detail(), 2000);
    }

    private static String cut(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }

    AuditRecord view() {
        return new AuditRecord(id, at, actor, action, targetType, targetId, clientAddress, outcome, detail);
    }
}
