package org.silkgrant.organization.web;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import org.silkgrant.organization.OrganizationManagement;
import org.silkgrant.organization.OrganizationType;
import org.silkgrant.organization.OrganizationView;
import org.silkgrant.organization.Registration;
import org.silkgrant.shared.FieldViolationException;
import org.silkgrant.shared.web.FormErrors;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** An organisation registers itself with its first administrator; the office verifies it later. */
@Controller
class RegistrationPageController {

    private final OrganizationManagement organizations;
    private final MessageSource messages;

    RegistrationPageController(OrganizationManagement organizations, MessageSource messages) {
        this.organizations = organizations;
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
                    request.getRemoteAddr());
            redirect.addFlashAttribute("registered", registered);
            return "redirect:/register/done";
        } catch (FieldViolationException e) {
            model.addAttribute("errors", FormErrors.of(e, messages, locale));
            model.addAttribute("form", form.withoutPassword());
            return prepare(model);
        }
    }

    @GetMapping("/register/done")
    String done(Model model) {
        if (!model.containsAttribute("registered")) {
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
