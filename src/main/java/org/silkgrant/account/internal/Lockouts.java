package org.silkgrant.account.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.silkgrant.account.SecurityProperties;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who may try to sign in from where (docs/security.md, "Sign-in failures"). Wrong passwords are counted per account
 * <em>and</em> client address: five in a row lock the account for that address only, so an outsider who guesses
 * locks out themselves, never the owner. An account without a second factor is locked for unknown addresses too
 * once several addresses are locked out of it at the same time (guessing spread over addresses), but the addresses
 * its owner signed in from before stay open. Accounts with a second factor are never locked by passwords: a
 * guessed password alone does not open them, and wrong second-factor codes, which only someone with the password
 * can try, lock them everywhere ({@link UserAccount#failedSignIn}).
 */
@Component
public class Lockouts {

    /** The address counted when the client's is unknown. */
    static final String UNKNOWN_ADDRESS = "unknown";

    /** What a failed password did. */
    public record Failure(boolean addressLocked, boolean accountLocked, long lockedAddresses) {

        static final Failure NOTHING = new Failure(false, false, 0);
    }

    private final LoginFailureRepository failures;
    private final LoginEventRepository logins;
    private final UserAccountRepository users;
    private final SecurityProperties.Login settings;
    private final Clock clock;

    Lockouts(LoginFailureRepository failures, LoginEventRepository logins, UserAccountRepository users,
            SecurityProperties properties, Clock clock) {
        this.failures = failures;
        this.logins = logins;
        this.users = users;
        this.settings = properties.login();
        this.clock = clock;
    }

    /** Whether sign-in to this account from this address is refused right now, whatever the password. */
    @Transactional(readOnly = true)
    public boolean blocked(Long userId, String address) {
        Instant now = clock.instant();
        String from = address(address);
        if (failures.findByUserIdAndClientAddress(userId, from).filter(f -> f.isLocked(now)).isPresent()) {
            return true;
        }
        Optional<UserAccount> user = users.findById(userId);
        return user.isPresent() && user.get().isPasswordLocked(now) && !knownAddress(userId, from, now);
    }

    /**
     * Counts a wrong password of this account from this address; locks the pair, and for accounts without a second
     * factor also the account for unknown addresses, when the limits are reached.
     */
    @Transactional
    public Failure failed(UserAccount user, String address, boolean secondFactorAccount) {
        Instant now = clock.instant();
        String from = address(address);
        failures.deleteStale(user.id(), now.minus(settings.lockDuration()), now);
        failures.insertIfAbsent(user.id(), from, now);
        LoginFailure pair = failures.lockPair(user.id(), from).orElseThrow();
        if (!pair.failed(now, settings.maxFailures(), settings.lockDuration())) {
            return Failure.NOTHING;
        }
        long locked = failures.countLockedAddresses(user.id(), now);
        boolean accountLocked = !secondFactorAccount && locked >= settings.accountLockAddresses()
                && user.lockAgainstPasswordGuessing(now.plus(settings.lockDuration()), now);
        return new Failure(true, accountLocked, locked);
    }

    /**
     * A correct password from this address: false when the address is locked out of the account all the same;
     * otherwise the address's count of failures ends.
     */
    @Transactional
    public boolean admit(Long userId, String address) {
        Instant now = clock.instant();
        String from = address(address);
        Optional<LoginFailure> pair = failures.findByUserIdAndClientAddress(userId, from);
        if (pair.filter(f -> f.isLocked(now)).isPresent()) {
            return false;
        }
        Optional<UserAccount> user = users.findById(userId);
        if (user.isPresent() && user.get().isPasswordLocked(now) && !knownAddress(userId, from, now)) {
            return false;
        }
        pair.ifPresent(failures::delete);
        return true;
    }

    /** The security admin's unlock: every address and both account locks. */
    @Transactional
    public void clear(Long userId) {
        failures.deleteByUserId(userId);
    }

    /** Whether the account's owner signed in from this address within the remembered period. */
    private boolean knownAddress(Long userId, String address, Instant now) {
        return logins.existsByUserIdAndClientAddressAndOutcomeAndAtAfter(userId, address, LoginEvent.Outcome.SUCCESS,
                now.minus(settings.knownAddressFor()));
    }

    static String address(String address) {
        if (address == null || address.isBlank()) {
            return UNKNOWN_ADDRESS;
        }
        return address.length() > 64 ? address.substring(0, 64) : address;
    }
}
