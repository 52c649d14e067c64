package org.silkgrant.account.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.silkgrant.account.AccountEvent;
import org.silkgrant.account.SecondFactorPolicy;
import org.silkgrant.account.SecurityProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureLockedEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Follows Spring Security's authentication events: counts failures per account and address ({@link Lockouts}),
 * keeps the user's sign-in history and tells the audit record. Interactive sign-ins (the login form) count as
 * sign-ins; the API's HTTP Basic re-authenticates every request, so only its failures are recorded.
 */
@Component
public class SignInTracker {

    private final UserAccountRepository users;
    private final LoginEventRepository logins;
    private final LoginThrottle throttle;
    private final Lockouts lockouts;
    private final SecondFactorPolicy secondFactor;
    private final SecurityProperties.Login settings;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SignInTracker(UserAccountRepository users, LoginEventRepository logins, LoginThrottle throttle, Lockouts lockouts,
            SecondFactorPolicy secondFactor, SecurityProperties properties, ApplicationEventPublisher events,
            Clock clock) {
        this.users = users;
        this.logins = logins;
        this.throttle = throttle;
        this.lockouts = lockouts;
        this.secondFactor = secondFactor;
        this.settings = properties.login();
        this.events = events;
        this.clock = clock;
    }

    @EventListener
    @Transactional
    public void succeeded(InteractiveAuthenticationSuccessEvent event) {
        Authentication authentication = event.getAuthentication();
        String address = address(authentication);
        Optional<UserAccount> user = users.findByUsernameIgnoreCase(authentication.getName());
        Long id = user.map(UserAccount::id).orElse(null);
        logins.save(new LoginEvent(id, authentication.getName(), clock.instant(), address, LoginEvent.Outcome.SUCCESS));
        events.publishEvent(new AccountEvent(authentication.getName(), "LOGIN", id, authentication.getName(), address,
                AccountEvent.SUCCESS, null));
    }

    @EventListener
    @Transactional
    public void failed(AbstractAuthenticationFailureEvent event) {
        Authentication authentication = event.getAuthentication();
        String username = authentication.getName() == null ? "" : authentication.getName().strip();
        String address = address(authentication);
        Instant now = clock.instant();
        throttle.failed(address);
        Optional<UserAccount> user = username.isEmpty() ? Optional.empty() : users.findByUsernameIgnoreCase(username);
        boolean alreadyLocked = event instanceof AuthenticationFailureLockedEvent;
        Lockouts.Failure counted = Lockouts.Failure.NOTHING;
        if (user.isPresent() && !alreadyLocked) {
            counted = lockouts.failed(user.get(), address, secondFactor.requiredFor(user.get().roles()));
        }
        Long id = user.map(UserAccount::id).orElse(null);
        String shortName = username.length() > 64 ? username.substring(0, 64) : username;
        logins.save(new LoginEvent(id, shortName, now, address,
                alreadyLocked ? LoginEvent.Outcome.LOCKED : LoginEvent.Outcome.FAILURE));
        events.publishEvent(new AccountEvent("anonymous", alreadyLocked ? "LOGIN_WHILE_LOCKED" : "LOGIN_FAILED", id,
                shortName, address, AccountEvent.FAILURE, user.isPresent() ? null : "unknown user"));
        if (counted.addressLocked()) {
            events.publishEvent(new AccountEvent("system", "ADDRESS_LOCKED_OUT", id, shortName, address,
                    AccountEvent.SUCCESS, "after " + settings.maxFailures() + " failures from this address, for "
                            + settings.lockDuration() + "; addresses locked out now: " + counted.lockedAddresses()));
        }
        if (counted.accountLocked()) {
            events.publishEvent(new AccountEvent("system", "ACCOUNT_LOCKED", id, shortName, address, AccountEvent.SUCCESS,
                    "wrong passwords from " + counted.lockedAddresses() + " addresses, for " + settings.lockDuration()
                            + "; addresses the user signed in from stay open"));
        }
    }

    /** Records a wrong second-factor code as a failed sign-in of the user. */
    @Transactional
    public void secondFactorFailed(String username, String address) {
        throttle.failed(address);
        Optional<UserAccount> user = users.findByUsernameIgnoreCase(username);
        Long id = user.map(UserAccount::id).orElse(null);
        boolean lockedNow = user.map(u -> u.failedSignIn(clock.instant(), settings.maxFailures(), settings.lockDuration()))
                .orElse(false);
        logins.save(new LoginEvent(id, username, clock.instant(), address, LoginEvent.Outcome.SECOND_FACTOR_FAILURE));
        events.publishEvent(new AccountEvent(username, "SECOND_FACTOR_FAILED", id, username, address,
                AccountEvent.FAILURE, null));
        if (lockedNow) {
            events.publishEvent(new AccountEvent("system", "ACCOUNT_LOCKED", id, username, address, AccountEvent.SUCCESS,
                    "after " + settings.maxFailures() + " wrong second-factor codes, for " + settings.lockDuration()));
        }
    }

    private static String address(Authentication authentication) {
        return authentication.getDetails() instanceof WebAuthenticationDetails details ? details.getRemoteAddress() : null;
    }
}
