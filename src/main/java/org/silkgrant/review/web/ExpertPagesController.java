package org.silkgrant.review.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import org.silkgrant.account.SilkGrantUser;
import org.silkgrant.call.CallManagement;
import org.silkgrant.document.FileTooLargeException;
import org.silkgrant.document.UnsupportedFileTypeException;
import org.silkgrant.review.CreatedExpert;
import org.silkgrant.review.ExpertFilter;
import org.silkgrant.review.ExpertImportException;
import org.silkgrant.review.ExpertManagement;
import org.silkgrant.review.ExpertView;
import org.silkgrant.review.ImportResult;
import org.silkgrant.shared.FieldViolationException;
import org.silkgrant.shared.web.FormErrors;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The program office's expert registry: search, create, edit, deactivate, the Excel template and import. */
@Controller
@RequestMapping("/office/experts")
@PreAuthorize("hasRole('PROGRAM_OFFICER')")
class ExpertPagesController {

    private final ExpertManagement experts;
    private final CallManagement calls;
    private final MessageSource messages;

    ExpertPagesController(ExpertManagement experts, CallManagement calls, MessageSource messages) {
        this.experts = experts;
        this.calls = calls;
        this.messages = messages;
    }

    /** One bad row of an import, translated, for the page. */
    record RowMessage(int row, String column, String message) {
    }

    @GetMapping
    String list(@RequestParam(required = false) String name, @RequestParam(required = false) String organization,
            @RequestParam(required = false) String field, @RequestParam(required = false) String keyword,
            @RequestParam(required = false) String country, @RequestParam(required = false) Boolean active,
            @RequestParam(defaultValue = "0") int page, Model model, Locale locale) {
        ExpertFilter filter = new ExpertFilter(name, organization, field, keyword, country, active);
        model.addAttribute("page", experts.search(filter, org.silkgrant.shared.Paging.page(page), 20));
        model.addAttribute("filter", filter);
        model.addAttribute("fields", experts.fields());
        model.addAttribute("countries", ExpertOptions.countries(locale));
        return "review/experts";
    }

    @GetMapping("/new")
    String newExpert(Model model, Locale locale) {
        return form(ExpertPageForm.empty(), null, model, locale);
    }

    @PostMapping
    String create(@ModelAttribute ExpertPageForm form, @AuthenticationPrincipal SilkGrantUser officer,
            HttpServletRequest request, Model model, Locale locale) {
        try {
            CreatedExpert created = experts.create(form.form(), form.username(), form.password(), officer.getUsername(),
                    request.getRemoteAddr());
            // Rendered, not redirected: a generated password is shown this once and kept nowhere.
            model.addAttribute("created", List.of(created));
            return "review/expert-created";
        } catch (FieldViolationException e) {
            model.addAttribute("errors", FormErrors.of(e, messages, locale));
            return form(form, null, model, locale);
        }
    }

    @GetMapping("/{id}")
    String edit(@PathVariable Long id, Model model, Locale locale) {
        ExpertView expert = experts.get(id);
        return form(ExpertPageForm.of(expert), expert, model, locale);
    }

    @PostMapping("/{id}")
    String update(@PathVariable Long id, @ModelAttribute ExpertPageForm form,
            @AuthenticationPrincipal SilkGrantUser officer, HttpServletRequest request, Model model, Locale locale,
            RedirectAttributes redirect) {
        ExpertView expert = experts.get(id);
        try {
            experts.update(id, form.form(), form.version() == null ? -1 : form.version(), officer.getUsername(),
                    request.getRemoteAddr());
            redirect.addFlashAttribute("notice", messages.getMessage("expert.saved", null, locale));
            return "redirect:/office/experts/" + id;
        } catch (FieldViolationException e) {
            model.addAttribute("errors", FormErrors.of(e, messages, locale));
        } catch (ObjectOptimisticLockingFailureException e) {
            model.addAttribute("conflict", messages.getMessage("error.versionConflict", null, locale));
        }
        return form(form, expert, model, locale);
    }

    @PostMapping("/{id}/deactivation")
    String deactivate(@PathVariable Long id, @AuthenticationPrincipal SilkGrantUser officer,
            HttpServletRequest request, Locale locale, RedirectAttributes redirect) {
        experts.deactivate(id, officer.getUsername(), request.getRemoteAddr());
        redirect.addFlashAttribute("notice", messages.getMessage("expert.deactivated", null, locale));
        return "redirect:/office/experts/" + id;
    }

    @PostMapping("/{id}/reactivation")
    String reactivate(@PathVariable Long id, @AuthenticationPrincipal SilkGrantUser officer,
            HttpServletRequest request, Locale locale, RedirectAttributes redirect) {
        experts.reactivate(id, officer.getUsername(), request.getRemoteAddr());
        redirect.addFlashAttribute("notice", messages.getMessage("expert.reactivated", null, locale));
        return "redirect:/office/experts/" + id;
    }

    @GetMapping("/template.xlsx")
    ResponseEntity<byte[]> template(@RequestParam(required = false) String callCode, Locale locale) {
        return ExpertApiController.xlsx(experts.template(callCode, locale),
                messages.getMessage("expertImport.fileName", null, locale));
    }

    @GetMapping("/import")
    String importForm(Model model) {
        model.addAttribute("calls", calls.calls());
        return "review/expert-import";
    }

    @PostMapping("/import")
    String importExperts(@RequestParam(required = false) MultipartFile file,
            @RequestParam(required = false) String callCode, @AuthenticationPrincipal SilkGrantUser officer,
            HttpServletRequest request, Model model, Locale locale) {
        model.addAttribute("calls", calls.calls());
        model.addAttribute("callCode", callCode);
        if (file == null || file.isEmpty()) {
            model.addAttribute("fileError", messages.getMessage("document.empty", null, locale));
            return "review/expert-import";
        }
        try (InputStream in = file.getInputStream()) {
            ImportResult result = experts.importWorkbook(in, file.getOriginalFilename(), callCode,
                    officer.getUsername(), request.getRemoteAddr());
            model.addAttribute("created", result.created());
            return "review/expert-created";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ExpertImportException e) {
            model.addAttribute("rowErrors", e.errors().stream().map(r -> new RowMessage(r.row(),
                    "file".equals(r.field()) ? "" : messages.getMessage("expert." + r.field(), null, r.field(), locale),
                    messages.getMessage(r.messageKey(), r.arguments(), r.messageKey(), locale))).toList());
        } catch (UnsupportedFileTypeException | FileTooLargeException e) {
            model.addAttribute("fileError", messages.getMessage(e.messageKey(), e.arguments(), locale));
        } catch (FieldViolationException e) {
            model.addAttribute("fileError", FormErrors.of(e, messages, locale).values().stream().flatMap(List::stream)
                    .findFirst().orElse(""));
        }
        return "review/expert-import";
    }

    private String form(ExpertPageForm form, ExpertView expert, Model model, Locale locale) {
        model.addAttribute("form", form);
        model.addAttribute("expert", expert);
        model.addAttribute("fields", experts.fields());
        model.addAttribute("countries", ExpertOptions.countries(locale));
        model.addAttribute("languageOptions", ExpertOptions.languages(form.languages(), locale));
        return "review/expert-form";
    }
}
