package org.silkgrant.account.internal;

import java.time.Clock;

import org.silkgrant.account.SecondFactorPolicy;
import org.silkgrant.account.SilkGrantUser;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Loads accounts for sign-in, with their lock state at this moment and whether they need a second factor. */
@Service
class JpaUserDetailsService implements UserDetailsService {

    private final UserAccountRepository users;
    private final SecondFactorPolicy secondFactor;
    private final Clock clock;

    JpaUserDetailsService(UserAccountRepository users, SecondFactorPolicy secondFactor, Clock clock) {
        this.users = users;
        this.secondFactor = secondFactor;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        UserAccount user = users.findByUsernameIgnoreCase(username == null ? "" : username.strip())
                .orElseThrow(() -> new UsernameNotFoundException("unknown user"));
        boolean needsSecondFactor = secondFactor.requiredFor(user.roles());
        return new SilkGrantUser(user.id(), user.username(), user.passwordHash(), user.fullName(),
                user.organizationId(), user.roles(), user.enabled(), user.isLocked(clock.instant()), needsSecondFactor,
                user.departmentCode(), user.mustChangePassword());
    }
}
