package org.silkgrant.audit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.silkgrant.shared.Audited;

/**
 * One row of the audit record, chained to the one before by {@link AuditHash}; never changed once written (no
 * setters). Rows written before the chain existed have no seq and no hash.
 */
@Entity
@Table(name = "audit_event")
class AuditEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(updatable = false)
    private Long seq;

    @Column(nullable = false, updatable = false)
    private Instant at;

    @Column(nullable = false, length = 64, updatable = false)
    private String actor;

    @Column(length = 30, updatable = false)
    private String role;

    @Column(nullable = false, length = 60, updatable = false)
    private String action;

    @Column(name = "target_type", length = 40, updatable = false)
    private String targetType;

    @Column(name = "target_id", length = 64, updatable = false)
    private String targetId;

    @Column(name = "client_address", length = 64, updatable = false)
    private String clientAddress;

    @Column(nullable = false, length = 20, updatable = false)
    private String outcome;

    @Column(length = 2000, updatable = false)
    private String detail;

    @Column(name = "previous_hash", length = 64, updatable = false)
    private String previousHash;

    @Column(length = 64, updatable = false)
    private String hash;

    protected AuditEntry() {
    }

    /** The row that follows the one whose hash is {@code previousHash}, as number {@code seq} of the chain. */
    AuditEntry(long seq, Instant at, Audited event, String previousHash) {
        this.seq = seq;
        // The column keeps microseconds: hash what will be read back.
        this.at = at.truncatedTo(ChronoUnit.MICROS);
        this.actor = cut(event.actor() == null ? "anonymous" : event.actor(), 64);
        this.role = cut(event.role(), 30);
        this.action = cut(event.action(), 60);
        this.targetType = cut(event.targetType(), 40);
        this.targetId = cut(event.targetId(), 64);
        this.clientAddress = cut(event.clientAddress(), 64);
        this.outcome = cut(event.outcome(), 20);
        this.detail = cut(event.detail(), 2000);
        this.previousHash = previousHash;
        this.hash = AuditHash.of(seq, this.at, actor, role, action, targetType, targetId, clientAddress, outcome,
                detail, previousHash);
    }

    /** At most {@code max} characters, never splitting a surrogate pair (the database would keep a '?'). */
    static String cut(String value, int max) {
        if (value == null || value.length() <= max) {
            return value;
        }
        int end = Character.isHighSurrogate(value.charAt(max - 1)) ? max - 1 : max;
        return value.substring(0, end);
    }

    Long seq() {
        return seq;
    }

    String previousHash() {
        return previousHash;
    }

    String hash() {
        return hash;
    }

    AuditRecord view() {
        return new AuditRecord(id, seq, at, actor, role, action, targetType, targetId, clientAddress, outcome, detail,
                previousHash, hash);
    }
}
