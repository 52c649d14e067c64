package org.silkgrant.account.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.silkgrant.account.Role;

/** A person's account: credentials, roles, lockout state and second factor. */
@Entity
@Table(name = "user_account")
public class UserAccount {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true, length = 64)
    private String username;

    @Column(name = "password_hash", nullable = false, length = 200)
    private String passwordHash;

    @Column(name = "full_name", nullable = false, length = 100)
    private String fullName;

    @Column(length = 200)
    private String email;

    @Column(length = 40)
    private String phone;

    @Column(name = "organization_id")
    private Long organizationId;

    @Column(name = "id_number_encrypted", length = 200)
    private String idNumberEncrypted;

    @Column(name = "id_number_masked", length = 18)
    private String idNumberMasked;

    @Column(nullable = false)
    private boolean enabled;

    @Column(name = "failed_attempts", nullable = false)
    private int failedAttempts;

    /** Locked for every address: wrong second-factor codes after a correct password. */
    @Column(name = "locked_until")
    private Instant lockedUntil;

    /**
     * Locked by wrong passwords from several addresses (accounts without a second factor only), for every address
     * but those the user signed in from before.
     */
    @Column(name = "password_locked_until")
    private Instant passwordLockedUntil;

    /** The password was set by someone else (the bootstrap's one-time password) and must be changed first. */
    @Column(name = "must_change_password", nullable = false)
    private boolean mustChangePassword;

    @Column(name = "mfa_secret_encrypted", length = 200)
    private String mfaSecretEncrypted;

    @Column(name = "mfa_enabled", nullable = false)
    private boolean mfaEnabled;

    @Column(name = "mfa_last_step")
    private Long mfaLastStep;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "password_changed_at", nullable = false)
    private Instant passwordChangedAt;

    /** The recommending department a recommender acts for (a code of the calls' department lists). */
    @Column(name = "department_code", length = 40)
    private String departmentCode;

    /** The language mail is written in (zh-CN, en, ru); null: Chinese. */
    @Column(length = 10)
    private String language;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "user_role", joinColumns = @JoinColumn(name = "user_id"))
    @Column(name = "role", length = 30)
    @Enumerated(EnumType.STRING)
    private Set<Role> roles = new HashSet<>();

    @Version
    private long version;

    protected UserAccount() {
    }

    public UserAccount(String username, String passwordHash, String fullName, String email, String phone,
            Long organizationId, Set<Role> roles, Instant now) {
        this.username = username;
        this.passwordHash = passwordHash;
        this.fullName = fullName;
        this.email = email;
        this.phone = phone;
        this.organizationId = organizationId;
        this.roles = new HashSet<>(roles);
        this.enabled = true;
        this.createdAt = now;
        this.passwordChangedAt = now;
    }

    /** Locked for every address (second-factor failures). */
    public boolean isLocked(Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }

    /** Locked by wrong passwords from several addresses; addresses the user signed in from before are let through. */
    public boolean isPasswordLocked(Instant now) {
        return passwordLockedUntil != null && now.isBefore(passwordLockedUntil);
    }

    /** Locks the account against unknown addresses until the given time; false when it was locked already. */
    public boolean lockAgainstPasswordGuessing(Instant until, Instant now) {
        if (isPasswordLocked(now)) {
            return false;
        }
        passwordLockedUntil = until;
        return true;
    }

    /** Counts a failed second factor; returns true when this failure locks the account. */
    public boolean failedSignIn(Instant now, int maxFailures, Duration lockDuration) {
        if (isLocked(now)) {
            return false;
        }
        if (lockedUntil != null) {
            // An expired lock starts a fresh count.
            lockedUntil = null;
            failedAttempts = 0;
        }
        failedAttempts++;
        if (failedAttempts >= maxFailures) {
            lockedUntil = now.plus(lockDuration);
            return true;
        }
        return false;
    }

    /**
     * The second factor passed: its count of wrong codes starts again. (A correct password alone does not reset it,
     * or whoever has the password could try four codes, sign in again and try four more, without end.)
     */
    public void secondFactorPassed() {
        failedAttempts = 0;
    }

    public void unlock() {
        failedAttempts = 0;
        lockedUntil = null;
        passwordLockedUntil = null;
    }

    public void changePassword(String newHash, Instant now) {
        this.passwordHash = newHash;
        this.passwordChangedAt = now;
        this.mustChangePassword = false;
    }

    /** The password was given by someone else and is to be replaced at the next sign-in. */
    public void requirePasswordChange() {
        this.mustChangePassword = true;
    }

    public void deactivate() {
        this.enabled = false;
    }

    public void assignRoles(Set<Role> newRoles) {
        this.roles = newRoles.isEmpty() ? new HashSet<>() : EnumSet.copyOf(newRoles);
    }

    public void idNumber(String encrypted, String masked) {
        this.idNumberEncrypted = encrypted;
        this.idNumberMasked = masked;
    }

    public void pendingSecondFactor(String encryptedSecret) {
        this.mfaSecretEncrypted = encryptedSecret;
        this.mfaEnabled = false;
    }

    public void enableSecondFactor() {
        this.mfaEnabled = true;
    }

    /** Accepts a TOTP time step only if it is later than the last one used: a code works once. */
    public boolean useSecondFactorStep(long step) {
        if (mfaLastStep != null && step <= mfaLastStep) {
            return false;
        }
        mfaLastStep = step;
        return true;
    }

    public void department(String code) {
        this.departmentCode = code;
    }

    public void language(String tag) {
        this.language = tag;
    }

    public String departmentCode() { return departmentCode; }
    public String language() { return language; }
    public Long id() { return id; }
    public String username() { return username; }
    public String passwordHash() { return passwordHash; }
    public String fullName() { return fullName; }
    public String email() { return email; }
    public String phone() { return phone; }
    public Long organizationId() { return organizationId; }
    public String idNumberMasked() { return idNumberMasked; }
    public String idNumberEncrypted() { return idNumberEncrypted; }
    public boolean enabled() { return enabled; }
    public int failedAttempts() { return failedAttempts; }
    public Instant lockedUntil() { return lockedUntil; }
    public Instant passwordLockedUntil() { return passwordLockedUntil; }
    public boolean mustChangePassword() { return mustChangePassword; }
    public String mfaSecretEncrypted() { return mfaSecretEncrypted; }
    public boolean mfaEnabled() { return mfaEnabled; }
    public Set<Role> roles() { return Set.copyOf(roles); }
    public Instant createdAt() { return createdAt; }
    public Instant passwordChangedAt() { return passwordChangedAt; }
    public long version() { return version; }
}
