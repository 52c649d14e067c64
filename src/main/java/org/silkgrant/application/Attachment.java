package org.silkgrant.application;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.silkgrant.document.StoredFile;

/** A file attached to an application under one of the call's attachment kinds. */
@Entity
@Table(name = "application_attachment")
class Attachment {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "application_id", nullable = false)
    private Long applicationId;

    @Column(nullable = false, length = 40)
    private String kind;

    @Column(name = "file_name", nullable = false, length = 200)
    private String fileName;

    @Column(name = "media_type", nullable = false, length = 120)
    private String mediaType;

    @Column(nullable = false)
    private long size;

    @Column(nullable = false, length = 64)
    private String sha256;

    @Column(nullable = false, length = 64)
    private String sm3;

    @Column(name = "uploaded_at", nullable = false)
    private Instant uploadedAt;

    @Column(name = "uploaded_by", nullable = false, length = 64)
    private String uploadedBy;

    protected Attachment() {
    }

    Attachment(Long applicationId, String kind, StoredFile file, String user, Instant now) {
        this.applicationId = applicationId;
        this.kind = kind;
        this.fileName = file.fileName();
        this.mediaType = file.mediaType();
        this.size = file.size();
        this.sha256 = file.sha256();
        this.sm3 = file.sm3();
        this.uploadedBy = user;
        this.uploadedAt = now;
    }

    AttachmentView view() {
        return new AttachmentView(id, kind, fileName, mediaType, size, sha256, sm3, uploadedAt, uploadedBy);
    }

    RuleContext.AttachmentRef reference() {
        return new RuleContext.AttachmentRef(kind, fileName, sha256);
    }

    Long id() { return id; }
    Long applicationId() { return applicationId; }
    String sha256() { return sha256; }
    String fileName() { return fileName; }
    String mediaType() { return mediaType; }
}
