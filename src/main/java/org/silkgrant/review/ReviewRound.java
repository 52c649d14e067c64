package org.silkgrant.review;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A review round of a call: k and m as the call had them when it opened, and the review deadline. */
@Entity
@Table(name = "review_round")
class ReviewRound {

    /** OPEN while experts review; CLOSED when the officer closes it (not built yet: one round per call stays open). */
    enum Status {
        OPEN, CLOSED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "call_code", nullable = false, length = 40)
    private String callCode;

    @Column(nullable = false)
    private int number;

    @Column(name = "experts_per_application", nullable = false)
    private int expertsPerApplication;

    @Column(name = "max_per_expert", nullable = false)
    private int maxPerExpert;

    @Column(nullable = false)
    private Instant deadline;

    @Column(nullable = false, length = 20)
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    private Status status;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false, length = 64)
    private String createdBy;

    protected ReviewRound() {
    }

    ReviewRound(String callCode, int number, int expertsPerApplication, int maxPerExpert, Instant deadline,
            Instant createdAt, String createdBy) {
        this.callCode = callCode;
        this.number = number;
        this.expertsPerApplication = expertsPerApplication;
        this.maxPerExpert = maxPerExpert;
        this.deadline = deadline;
        this.status = Status.OPEN;
        this.createdAt = createdAt;
        this.createdBy = createdBy;
    }

    Long id() {
        return id;
    }

    String callCode() {
        return callCode;
    }

    int number() {
        return number;
    }

    int expertsPerApplication() {
        return expertsPerApplication;
    }

    int maxPerExpert() {
        return maxPerExpert;
    }

    Instant deadline() {
        return deadline;
    }

    Status status() {
        return status;
    }

    Instant createdAt() {
        return createdAt;
    }

    String createdBy() {
        return createdBy;
    }
}
