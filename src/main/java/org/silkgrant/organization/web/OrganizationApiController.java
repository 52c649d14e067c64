package org.silkgrant.organization.web;

import java.util.List;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import org.silkgrant.account.AccountManagement;
import org.silkgrant.account.AccountView;
import org.silkgrant.account.NewAccount;
import org.silkgrant.account.Role;
import org.silkgrant.account.SilkGrantUser;
import org.silkgrant.organization.OrganizationManagement;
import org.silkgrant.organization.OrganizationStatus;
import org.silkgrant.organization.OrganizationType;
import org.silkgrant.organization.OrganizationView;
import org.silkgrant.organization.Registration;
import org.silkgrant.shared.FieldViolationException;
import org.springframework.data.domain.Page;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** API.md "Organisations and accounts": registration, the office's verification, and an organisation's people. */
@RestController
@RequestMapping("/api/v1/organizations")
@Tag(name = "Organisations", description = "Registration, verification and an organisation's people")
class OrganizationApiController {

    private final OrganizationManagement organizations;
    private final AccountManagement accounts;
    private final OrganizationAccess access;

    OrganizationApiController(OrganizationManagement organizations, AccountManagement accounts,
            OrganizationAccess access) {
        this.organizations = organizations;
        this.accounts = accounts;
        this.access = access;
    }

    record RegistrationRequest(String name, String creditCode, OrganizationType type, String divisionCode,
            String address, Registration.Admin admin) {
    }

    record Registered(Long id, OrganizationStatus status) {
    }

    @PostMapping("/registrations")
    @Operation(summary = "An organisation registers itself with its first administrator (anonymous); the answer is the "
            + "same whether the user name is free or taken (a taken one is resolved by mail to the address given)")
    ResponseEntity<Registered> register(@RequestBody RegistrationRequest request, HttpServletRequest http,
            java.util.Locale locale) {
        OrganizationView view = organizations.register(new Registration(request.name(), request.creditCode(),
                request.type(), request.divisionCode(), request.address(), request.admin()), http.getRemoteAddr(),
                locale.getLanguage());
        return ResponseEntity.status(HttpStatus.CREATED).body(new Registered(view.id(), view.status()));
    }

    record PageOf<T>(List<T> content, int page, int size, long totalElements) {

        static <T> PageOf<T> of(Page<T> page) {
            return new PageOf<>(page.getContent(), page.getNumber(), page.getSize(), page.getTotalElements());
        }
    }

    @GetMapping
    @PreAuthorize("hasRole('PROGRAM_OFFICER')")
    @Operation(summary = "The office's queue, filtered by status and a search in name or credit code")
    PageOf<OrganizationView> search(@RequestParam(required = false) OrganizationStatus status,
            @RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        org.silkgrant.shared.Paging.check(page, size, 100);
        return PageOf.of(organizations.search(status, q, page, size));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One organisation: the office sees all, members their own; others get 404")
    OrganizationView get(@PathVariable Long id, @AuthenticationPrincipal SilkGrantUser user) {
        return access.readable(user, id);
    }

    record DecisionRequest(OrganizationStatus decision, String comment) {
    }

    @PostMapping("/{id}/verification")
    @PreAuthorize("hasRole('PROGRAM_OFFICER')")
    @Operation(summary = "The program office verifies or rejects a pending registration")
    OrganizationView decide(@PathVariable Long id, @RequestBody DecisionRequest request,
            @AuthenticationPrincipal SilkGrantUser user, HttpServletRequest http) {
        if (request.decision() == null) {
            throw new FieldViolationException("decision", "REQUIRED", "organization.decision.INVALID");
        }
        return organizations.decide(id, request.decision(), request.comment(), user.getUsername(), http.getRemoteAddr());
    }

    @GetMapping("/{id}/users")
    @Operation(summary = "The organisation's people (its admin only)")
    List<Member> members(@PathVariable Long id, @AuthenticationPrincipal SilkGrantUser user) {
        access.administered(user, id);
        return accounts.membersOf(id).stream().map(Member::of).toList();
    }

    record NewMember(String username, String password, String fullName, String email, String phone, Role role,
            String idNumber) {
    }

    record Created(Long id) {
    }

    /** A member as its admin sees them: the ID number only masked. */
    record Member(Long id, String username, String fullName, String email, String phone, Set<Role> roles,
            boolean enabled, boolean locked, String idNumberMasked) {

        static Member of(AccountView a) {
            return new Member(a.id(), a.username(), a.fullName(), a.email(), a.phone(), a.roles(), a.enabled(),
                    a.locked(), a.idNumberMasked());
        }
    }

    @PostMapping("/{id}/users")
    @PreAuthorize("hasRole('ORG_ADMIN') and @organizationAccess.administers(principal, #id)")
    @Operation(summary = "The organisation admin creates a project leader (APPLICANT) or another admin")
    ResponseEntity<Created> createMember(@PathVariable Long id, @RequestBody NewMember request,
            @AuthenticationPrincipal SilkGrantUser user, HttpServletRequest http) {
        access.administered(user, id);
        Role role = request.role() == null ? Role.APPLICANT : request.role();
        AccountView created = organizations.addMember(id, new NewAccount(request.username(), request.password(),
                request.fullName(), request.email(), request.phone(), id, Set.of(role), request.idNumber()),
                user.getUsername(), http.getRemoteAddr());
        return ResponseEntity.status(HttpStatus.CREATED).body(new Created(created.id()));
    }

    record PasswordReset(String password) {
    }

    @PostMapping("/{id}/users/{userId}/password")
    @PreAuthorize("hasRole('ORG_ADMIN') and @organizationAccess.manages(principal, #id, #userId)")
    @Operation(summary = "The organisation admin sets a new password for one of its people")
    ResponseEntity<Void> resetPassword(@PathVariable Long id, @PathVariable Long userId,
            @RequestBody PasswordReset request, @AuthenticationPrincipal SilkGrantUser user, HttpServletRequest http) {
        access.member(user, id, userId);
        accounts.resetPassword(userId, request.password(), user.getUsername(), http.getRemoteAddr());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/users/{userId}/deactivation")
    @PreAuthorize("hasRole('ORG_ADMIN') and @organizationAccess.manages(principal, #id, #userId)")
    @Operation(summary = "The organisation admin deactivates one of its people")
    ResponseEntity<Void> deactivate(@PathVariable Long id, @PathVariable Long userId,
            @AuthenticationPrincipal SilkGrantUser user, HttpServletRequest http) {
        access.member(user, id, userId);
        accounts.deactivate(userId, user.getUsername(), http.getRemoteAddr());
        return ResponseEntity.noContent().build();
    }
}
