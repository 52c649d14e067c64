package org.silkgrant.notification;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A notice to an organisation's admins or to one user (then it is in their inbox); its text is a message key,
 * translated when shown.
 */
@Entity
@Table(name = "notice")
class Notice {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "organization_id")
    private Long organizationId;

    @Column(name = "user_id")
    private Long userId;

    @Column(name = "message_key", nullable = false, length = 100)
    private String messageKey;

    /** Arguments of the message, separated by a unit separator so any text may appear in them. */
    @Column(length = 1000)
    private String arguments;

    @Column(name = "application_id")
    private Long applicationId;

    @Column(length = 2000)
    private String comment;

    /** The event this notice came from, and the person's part in it; unique per user. */
    @Column(name = "source_key", length = 200)
    private String sourceKey;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "read_at")
    private Instant readAt;

    protected Notice() {
    }

    Notice(Long organizationId, Long userId, String messageKey, String arguments, Instant createdAt) {
        this.organizationId = organizationId;
        this.userId = userId;
        this.messageKey = messageKey;
        this.arguments = arguments;
        this.createdAt = createdAt;
    }

    /** A notice in one person's inbox. */
    static Notice personal(Long userId, String messageKey, String arguments, Long applicationId, String comment,
            String sourceKey, Instant createdAt) {
        Notice notice = new Notice(null, userId, messageKey, arguments, createdAt);
        notice.applicationId = applicationId;
        notice.comment = comment == null || comment.isBlank() ? null : truncate(comment, 2000);
        notice.sourceKey = sourceKey;
        return notice;
    }

    /** Marks the notice read, keeping the first time it was. */
    void read(Instant at) {
        if (readAt == null) {
            readAt = at;
        }
    }

    private static String truncate(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length - 1) + "…";
    }

    Long id() { return id; }
    Long userId() { return userId; }
    String messageKey() { return messageKey; }
    String arguments() { return arguments; }
    Long applicationId() { return applicationId; }
    String comment() { return comment; }
    Instant createdAt() { return createdAt; }
    Instant readAt() { return readAt; }
}
