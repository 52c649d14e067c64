package org.silkgrant.application;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One submitted version of an application: its frozen snapshot and signed receipt, never changed once written. A
 * returned application submitted again gets a new version beside the old one.
 */
@Entity
@Table(name = "application_version")
class Submission {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "application_id", nullable = false)
    private Long applicationId;

    @Column(name = "version_number", nullable = false)
    private int versionNumber;

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

    Submission(Long applicationId, int versionNumber, String receiptNumber, Instant submittedAt, String submittedBy,
            String snapshot, String digest, String signature) {
        this.applicationId = applicationId;
        this.versionNumber = versionNumber;
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

    int versionNumber() {
        return versionNumber;
    }

    Long applicationId() {
        return applicationId;
    }

    Instant submittedAt() {
        return submittedAt;
    }

    String submittedBy() {
        return submittedBy;
    }
}
