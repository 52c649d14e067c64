package org.silkgrant.organization.web;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import org.silkgrant.account.AccountManagement;
import org.silkgrant.account.AccountView;
import org.silkgrant.organization.OrganizationManagement;
import org.silkgrant.organization.OrganizationType;
import org.silkgrant.organization.OrganizationView;
import org.silkgrant.organization.Registration;
import org.silkgrant.shared.FieldViolationException;
import org.silkgrant.shared.NotFoundException;
import org.silkgrant.shared.TooManyRequestsException;
import org.silkgrant.shared.web.FormErrors;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * An organisation registers itself with its first administrator; the office verifies it later. The page after it
 * reads the same whether the admin's user name was free or taken; when it was taken, the mailed link leads to
 * {@code /register/confirm}, where the admin chooses another.
 */
@Controller
class RegistrationPageController {

    private final OrganizationManagement organizations;
    private final AccountManagement accounts;
    private final MessageSource messages;

    RegistrationPageController(OrganizationManagement organizations, AccountManagement accounts, MessageSource messages) {
        this.organizations = organizations;
        this.accounts = accounts;
        this.messages = messages;
    }

    /** The registration form; the password is never sent back to the page. */
    record RegistrationForm(String name, String creditCode, OrganizationType type, String divisionCode, String address,
            String adminUsername, String adminPassword, String adminFullName, String adminEmail, String adminPhone) {

        static RegistrationForm empty() {
            return new RegistrationForm(null, null, null, null, null, null, null, null, null, null);
        }

        RegistrationForm withoutPassword() {
            return new RegistrationForm(name, creditCode, type, divisionCode, address, adminUsername, null,
                    adminFullName, adminEmail, adminPhone);
        }
    }

    @GetMapping("/register")
    String form(Model model) {
        model.addAttribute("form", RegistrationForm.empty());
        return prepare(model);
    }

    @PostMapping("/register")
    String register(@ModelAttribute("form") RegistrationForm form, Model model, Locale locale,
            HttpServletRequest request, RedirectAttributes redirect) {
        try {
            OrganizationView registered = organizations.register(new Registration(form.name(), form.creditCode(),
                    form.type(), form.divisionCode(), form.address(), new Registration.Admin(form.adminUsername(),
                            form.adminPassword(), form.adminFullName(), form.adminEmail(), form.adminPhone())),
                    request.getRemoteAddr(), locale.getLanguage());
            // Strings only: flash attributes live in the session, which the postgres profile serializes to the database.
            redirect.addFlashAttribute("registeredName", registered.name());
            redirect.addFlashAttribute("email", form.adminEmail().strip());
            return "redirect:/register/done";
        } catch (FieldViolationException e) {
            model.addAttribute("errors", FormErrors.of(e, messages, locale));
            model.addAttribute("form", form.withoutPassword());
            return prepare(model);
        } catch (TooManyRequestsException e) {
            model.addAttribute("throttled", true);
            model.addAttribute("form", form.withoutPassword());
            return prepare(model);
        }
    }

    /** The form of the mailed link: the admin whose user name was taken chooses another. */
    record ConfirmForm(String token, String username) {
    }

    @GetMapping("/register/confirm")
    String confirmForm(@RequestParam(required = false) String token, Model model) {
        model.addAttribute("form", new ConfirmForm(token, null));
        return confirmPage(token, model);
    }

    @PostMapping("/register/confirm")
    String confirm(@ModelAttribute("form") ConfirmForm form, Model model, Locale locale, HttpServletRequest request,
            RedirectAttributes redirect) {
        try {
            AccountView account = accounts.confirmPending(form.token(), form.username(), request.getRemoteAddr());
            redirect.addFlashAttribute("confirmedUsername", account.username());
            return "redirect:/register/confirmed";
        } catch (FieldViolationException e) {
            model.addAttribute("errors", FormErrors.of(e, messages, locale));
            return confirmPage(form.token(), model);
        } catch (NotFoundException e) {
            return confirmPage(null, model);
        }
    }

    @GetMapping("/register/confirmed")
    String confirmed(Model model) {
        if (!model.containsAttribute("confirmedUsername")) {
            return "redirect:/login";
        }
        return "organization/confirmed";
    }

    /** The page of a link: its organisation and how long and how often it still works, or that it does not. */
    private String confirmPage(String token, Model model) {
        var pending = accounts.pending(token);
        if (pending.isEmpty()) {
            model.addAttribute("invalid", true);
            return "organization/confirm";
        }
        model.addAttribute("pending", pending.get());
        model.addAttribute("organization", organizations.find(pending.get().organizationId()).orElse(null));
        model.addAttribute("expires", SHANGHAI.format(pending.get().expiresAt()));
        return "organization/confirm";
    }

    private static final java.time.format.DateTimeFormatter SHANGHAI = java.time.format.DateTimeFormatter
            .ofPattern("yyyy-MM-dd HH:mm").withZone(java.time.ZoneId.of("Asia/Shanghai"));

    @GetMapping("/register/done")
    String done(Model model) {
        if (!model.containsAttribute("registeredName")) {
            return "redirect:/register";
        }
        return "organization/registered";
    }

    private String prepare(Model model) {
        model.addAttribute("types", OrganizationType.values());
        model.addAttribute("divisions", organizations.divisions().all().stream().filter(d -> !d.isRegionLevel()).toList());
        return "organization/register";
    }
}
