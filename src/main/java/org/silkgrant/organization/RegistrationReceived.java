package org.silkgrant.organization;

import java.time.Instant;

/**
 * A registration was accepted; its first admin is told by mail at the address given, in the language of the
 * registration. When the chosen user name was free, {@code username} is the new account's and the token is null;
 * when it was taken, {@code username} is null and the mail carries the single-use {@code confirmationToken} to
 * choose another before {@code confirmBy}. The answer to the registration itself is the same in both cases.
 * Not audited (it carries the token); the registration's {@link OrganizationEvent} is.
 */
public record RegistrationReceived(Long organizationId, String organizationName, String email, String fullName,
        String language, String username, String confirmationToken, Instant confirmBy) {

    /** Whether the admin has to choose another user name through the link. */
    public boolean nameTaken() {
        return confirmationToken != null;
    }
}
