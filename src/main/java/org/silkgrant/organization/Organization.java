package org.silkgrant.organization;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.silkgrant.shared.FieldViolationException;

/** A registered organisation; only the program office's decision moves it out of pending verification. */
@Entity
@Table(name = "organization")
class Organization {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 200)
    private String name;

    @Column(name = "credit_code", nullable = false, unique = true, length = 18)
    private String creditCode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 40)
    private OrganizationType type;

    @Column(name = "division_code", nullable = false, length = 6)
    private String divisionCode;

    @Column(nullable = false, length = 300)
    private String address;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 30)
    private OrganizationStatus status;

    @Column(name = "decision_comment", length = 1000)
    private String decisionComment;

    @Column(name = "decided_by", length = 64)
    private String decidedBy;

    @Column(name = "decided_at")
    private Instant decidedAt;

    @Column(name = "registered_at", nullable = false)
    private Instant registeredAt;

    @Version
    private long version;

    protected Organization() {
    }

    Organization(String name, String creditCode, OrganizationType type, String divisionCode, String address,
            Instant now) {
        this.name = name;
        this.creditCode = creditCode;
        this.type = type;
        this.divisionCode = divisionCode;
        this.address = address;
        this.status = OrganizationStatus.PENDING_VERIFICATION;
        this.registeredAt = now;
    }

    /** The office verifies or rejects a pending registration; a rejection must say why. */
    void decide(OrganizationStatus decision, String comment, String officer, Instant now) {
        if (status != OrganizationStatus.PENDING_VERIFICATION) {
            throw new IllegalStateException("already decided");
        }
        if (decision == OrganizationStatus.PENDING_VERIFICATION || decision == null) {
            throw new FieldViolationException("decision", "INVALID", "organization.decision.INVALID");
        }
        if (decision == OrganizationStatus.REJECTED && (comment == null || comment.isBlank())) {
            throw new FieldViolationException("comment", "REQUIRED", "organization.comment.REQUIRED");
        }
        this.status = decision;
        this.decisionComment = comment == null || comment.isBlank() ? null : comment.strip();
        this.decidedBy = officer;
        this.decidedAt = now;
    }

    Long id() { return id; }
    String name() { return name; }
    String creditCode() { return creditCode; }
    OrganizationType type() { return type; }
    String divisionCode() { return divisionCode; }
    String address() { return address; }
    OrganizationStatus status() { return status; }
    String decisionComment() { return decisionComment; }
    String decidedBy() { return decidedBy; }
    Instant decidedAt() { return decidedAt; }
    Instant registeredAt() { return registeredAt; }
    long version() { return version; }
}
