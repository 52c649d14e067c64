package org.silkgrant.account.internal;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.silkgrant.account.Role;

/**
 * An account waiting for its user name: registration asked for a name that was taken, so it answered as always
 * and mailed a single-use link to the address given; whoever holds the link chooses another name, a few tries at
 * most, before it expires. Only the token's SHA-256 and the password's hash are kept.
 */
@Entity
@Table(name = "pending_account")
public class PendingAccount {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "token_hash", nullable = false, length = 64, unique = true)
    private String tokenHash;

    @Column(name = "password_hash", nullable = false, length = 200)
    private String passwordHash;

    @Column(name = "full_name", nullable = false, length = 100)
    private String fullName;

    @Column(nullable = false, length = 200)
    private String email;

    @Column(length = 40)
    private String phone;

    @Column(name = "organization_id")
    private Long organizationId;

    @Column(nullable = false, length = 30)
    @Enumerated(EnumType.STRING)
    private Role role;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "used_at")
    private Instant usedAt;

    @Column(name = "user_id")
    private Long userId;

    protected PendingAccount() {
    }

    public PendingAccount(String tokenHash, String passwordHash, String fullName, String email, String phone,
            Long organizationId, Role role, Instant now, Instant expiresAt) {
        this.tokenHash = tokenHash;
        this.passwordHash = passwordHash;
        this.fullName = fullName;
        this.email = email;
        this.phone = phone;
        this.organizationId = organizationId;
        this.role = role;
        this.createdAt = now;
        this.expiresAt = expiresAt;
    }

    /** Whether the link still works: not used, not expired, tries left. */
    public boolean open(Instant now, int maxAttempts) {
        return usedAt == null && now.isBefore(expiresAt) && attempts < maxAttempts;
    }

    public void attempt() {
        attempts++;
    }

    public void used(Long createdUserId, Instant now) {
        this.userId = createdUserId;
        this.usedAt = now;
    }

    public Long id() { return id; }
    public String passwordHash() { return passwordHash; }
    public String fullName() { return fullName; }
    public String email() { return email; }
    public String phone() { return phone; }
    public Long organizationId() { return organizationId; }
    public Role role() { return role; }
    public Instant expiresAt() { return expiresAt; }
    public int attempts() { return attempts; }
}
