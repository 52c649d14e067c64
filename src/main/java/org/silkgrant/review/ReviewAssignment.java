package org.silkgrant.review;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** One expert assigned to one application in a review round (V19; statuses in docs/review.md). */
@Entity
@Table(name = "review_assignment")
class ReviewAssignment {

    /** Where the pair is in its life. */
    enum Status {
        ASSIGNED, CONFIRMED, DECLINED, REMOVED, SUBMITTED;

        /** The pair still counts: it fills a slot and uses the expert's capacity. */
        static final Set<Status> LIVE = EnumSet.of(ASSIGNED, CONFIRMED, SUBMITTED);
        /** The expert may read the application. */
        static final Set<Status> READING = EnumSet.of(CONFIRMED, SUBMITTED);
    }

    /** Who made the pair. */
    enum Origin {
        SOLVER, MANUAL
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "round_id", nullable = false)
    private Long roundId;

    @Column(name = "application_id", nullable = false)
    private Long applicationId;

    @Column(name = "expert_id", nullable = false)
    private Long expertId;

    @Column(nullable = false)
    private int affinity;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private Origin origin;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Status status;

    @Column(length = 500)
    private String reason;

    @Column(name = "confirmed_at")
    private Instant confirmedAt;

    @Column(name = "declined_at")
    private Instant declinedAt;

    @Column(name = "submitted_at")
    private Instant submittedAt;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false, length = 64)
    private String createdBy;

    @Version
    private long version;

    protected ReviewAssignment() {
    }

    ReviewAssignment(Long roundId, Long applicationId, Long expertId, int affinity, Origin origin, String reason,
            Instant createdAt, String createdBy) {
        this.roundId = roundId;
        this.applicationId = applicationId;
        this.expertId = expertId;
        this.affinity = affinity;
        this.origin = origin;
        this.status = Status.ASSIGNED;
        this.reason = reason;
        this.createdAt = createdAt;
        this.createdBy = createdBy;
    }

    void confirm(Instant at) {
        status = Status.CONFIRMED;
        confirmedAt = at;
    }

    void decline(String why, Instant at) {
        status = Status.DECLINED;
        reason = why;
        declinedAt = at;
    }

    void remove(String why) {
        status = Status.REMOVED;
        reason = why;
    }

    boolean live() {
        return Status.LIVE.contains(status);
    }

    Long id() {
        return id;
    }

    Long roundId() {
        return roundId;
    }

    Long applicationId() {
        return applicationId;
    }

    Long expertId() {
        return expertId;
    }

    int affinity() {
        return affinity;
    }

    Origin origin() {
        return origin;
    }

    Status status() {
        return status;
    }

    String reason() {
        return reason;
    }

    Instant confirmedAt() {
        return confirmedAt;
    }

    Instant declinedAt() {
        return declinedAt;
    }

    Instant submittedAt() {
        return submittedAt;
    }

    Instant createdAt() {
        return createdAt;
    }

    String createdBy() {
        return createdBy;
    }
}
