package org.silkgrant.application;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The frozen snapshot of a submitted application and its signed receipt; never changed once written. */
@Entity
@Table(name = "application_submission")
class Submission {

    @Id
    @Column(name = "application_id")
    private Long applicationId;

    @Column(name = "receipt_number", nullable = false, unique = true, length = 60)
    private String receiptNumber;

    @Column(name = "submitted_at", nullable = false)
    private Instant submittedAt;

    @Column(name = "submitted_by", nullable = false, length = 64)
    private String submittedBy;

    @Column(nullable = false)
    private String snapshot;

    @Column(nullable = false, length = 64)
    private String digest;

    @Column(nullable = false, length = 200)
    private String signature;

    protected Submission() {
    }

    Submission(Long applicationId, String receiptNumber, Instant submittedAt, String submittedBy, String snapshot,
            String digest, String signature) {
        this.applicationId = applicationId;
        this.receiptNumber = receiptNumber;
        this.submittedAt = submittedAt;
        this.submittedBy = submittedBy;
        this.snapshot = snapshot;
        this.digest = digest;
        this.signature = signature;
    }

    Receipt receipt() {
        return new Receipt(receiptNumber, submittedAt, digest, signature);
    }

    String snapshot() {
        return snapshot;
    }
}
