package org.silkgrant.application;

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

import org.silkgrant.shared.StateConflictException;

/** An application (申报书) to a call by a project leader of an organisation; its sections are stored beside it. */
@Entity
@Table(name = "application")
class Application {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "call_code", nullable = false, length = 40)
    private String callCode;

    @Column(name = "organization_id", nullable = false)
    private Long organizationId;

    @Column(name = "leader_id", nullable = false)
    private Long leaderId;

    @Column(nullable = false, length = 200)
    private String title;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 30)
    private ApplicationStatus status;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected Application() {
    }

    Application(String callCode, Long organizationId, Long leaderId, String title, Instant now) {
        this.callCode = callCode;
        this.organizationId = organizationId;
        this.leaderId = leaderId;
        this.title = title;
        this.status = ApplicationStatus.DRAFT;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** A section is saved: the application's version moves on, which is what concurrent savers compete for. */
    void edited(String newTitle, Instant now) {
        if (!ApplicationStatus.EDITABLE.contains(status)) {
            throw new StateConflictException("application.notEditable", status);
        }
        if (newTitle != null) {
            this.title = newTitle;
        }
        this.updatedAt = now;
    }

    /** Submission freezes the application: from now on its sections change only through a new version. */
    void submitted(Instant now) {
        if (!ApplicationStatus.EDITABLE.contains(status)) {
            throw new StateConflictException("application.notEditable", status);
        }
        this.status = ApplicationStatus.SUBMITTED;
        this.updatedAt = now;
    }

    Long id() { return id; }
    String callCode() { return callCode; }
    Long organizationId() { return organizationId; }
    Long leaderId() { return leaderId; }
    String title() { return title; }
    ApplicationStatus status() { return status; }
    Instant createdAt() { return createdAt; }
    Instant updatedAt() { return updatedAt; }
    long version() { return version; }
}
