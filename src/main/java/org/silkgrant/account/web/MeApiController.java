package org.silkgrant.account.web;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.silkgrant.account.AccountManagement;
import org.silkgrant.account.LoginRecord;
import org.silkgrant.account.Role;
import org.silkgrant.account.SilkGrantUser;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** API.md {@code GET /api/v1/me} and the caller's own password and sign-in history. */
@RestController
@RequestMapping("/api/v1/me")
@Tag(name = "Me", description = "The calling user: who they are, their password, their sign-ins")
class MeApiController {

    private final AccountManagement accounts;

    MeApiController(AccountManagement accounts) {
        this.accounts = accounts;
    }

    /** The caller. */
    record Me(String username, String fullName, List<Role> roles, Long organizationId) {
    }

    /** A change of the caller's own password. */
    record PasswordChange(String currentPassword, String newPassword) {
    }

    /** The caller's last successful sign-ins and failed attempts, newest first. */
    record Logins(List<LoginRecord> signIns, List<LoginRecord> failures) {
    }

    @GetMapping
    @Operation(summary = "Who is calling: user name, full name, roles and organisation (null for staff)")
    Me me(@AuthenticationPrincipal SilkGrantUser user) {
        return new Me(user.getUsername(), user.fullName(), user.roles().stream().sorted().toList(),
                user.organizationId());
    }

    @PostMapping("/password")
    @Operation(summary = "Changes the caller's password, proving the current one; 422 with field errors")
    ResponseEntity<Void> changePassword(@AuthenticationPrincipal SilkGrantUser user, @RequestBody PasswordChange change,
            HttpServletRequest request) {
        accounts.changeOwnPassword(user.getUsername(), change.currentPassword(), change.newPassword(),
                request.getRemoteAddr());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/logins")
    @Operation(summary = "The caller's last ten sign-ins and last ten failed attempts")
    Logins logins(@AuthenticationPrincipal SilkGrantUser user) {
        return new Logins(accounts.recentSignIns(user.id()), accounts.recentFailures(user.id()));
    }
}
