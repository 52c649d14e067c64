package org.silkgrant.account;

import java.util.Set;

/** What it takes to create an account; {@code idNumber} is optional and stored encrypted. */
public record NewAccount(String username, String password, String fullName, String email, String phone,
        Long organizationId, Set<Role> roles, String idNumber) {
}
