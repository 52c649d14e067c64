package org.silkgrant.account.web;

import java.net.URI;
import java.util.List;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import org.silkgrant.account.AccountManagement;
import org.silkgrant.account.AccountView;
import org.silkgrant.account.NewAccount;
import org.silkgrant.account.Role;
import org.silkgrant.account.SilkGrantUser;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The office's accounts: the system admin creates them, the security admin sets their roles and unlocks them.
 * Only staff accounts are reachable here; an organisation's people are "not found".
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Staff", description = "The office's accounts, their roles and lockout")
class StaffApiController {

    private final AccountManagement accounts;
    private final StaffAccess access;

    StaffApiController(AccountManagement accounts, StaffAccess access) {
        this.accounts = accounts;
        this.access = access;
    }

    /** A new staff account. */
    record NewStaff(String username, String password, String fullName, String email, String phone, Set<Role> roles) {
    }

    record Created(Long id) {
    }

    record Roles(Set<Role> roles) {
    }

    @GetMapping("/staff")
    @PreAuthorize("hasAnyRole('SYSTEM_ADMIN', 'SECURITY_ADMIN')")
    @Operation(summary = "The office's accounts (system or security admin)")
    List<StaffMember> staff() {
        return accounts.staff().stream().map(StaffMember::of).toList();
    }

    @GetMapping("/staff/{id}")
    @PreAuthorize("hasAnyRole('SYSTEM_ADMIN', 'SECURITY_ADMIN')")
    @Operation(summary = "One staff account (system or security admin)")
    StaffMember member(@PathVariable Long id) {
        return StaffMember.of(access.staffMember(id));
    }

    @PostMapping("/staff")
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    @Operation(summary = "Creates a staff account (system admin); 422 with field errors")
    ResponseEntity<Created> create(@AuthenticationPrincipal SilkGrantUser admin, @RequestBody NewStaff staff,
            HttpServletRequest request) {
        AccountView created = accounts.create(new NewAccount(staff.username(), staff.password(), staff.fullName(),
                staff.email(), staff.phone(), null, staff.roles() == null ? Set.of() : staff.roles(), null),
                admin.getUsername(), request.getRemoteAddr());
        return ResponseEntity.created(URI.create("/api/v1/staff/" + created.id())).body(new Created(created.id()));
    }

    @PutMapping("/users/{id}/roles")
    @PreAuthorize("hasRole('SECURITY_ADMIN') and @staffAccess.isStaff(#id)")
    @Operation(summary = "Sets a staff member's roles (security admin); admin duties stay separated")
    StaffMember assignRoles(@AuthenticationPrincipal SilkGrantUser admin, @PathVariable Long id,
            @RequestBody Roles roles, HttpServletRequest request) {
        AccountView member = access.staffMember(id);
        access.notSelf(admin, member);
        return StaffMember.of(accounts.assignRoles(id, roles.roles() == null ? Set.of() : roles.roles(),
                admin.getUsername(), request.getRemoteAddr()));
    }

    record Department(String departmentCode) {
    }

    @PutMapping("/users/{id}/department")
    @PreAuthorize("hasRole('SECURITY_ADMIN') and @staffAccess.isStaff(#id)")
    @Operation(summary = "Names the recommending department a recommender acts for (security admin); null clears it")
    ResponseEntity<Void> assignDepartment(@AuthenticationPrincipal SilkGrantUser admin, @PathVariable Long id,
            @RequestBody Department department, HttpServletRequest request) {
        AccountView member = access.staffMember(id);
        access.notSelf(admin, member);
        String code = department == null ? null : department.departmentCode();
        if (code != null && !code.isBlank() && !code.strip().matches("[A-Za-z0-9_-]{1,40}")) {
            throw new org.silkgrant.shared.FieldViolationException("departmentCode", "FORMAT", "staff.department.FORMAT");
        }
        accounts.assignDepartment(id, code, admin.getUsername(), request.getRemoteAddr());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/users/{id}/unlock")
    @PreAuthorize("hasRole('SECURITY_ADMIN')")
    @Operation(summary = "Unlocks a staff account locked after failed sign-ins (security admin)")
    ResponseEntity<Void> unlock(@AuthenticationPrincipal SilkGrantUser admin, @PathVariable Long id,
            HttpServletRequest request) {
        access.staffMember(id);
        accounts.unlock(id, admin.getUsername(), request.getRemoteAddr());
        return ResponseEntity.noContent().build();
    }
}
