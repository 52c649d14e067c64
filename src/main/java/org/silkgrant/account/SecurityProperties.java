package org.silkgrant.account;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Security settings (docs/security.md).
 *
 * @param requireStaffMfa officers and the three admins sign in with a TOTP second factor; when not set, required
 *                        everywhere but in demo mode
 * @param dataKey         base64 of the 16-byte SM4 key for personal data; when empty a key file under
 *                        {@code silkgrant.data-dir/keys} is used (created on first start)
 * @param login           lockout and throttling of sign-in
 */
@ConfigurationProperties("silkgrant.security")
public record SecurityProperties(Boolean requireStaffMfa, String dataKey, Login login) {

    /**
     * @param maxFailures        consecutive failures that lock an account
     * @param lockDuration       how long a locked account stays locked
     * @param addressMaxFailures failures from one client address within {@code addressWindow} that throttle it
     * @param addressWindow      the window of the per-address throttle
     */
    public record Login(int maxFailures, Duration lockDuration, int addressMaxFailures, Duration addressWindow) {

        public Login {
            maxFailures = maxFailures <= 0 ? 5 : maxFailures;
            lockDuration = lockDuration == null ? Duration.ofMinutes(30) : lockDuration;
            addressMaxFailures = addressMaxFailures <= 0 ? 20 : addressMaxFailures;
            addressWindow = addressWindow == null ? Duration.ofMinutes(10) : addressWindow;
        }
    }

    public SecurityProperties {
        login = login == null ? new Login(0, null, 0, null) : login;
    }
}
