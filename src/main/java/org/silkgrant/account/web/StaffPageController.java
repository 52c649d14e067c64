package org.silkgrant.account.web;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import org.silkgrant.account.AccountManagement;
import org.silkgrant.account.NewAccount;
import org.silkgrant.account.Role;
import org.silkgrant.account.SilkGrantUser;
import org.silkgrant.shared.FieldViolationException;
import org.silkgrant.shared.web.FormErrors;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The system admin's page of the office's accounts: the list, and creating a staff account with one role. */
@Controller
@RequestMapping("/admin/staff")
@PreAuthorize("hasRole('SYSTEM_ADMIN')")
class StaffPageController {

    /** The roles a new staff account may start with, in the order the form offers them. */
    static final List<Role> STAFF_ROLES = Role.STAFF_ROLES.stream().sorted().toList();

    private final AccountManagement accounts;
    private final MessageSource messages;

    StaffPageController(AccountManagement accounts, MessageSource messages) {
        this.accounts = accounts;
        this.messages = messages;
    }

    /** A new staff account; the initial password is never sent back to the page. */
    record StaffForm(String username, String fullName, String email, String phone, String password, Role role) {

        StaffForm withoutPassword() {
            return new StaffForm(username, fullName, email, phone, null, role);
        }
    }

    @GetMapping
    String list(Model model) {
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new StaffForm(null, null, null, null, null, null));
        }
        model.addAttribute("staff", accounts.staff().stream().map(StaffMember::of).toList());
        model.addAttribute("staffRoles", STAFF_ROLES);
        return "admin/staff";
    }

    @PostMapping
    String create(@AuthenticationPrincipal SilkGrantUser admin, @ModelAttribute("form") StaffForm form, Model model,
            Locale locale, HttpServletRequest request, RedirectAttributes redirect) {
        try {
            accounts.create(new NewAccount(form.username(), form.password(), form.fullName(), form.email(),
                    form.phone(), null, form.role() == null ? Set.of() : Set.of(form.role()), null),
                    admin.getUsername(), request.getRemoteAddr());
        } catch (FieldViolationException e) {
            model.addAttribute("errors", FormErrors.of(e, messages, locale));
            model.addAttribute("form", form.withoutPassword());
            return list(model);
        }
        redirect.addFlashAttribute("notice", messages.getMessage("admin.staff.created",
                new Object[] {form.username().strip().toLowerCase(Locale.ROOT)}, locale));
        return "redirect:/admin/staff";
    }
}
