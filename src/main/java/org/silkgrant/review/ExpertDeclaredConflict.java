package org.silkgrant.review;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** One conflict of interest an expert declared, part of the expert's profile. */
@Entity
@Table(name = "expert_declared_conflict")
class ExpertDeclaredConflict {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "expert_id", nullable = false)
    private Expert expert;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private DeclaredConflict.Kind kind;

    @Column(name = "organization_name", length = 200)
    private String organizationName;

    @Column(name = "organization_code", length = 18)
    private String organizationCode;

    @Column(name = "person_name", length = 100)
    private String personName;

    @Column(nullable = false, length = 1000)
    private String reason;

    @Column(name = "declared_at", nullable = false)
    private Instant declaredAt;

    protected ExpertDeclaredConflict() {
    }

    ExpertDeclaredConflict(Expert expert, DeclaredConflict.Kind kind, String organizationName, String organizationCode,
            String personName, String reason, Instant declaredAt) {
        this.expert = expert;
        this.kind = kind;
        this.organizationName = organizationName;
        this.organizationCode = organizationCode;
        this.personName = personName;
        this.reason = reason;
        this.declaredAt = declaredAt;
    }

    DeclaredConflict view() {
        return new DeclaredConflict(id, kind, organizationName, organizationCode, personName, reason, declaredAt);
    }

    Long id() { return id; }
}
