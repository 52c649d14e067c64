package org.silkgrant.account;

import java.time.Instant;
import java.util.Set;

/** An account as others may see it; the ID number only masked. */
public record AccountView(Long id, String username, String fullName, String email, String phone, Long organizationId,
        Set<Role> roles, boolean enabled, boolean locked, String idNumberMasked, Instant createdAt) {
}
