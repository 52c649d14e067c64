package org.silkgrant.notification;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A notice to an organisation's admins or to one user; its text is a message key, translated when shown. */
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

    Long id() { return id; }
    String messageKey() { return messageKey; }
    String arguments() { return arguments; }
    Instant createdAt() { return createdAt; }
}
