package org.silkgrant.integrity.web;

import java.time.LocalDate;
import java.util.Locale;

import org.silkgrant.integrity.IntegrityList;
import org.silkgrant.shared.FieldViolationException;
import org.silkgrant.shared.web.FormErrors;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The program officer keeps the research-integrity list: add an entry, end one; the history stays. */
@Controller
@RequestMapping("/office/integrity")
@PreAuthorize("hasRole('PROGRAM_OFFICER')")
class IntegrityPageController {

    private final IntegrityList list;
    private final MessageSource messages;

    IntegrityPageController(IntegrityList list, MessageSource messages) {
        this.list = list;
        this.messages = messages;
    }

    /** A new entry; the ID number is never sent back to the page. */
    record EntryForm(String kind, String identifier, String name, String reason,
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate listedFrom,
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate listedUntil) {
    }

    @GetMapping
    String page(Model model) {
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new EntryForm("ORGANIZATION", null, null, null, null, null));
        }
        model.addAttribute("entries", list.all());
        return "integrity/list";
    }

    @PostMapping
    String add(@ModelAttribute("form") EntryForm form, Authentication officer, Model model, Locale locale,
            RedirectAttributes redirect) {
        try {
            list.add(form.kind(), form.identifier(), form.name(), form.reason(), form.listedFrom(), form.listedUntil(),
                    officer.getName());
            redirect.addFlashAttribute("notice", messages.getMessage("integrity.added", new Object[] {form.name()}, locale));
            return "redirect:/office/integrity";
        } catch (FieldViolationException e) {
            model.addAttribute("errors", FormErrors.of(e, messages, locale));
            model.addAttribute("form", new EntryForm(form.kind(), "PERSON".equals(form.kind()) ? null : form.identifier(),
                    form.name(), form.reason(), form.listedFrom(), form.listedUntil()));
            return page(model);
        }
    }

    @PostMapping("/{id}/end")
    String end(@PathVariable Long id, Authentication officer, Locale locale, RedirectAttributes redirect) {
        list.end(id, officer.getName());
        redirect.addFlashAttribute("notice", messages.getMessage("integrity.ended", null, locale));
        return "redirect:/office/integrity";
    }
}
