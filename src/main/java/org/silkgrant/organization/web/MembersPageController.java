package org.silkgrant.organization.web;

import java.util.Locale;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import org.silkgrant.account.AccountManagement;
import org.silkgrant.account.NewAccount;
import org.silkgrant.account.Role;
import org.silkgrant.account.SilkGrantUser;
import org.silkgrant.organization.OrganizationManagement;
import org.silkgrant.shared.FieldViolationException;
import org.silkgrant.shared.TooManyRequestsException;
import org.silkgrant.shared.web.FormErrors;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The organisation admin's page of its people: create project leaders, reset passwords, deactivate. */
@Controller
@RequestMapping("/organization/users")
@PreAuthorize("hasRole('ORG_ADMIN')")
class MembersPageController {

    private final AccountManagement accounts;
    private final OrganizationManagement organizations;
    private final OrganizationAccess access;
    private final MessageSource messages;

    MembersPageController(AccountManagement accounts, OrganizationManagement organizations, OrganizationAccess access,
            MessageSource messages) {
        this.accounts = accounts;
        this.organizations = organizations;
        this.access = access;
        this.messages = messages;
    }

    /** A new member; the password is never sent back to the page. */
    record MemberForm(String username, String password, String fullName, String email, String phone, String idNumber) {

        MemberForm withoutSecrets() {
            return new MemberForm(username, null, fullName, email, phone, null);
        }
    }

    @GetMapping
    String list(@AuthenticationPrincipal SilkGrantUser admin, Model model) {
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new MemberForm(null, null, null, null, null, null));
        }
        model.addAttribute("organization", access.administered(admin, admin.organizationId()));
        model.addAttribute("members", accounts.membersOf(admin.organizationId()));
        return "organization/members";
    }

    @PostMapping
    String create(@AuthenticationPrincipal SilkGrantUser admin, @ModelAttribute("form") MemberForm form, Model model,
            Locale locale, HttpServletRequest request, RedirectAttributes redirect) {
        access.administered(admin, admin.organizationId());
        try {
            organizations.addMember(admin.organizationId(), new NewAccount(form.username(), form.password(),
                    form.fullName(), form.email(), form.phone(), admin.organizationId(), Set.of(Role.APPLICANT),
                    form.idNumber()), admin.getUsername(), request.getRemoteAddr());
            redirect.addFlashAttribute("notice", messages.getMessage("members.created", new Object[] {form.username()}, locale));
            return "redirect:/organization/users";
        } catch (FieldViolationException e) {
            model.addAttribute("errors", FormErrors.of(e, messages, locale));
            model.addAttribute("form", form.withoutSecrets());
            return list(admin, model);
        } catch (TooManyRequestsException e) {
            model.addAttribute("memberAlert", messages.getMessage(e.messageKey(), e.arguments(), locale));
            model.addAttribute("form", form.withoutSecrets());
            return list(admin, model);
        }
    }

    @PostMapping("/{userId}/password")
    String resetPassword(@AuthenticationPrincipal SilkGrantUser admin, @PathVariable Long userId,
            @RequestParam(required = false) String password, Locale locale, HttpServletRequest request,
            RedirectAttributes redirect) {
        var member = access.member(admin, admin.organizationId(), userId);
        try {
            accounts.resetPassword(userId, password, admin.getUsername(), request.getRemoteAddr());
            redirect.addFlashAttribute("notice", messages.getMessage("members.passwordReset", new Object[] {member.username()}, locale));
        } catch (FieldViolationException e) {
            redirect.addFlashAttribute("memberError", member.username() + ": "
                    + String.join(" ", FormErrors.of(e, messages, locale).values().stream().flatMap(java.util.List::stream).toList()));
        }
        return "redirect:/organization/users";
    }

    @PostMapping("/{userId}/deactivation")
    String deactivate(@AuthenticationPrincipal SilkGrantUser admin, @PathVariable Long userId, Locale locale,
            HttpServletRequest request, RedirectAttributes redirect) {
        var member = access.member(admin, admin.organizationId(), userId);
        accounts.deactivate(userId, admin.getUsername(), request.getRemoteAddr());
        redirect.addFlashAttribute("notice", messages.getMessage("members.deactivated", new Object[] {member.username()}, locale));
        return "redirect:/organization/users";
    }
}
