package org.silkgrant.organization.web;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import org.silkgrant.account.AccountManagement;
import org.silkgrant.account.SilkGrantUser;
import org.silkgrant.organization.OrganizationManagement;
import org.silkgrant.organization.OrganizationStatus;
import org.silkgrant.shared.FieldViolationException;
import org.silkgrant.shared.StateConflictException;
import org.silkgrant.shared.web.FormErrors;
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

/** The program office's verification queue: filter, search, open a registration, verify or reject it. */
@Controller
@RequestMapping("/office/organizations")
@PreAuthorize("hasRole('PROGRAM_OFFICER')")
class OfficePageController {

    private final OrganizationManagement organizations;
    private final AccountManagement accounts;
    private final MessageSource messages;

    OfficePageController(OrganizationManagement organizations, AccountManagement accounts, MessageSource messages) {
        this.organizations = organizations;
        this.accounts = accounts;
        this.messages = messages;
    }

    @GetMapping
    String queue(@RequestParam(required = false) OrganizationStatus status, @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("page", organizations.search(status, q, org.silkgrant.shared.Paging.page(page), 20));
        model.addAttribute("status", status);
        model.addAttribute("q", q);
        model.addAttribute("statuses", OrganizationStatus.values());
        return "organization/queue";
    }

    @GetMapping("/{id}")
    String detail(@PathVariable Long id, Model model) {
        model.addAttribute("organization", organizations.get(id));
        model.addAttribute("members", accounts.membersOf(id));
        return "organization/review";
    }

    @PostMapping("/{id}/verification")
    String decide(@PathVariable Long id, @RequestParam(required = false) OrganizationStatus decision,
            @RequestParam(required = false) String comment, @AuthenticationPrincipal SilkGrantUser officer,
            HttpServletRequest request, Model model, Locale locale, RedirectAttributes redirect) {
        try {
            if (decision == null) {
                throw new FieldViolationException("decision", "REQUIRED", "organization.decision.INVALID");
            }
            organizations.decide(id, decision, comment, officer.getUsername(), request.getRemoteAddr());
            redirect.addFlashAttribute("notice", messages.getMessage("organization.decided." + decision, null, locale));
            return "redirect:/office/organizations/" + id;
        } catch (FieldViolationException e) {
            model.addAttribute("errors", FormErrors.of(e, messages, locale));
            model.addAttribute("comment", comment);
        } catch (StateConflictException e) {
            model.addAttribute("conflict", messages.getMessage(e.messageKey(), e.arguments(), locale));
        }
        return detail(id, model);
    }
}
