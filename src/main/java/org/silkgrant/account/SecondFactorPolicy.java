package org.silkgrant.account;

import org.silkgrant.shared.DemoMode;
import org.springframework.stereotype.Component;

/**
 * Whether officers and the three admins must pass a second factor: {@code silkgrant.security.require-staff-mfa}
 * when set, otherwise yes except in demo mode (the {@code postgres} profile sets it to true).
 */
@Component
public class SecondFactorPolicy {

    private final boolean required;

    SecondFactorPolicy(SecurityProperties properties, DemoMode demo) {
        this.required = properties.requireStaffMfa() != null ? properties.requireStaffMfa() : !demo.isActive();
    }

    public boolean required() {
        return required;
    }
}
