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
 * @param registration    what keeps self-registration from telling anyone which user names exist
 */
@ConfigurationProperties("silkgrant.security")
public record SecurityProperties(Boolean requireStaffMfa, String dataKey, Login login, Registration registration) {

    /**
     * @param addressMaxPerHour     registrations accepted from one client address per hour (per node)
     * @param confirmationValidity  how long the mailed link to choose another user name works
     * @param nameAttempts          user names that may be tried with one link
     * @param unverifiedTakenNames  taken user names an unverified organisation's admin is told of per day, creating
     *                              accounts, before further tries are refused for the day
     */
    public record Registration(int addressMaxPerHour, Duration confirmationValidity, int nameAttempts,
            int unverifiedTakenNames) {

        public Registration {
            addressMaxPerHour = addressMaxPerHour <= 0 ? 20 : addressMaxPerHour;
            confirmationValidity = confirmationValidity == null ? Duration.ofHours(72) : confirmationValidity;
            nameAttempts = nameAttempts <= 0 ? 3 : nameAttempts;
            unverifiedTakenNames = unverifiedTakenNames <= 0 ? 5 : unverifiedTakenNames;
        }
    }

    /**
     * @param maxFailures          consecutive failures of one account from one address that lock the account for
     *                             that address (and consecutive wrong second-factor codes that lock it everywhere)
     * @param lockDuration         how long a lock lasts
     * @param addressMaxFailures   failures from one client address within {@code addressWindow} that throttle it
     * @param addressWindow        the window of the per-address throttle
     * @param accountLockAddresses addresses locked out of an account at the same time that lock it for every
     *                             address its owner has not signed in from (accounts without a second factor)
     * @param knownAddressFor      how long an address the owner signed in from stays open to them during such a lock
     */
    public record Login(int maxFailures, Duration lockDuration, int addressMaxFailures, Duration addressWindow,
            int accountLockAddresses, Duration knownAddressFor) {

        public Login {
            maxFailures = maxFailures <= 0 ? 5 : maxFailures;
            lockDuration = lockDuration == null ? Duration.ofMinutes(30) : lockDuration;
            addressMaxFailures = addressMaxFailures <= 0 ? 20 : addressMaxFailures;
            addressWindow = addressWindow == null ? Duration.ofMinutes(10) : addressWindow;
            accountLockAddresses = accountLockAddresses <= 0 ? 3 : accountLockAddresses;
            knownAddressFor = knownAddressFor == null ? Duration.ofDays(90) : knownAddressFor;
        }
    }

    public SecurityProperties {
        login = login == null ? new Login(0, null, 0, null, 0, null) : login;
        registration = registration == null ? new Registration(0, null, 0, 0) : registration;
    }
}
