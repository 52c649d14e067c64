package org.silkgrant.review.web;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import org.silkgrant.account.SilkGrantUser;
import org.silkgrant.review.DeclaredConflict;
import org.silkgrant.review.ExpertManagement;
import org.silkgrant.review.ExpertView;
import org.silkgrant.review.NewDeclaredConflict;
import org.silkgrant.shared.FieldViolationException;
import org.silkgrant.shared.web.FormErrors;
import org.springframework.context.MessageSource;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The expert's own profile and declared conflicts of interest. */
@Controller
@RequestMapping("/expert/profile")
@PreAuthorize("hasRole('EXPERT')")
class ExpertProfilePageController {

    private final ExpertManagement experts;
    private final MessageSource messages;

    ExpertProfilePageController(ExpertManagement experts, MessageSource messages) {
        this.experts = experts;
        this.messages = messages;
    }

    /** The declaration form. */
    record ConflictForm(DeclaredConflict.Kind kind, String organizationName, String organizationCode,
            String personName, String reason) {

        static ConflictForm empty() {
            return new ConflictForm(DeclaredConflict.Kind.ORGANIZATION, null, null, null, null);
        }
    }

    @GetMapping
    String profile(@AuthenticationPrincipal SilkGrantUser user, Model model, Locale locale) {
        ExpertView expert = experts.ownProfile(user.id());
        return page(expert, ExpertPageForm.of(expert), ConflictForm.empty(), model, locale);
    }

    @PostMapping
    String save(@ModelAttribute ExpertPageForm form, @AuthenticationPrincipal SilkGrantUser user,
            HttpServletRequest request, Model model, Locale locale, RedirectAttributes redirect) {
        ExpertView expert = experts.ownProfile(user.id());
        try {
            experts.updateOwnProfile(user.id(), form.form(), form.version() == null ? -1 : form.version(),
                    user.getUsername(), request.getRemoteAddr());
            redirect.addFlashAttribute("notice", messages.getMessage("expert.saved", null, locale));
            return "redirect:/expert/profile";
        } catch (FieldViolationException e) {
            model.addAttribute("errors", FormErrors.of(e, messages, locale));
        } catch (ObjectOptimisticLockingFailureException e) {
            model.addAttribute("conflict", messages.getMessage("error.versionConflict", null, locale));
        }
        return page(expert, form, ConflictForm.empty(), model, locale);
    }

    @PostMapping("/conflicts")
    String declare(@ModelAttribute ConflictForm conflict, @AuthenticationPrincipal SilkGrantUser user,
            HttpServletRequest request, Model model, Locale locale, RedirectAttributes redirect) {
        try {
            experts.declareConflict(user.id(), new NewDeclaredConflict(conflict.kind(), conflict.organizationName(),
                    conflict.organizationCode(), conflict.personName(), conflict.reason()), user.getUsername(),
                    request.getRemoteAddr());
            redirect.addFlashAttribute("notice", messages.getMessage("expert.conflict.declared", null, locale));
            return "redirect:/expert/profile#conflicts";
        } catch (FieldViolationException e) {
            model.addAttribute("conflictErrors", FormErrors.of(e, messages, locale));
        }
        ExpertView expert = experts.ownProfile(user.id());
        return page(expert, ExpertPageForm.of(expert), conflict, model, locale);
    }

    @PostMapping("/conflicts/{id}/withdrawal")
    String withdraw(@PathVariable Long id, @AuthenticationPrincipal SilkGrantUser user, HttpServletRequest request,
            Locale locale, RedirectAttributes redirect) {
        experts.withdrawConflict(user.id(), id, user.getUsername(), request.getRemoteAddr());
        redirect.addFlashAttribute("notice", messages.getMessage("expert.conflict.withdrawn", null, locale));
        return "redirect:/expert/profile#conflicts";
    }

    private String page(ExpertView expert, ExpertPageForm form, ConflictForm conflict, Model model, Locale locale) {
        model.addAttribute("expert", expert);
        model.addAttribute("form", form);
        model.addAttribute("conflictForm", conflict);
        model.addAttribute("kinds", DeclaredConflict.Kind.values());
        model.addAttribute("fields", experts.fields());
        model.addAttribute("countries", ExpertOptions.countries(locale));
        model.addAttribute("languageOptions", ExpertOptions.languages(form.languages(), locale));
        return "review/expert-profile";
    }
}
