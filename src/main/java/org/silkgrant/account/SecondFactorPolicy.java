package org.silkgrant.account;

import java.util.Collections;
import java.util.Set;

import org.silkgrant.shared.DemoMode;
import org.springframework.stereotype.Component;

/**
 * Whether officers and the three admins must pass a second factor: always outside demo mode; in demo mode only when
 * {@code silkgrant.security.require-staff-mfa} is true. Turning it off outside demo mode stops the start: staff who
 * sign in with a password alone could be locked out or taken over from outside.
 */
@Component
public class SecondFactorPolicy {

    private final boolean required;

    SecondFactorPolicy(SecurityProperties properties, DemoMode demo) {
        if (Boolean.FALSE.equals(properties.requireStaffMfa()) && !demo.isActive()) {
            throw new IllegalStateException("silkgrant.security.require-staff-mfa=false is only allowed in demo mode: "
                    + "outside it the program officers and the three admins always sign in with a second factor "
                    + "(docs/security.md)");
        }
        this.required = properties.requireStaffMfa() != null ? properties.requireStaffMfa() : !demo.isActive();
    }

    public boolean required() {
        return required;
    }

    /** Whether an account with these roles signs in with a second factor. */
    public boolean requiredFor(Set<Role> roles) {
        return required && !Collections.disjoint(roles, Role.SECOND_FACTOR_ROLES);
    }
}
