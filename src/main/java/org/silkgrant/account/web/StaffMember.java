package org.silkgrant.account.web;

import java.util.List;

import org.silkgrant.account.AccountView;
import org.silkgrant.account.Role;

/**
 * A staff account as the admin pages and the staff API show it: no password hash, no second-factor secret, no ID
 * number. Roles come in a fixed order so pages and responses do not shuffle them.
 */
record StaffMember(Long id, String username, String fullName, String email, String phone, List<Role> roles,
        boolean enabled, boolean locked) {

    static StaffMember of(AccountView account) {
        return new StaffMember(account.id(), account.username(), account.fullName(), account.email(), account.phone(),
                account.roles().stream().sorted().toList(), account.enabled(), account.locked());
    }
}
