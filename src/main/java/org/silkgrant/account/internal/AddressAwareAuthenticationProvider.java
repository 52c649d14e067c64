package org.silkgrant.account.internal;

import java.util.UUID;

import org.silkgrant.account.SilkGrantUser;
import org.springframework.security.authentication.AccountStatusException;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Password sign-in (login form and HTTP Basic alike) with the lock of {@link Lockouts}, which depends on the
 * client's address as well as the account. A refused attempt costs one password hash like any other, and answers
 * like a wrong password, so neither the time nor the answer tells a locked account from a wrong password or an
 * unknown name.
 */
class AddressAwareAuthenticationProvider implements AuthenticationProvider {

    private final DaoAuthenticationProvider passwords;
    private final Lockouts lockouts;
    private final UserAccountRepository users;
    private final PasswordEncoder encoder;
    /** A hash of nothing anyone knows, checked against when an attempt is refused before its password is. */
    private final String decoyHash;

    AddressAwareAuthenticationProvider(UserDetailsService details, PasswordEncoder encoder, Lockouts lockouts,
            UserAccountRepository users) {
        this.passwords = new DaoAuthenticationProvider(details);
        this.passwords.setPasswordEncoder(encoder);
        this.lockouts = lockouts;
        this.users = users;
        this.encoder = encoder;
        this.decoyHash = encoder.encode(UUID.randomUUID().toString());
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String address = address(authentication);
        Authentication result;
        try {
            result = passwords.authenticate(authentication);
        } catch (BadCredentialsException e) {
            // Already locked out from here: the failure is not counted again, and the history says so.
            String username = authentication.getName() == null ? "" : authentication.getName().strip();
            if (!username.isEmpty() && users.findByUsernameIgnoreCase(username)
                    .filter(u -> lockouts.blocked(u.id(), address)).isPresent()) {
                throw new LockedException("locked for this address");
            }
            throw e;
        } catch (AccountStatusException e) {
            // Locked everywhere or disabled: refused before the password was checked, so check one now.
            decoy(authentication);
            throw e;
        }
        if (result.getPrincipal() instanceof SilkGrantUser user) {
            if (!lockouts.admit(user.id(), address)) {
                throw new LockedException("locked for this address");
            }
        }
        return result;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private void decoy(Authentication authentication) {
        Object credentials = authentication.getCredentials();
        encoder.matches(credentials == null ? "" : credentials.toString(), decoyHash);
    }

    static String address(Authentication authentication) {
        return authentication.getDetails() instanceof WebAuthenticationDetails details ? details.getRemoteAddress() : null;
    }
}
