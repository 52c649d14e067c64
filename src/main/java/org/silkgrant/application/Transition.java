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

/** One step of an application's history: who did what, in which role, from which state to which; never changed. */
@Entity
@Table(name = "application_transition")
class Transition {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "application_id", nullable = false)
    private Long applicationId;

    @Column(nullable = false)
    private Instant at;

    @Column(nullable = false, length = 64)
    private String actor;

    @Column(name = "actor_name", length = 100)
    private String actorName;

    @Column(nullable = false, length = 30)
    private String role;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 30)
    private Action action;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_status", nullable = false, length = 30)
    private ApplicationStatus fromStatus;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_status", nullable = false, length = 30)
    private ApplicationStatus toStatus;

    @Column(length = 2000)
    private String comment;

    /** JSON: comments per section on a return, the formal review checklist, an extension's date. */
    @Column(length = 8000)
    private String details;

    @Column(name = "version_number")
    private Integer versionNumber;

    protected Transition() {
    }

    Transition(Long applicationId, Instant at, String actor, String actorName, String role, Action action,
            ApplicationStatus fromStatus, ApplicationStatus toStatus, String comment, String details,
            Integer versionNumber) {
        this.applicationId = applicationId;
        this.at = at;
        this.actor = actor;
        this.actorName = actorName;
        this.role = role;
        this.action = action;
        this.fromStatus = fromStatus;
        this.toStatus = toStatus;
        this.comment = comment;
        this.details = details;
        this.versionNumber = versionNumber;
    }

    Long id() { return id; }
    Long applicationId() { return applicationId; }
    Instant at() { return at; }
    String actor() { return actor; }
    String actorName() { return actorName; }
    String role() { return role; }
    Action action() { return action; }
    ApplicationStatus fromStatus() { return fromStatus; }
    ApplicationStatus toStatus() { return toStatus; }
    String comment() { return comment; }
    String details() { return details; }
    Integer versionNumber() { return versionNumber; }
}
