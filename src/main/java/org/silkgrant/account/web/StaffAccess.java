package org.silkgrant.account.web;

import java.util.Objects;

import org.silkgrant.account.AccountManagement;
import org.silkgrant.account.AccountView;
import org.silkgrant.account.SilkGrantUser;
import org.silkgrant.shared.FieldViolationException;
import org.silkgrant.shared.NotFoundException;
import org.springframework.stereotype.Component;

/**
 * The admins' reach: they manage the office's own accounts only. An organisation's people (and unknown ids) are
 * "not found", so the admin pages reveal nothing about them; nobody changes their own roles.
 */
@Component
class StaffAccess {

    private final AccountManagement accounts;

    StaffAccess(AccountManagement accounts) {
        this.accounts = accounts;
    }

    AccountView staffMember(Long id) {
        return accounts.find(id).filter(a -> a.organizationId() == null)
                .orElseThrow(() -> new NotFoundException("account.notFound"));
    }

    /** For deciding before a request's body is read: true for a staff account; 404 for anything else. */
    public boolean isStaff(Long id) {
        if (id == null) {
            throw new NotFoundException("account.notFound");
        }
        staffMember(id);
        return true;
    }

    /** Refuses an admin's change of their own roles: granting oneself a duty would defeat the separation. */
    void notSelf(SilkGrantUser admin, AccountView member) {
        if (Objects.equals(member.id(), admin.id())) {
            throw new FieldViolationException("roles", "SELF", "account.roles.SELF");
        }
    }
}
