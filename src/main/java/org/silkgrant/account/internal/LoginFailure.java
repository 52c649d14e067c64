package org.silkgrant.account.internal;

import java.time.Duration;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * Consecutive failed sign-ins of one account from one client address. Enough of them lock the account for that
 * address only: whoever guesses from their own address locks out themselves, not the account's owner.
 */
@Entity
@Table(name = "login_failure")
class LoginFailure {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "user_id", nullable = false)
    private Long userId;

    @Column(name = "client_address", nullable = false, length = 64)
    private String clientAddress;

    @Column(nullable = false)
    private int failures;

    @Column(name = "last_failure_at", nullable = false)
    private Instant lastFailureAt;

    @Column(name = "locked_until")
    private Instant lockedUntil;

    protected LoginFailure() {
    }

    LoginFailure(Long userId, String clientAddress, Instant now) {
        this.userId = userId;
        this.clientAddress = clientAddress;
        this.lastFailureAt = now;
    }

    boolean isLocked(Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }

    /**
     * Counts one more failure; returns true when it locks the pair. A count whose last failure is older than the
     * lock duration, or whose lock has ended, starts again.
     */
    boolean failed(Instant now, int maxFailures, Duration lockDuration) {
        if (isLocked(now)) {
            return false;
        }
        if (lockedUntil != null || lastFailureAt.isBefore(now.minus(lockDuration))) {
            lockedUntil = null;
            failures = 0;
        }
        failures++;
        lastFailureAt = now;
        if (failures >= maxFailures) {
            lockedUntil = now.plus(lockDuration);
            return true;
        }
        return false;
    }

    Long userId() { return userId; }
    String clientAddress() { return clientAddress; }
    int failures() { return failures; }
    Instant lockedUntil() { return lockedUntil; }
}
