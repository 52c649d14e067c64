package org.silkgrant.organization.web;

import java.util.Objects;

import org.silkgrant.account.AccountManagement;
import org.silkgrant.account.AccountView;
import org.silkgrant.account.Role;
import org.silkgrant.account.SilkGrantUser;
import org.silkgrant.organization.OrganizationManagement;
import org.silkgrant.organization.OrganizationView;
import org.silkgrant.shared.NotFoundException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Authorisation by object for organisations: the office sees every organisation; a member sees only their own;
 * only its admin manages its people. Anything of another organisation is "not found", never "forbidden", so
 * nobody learns which ids exist.
 */
@Component
class OrganizationAccess {

    private final OrganizationManagement organizations;
    private final AccountManagement accounts;

    OrganizationAccess(OrganizationManagement organizations, AccountManagement accounts) {
        this.organizations = organizations;
        this.accounts = accounts;
    }

    OrganizationView readable(SilkGrantUser user, Long organizationId) {
        if (user.hasRole(Role.PROGRAM_OFFICER) || Objects.equals(user.organizationId(), organizationId)) {
            return organizations.get(organizationId);
        }
        throw new NotFoundException("organization.notFound");
    }

    /** The organisation, when the user is its admin; a member without the admin role is forbidden. */
    OrganizationView administered(SilkGrantUser user, Long organizationId) {
        if (!Objects.equals(user.organizationId(), organizationId)) {
            throw new NotFoundException("organization.notFound");
        }
        if (!user.hasRole(Role.ORG_ADMIN)) {
            throw new AccessDeniedException("not the organisation's admin");
        }
        return organizations.get(organizationId);
    }

    /** For deciding before a request's body is read: true when the user is the organisation's admin (else 404/403). */
    public boolean administers(SilkGrantUser user, Long organizationId) {
        administered(user, organizationId);
        return true;
    }

    /** For deciding before a request's body is read: true when the person is one of the admin's people. */
    public boolean manages(SilkGrantUser user, Long organizationId, Long userId) {
        if (userId == null) {
            administered(user, organizationId);
            throw new NotFoundException("account.notFound");
        }
        member(user, organizationId, userId);
        return true;
    }

    /** One of the organisation's people, when the user is its admin. */
    AccountView member(SilkGrantUser user, Long organizationId, Long userId) {
        administered(user, organizationId);
        return accounts.find(userId).filter(a -> Objects.equals(a.organizationId(), organizationId))
                .orElseThrow(() -> new NotFoundException("account.notFound"));
    }
}
