package org.silkgrant.account.web;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import org.silkgrant.account.AccountManagement;
import org.silkgrant.account.AccountView;
import org.silkgrant.account.Role;
import org.silkgrant.account.SecondFactorPolicy;
import org.silkgrant.account.SecurityProperties;
import org.silkgrant.account.SilkGrantUser;
import org.silkgrant.shared.FieldViolationException;
import org.silkgrant.shared.web.FormErrors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The security admin's page: the staff's roles (admin duties kept apart), unlocking locked accounts, and the
 * security settings in force (read-only: they are configuration).
 */
@Controller
@RequestMapping("/admin/security")
@PreAuthorize("hasRole('SECURITY_ADMIN')")
class SecurityAdminPageController {

    /** The settings panel, in whole minutes. */
    record Settings(boolean requireStaffMfa, int maxFailures, int accountLockAddresses, long lockMinutes,
            int addressMaxFailures, long addressWindowMinutes, long sessionTimeoutMinutes) {
    }

    private final AccountManagement accounts;
    private final StaffAccess access;
    private final MessageSource messages;
    private final Settings settings;

    SecurityAdminPageController(AccountManagement accounts, StaffAccess access, MessageSource messages,
            SecurityProperties properties, SecondFactorPolicy secondFactor,
            @Value("${server.servlet.session.timeout:30m}") Duration sessionTimeout) {
        this.accounts = accounts;
        this.access = access;
        this.messages = messages;
        SecurityProperties.Login login = properties.login();
        this.settings = new Settings(secondFactor.required(), login.maxFailures(), login.accountLockAddresses(),
                login.lockDuration().toMinutes(),
                login.addressMaxFailures(), login.addressWindow().toMinutes(), sessionTimeout.toMinutes());
    }

    @GetMapping
    String page(@AuthenticationPrincipal SilkGrantUser admin, Model model) {
        model.addAttribute("staff", accounts.staff().stream().map(StaffMember::of).toList());
        model.addAttribute("staffRoles", StaffPageController.STAFF_ROLES);
        model.addAttribute("settings", settings);
        model.addAttribute("self", admin.id());
        return "admin/security";
    }

    @PostMapping("/users/{id}/roles")
    String roles(@AuthenticationPrincipal SilkGrantUser admin, @PathVariable Long id,
            @RequestParam(name = "roles", required = false) Set<Role> roles, Locale locale, HttpServletRequest request,
            RedirectAttributes redirect) {
        AccountView member = access.staffMember(id);
        try {
            access.notSelf(admin, member);
            accounts.assignRoles(id, roles == null ? Set.of() : roles, admin.getUsername(), request.getRemoteAddr());
            redirect.addFlashAttribute("notice", messages.getMessage("admin.security.rolesSaved",
                    new Object[] {member.username()}, locale));
        } catch (FieldViolationException e) {
            List<String> problems = FormErrors.of(e, messages, locale).values().stream().flatMap(List::stream).toList();
            redirect.addFlashAttribute("alert", messages.getMessage("admin.security.rolesRefused",
                    new Object[] {member.username(), String.join(" ", problems)}, locale));
        }
        return "redirect:/admin/security";
    }

    @PostMapping("/users/{id}/unlock")
    String unlock(@AuthenticationPrincipal SilkGrantUser admin, @PathVariable Long id, Locale locale,
            HttpServletRequest request, RedirectAttributes redirect) {
        AccountView member = access.staffMember(id);
        accounts.unlock(id, admin.getUsername(), request.getRemoteAddr());
        redirect.addFlashAttribute("notice", messages.getMessage("admin.security.unlocked",
                new Object[] {member.username()}, locale));
        return "redirect:/admin/security";
    }
}
