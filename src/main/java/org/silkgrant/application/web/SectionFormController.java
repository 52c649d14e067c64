package org.silkgrant.application.web;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.silkgrant.account.SilkGrantUser;
import org.silkgrant.application.ApplicationManagement;
import org.silkgrant.application.ApplicationView;
import org.silkgrant.application.SectionConflictException;
import org.silkgrant.application.SectionName;
import org.silkgrant.shared.FieldViolationException;
import org.silkgrant.shared.NotFoundException;
import org.silkgrant.shared.StateConflictException;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Saving one section of the editor from its form. With htmx (autosave) the answer is the section's status line:
 * saved at hh:mm with the new version (and every form's version input, out of band), someone else's newer save to
 * compare with, or the field errors. Without JavaScript the form posts and the editor comes back: after a
 * redirect when saved, or at once with the submitted values and what stopped them.
 */
@Controller
@PreAuthorize("hasRole('APPLICANT')")
class SectionFormController {

    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    private final ApplicationManagement applications;
    private final EditorModel editor;
    private final MessageSource messages;
    private final Clock clock;

    SectionFormController(ApplicationManagement applications, EditorModel editor, MessageSource messages, Clock clock) {
        this.applications = applications;
        this.editor = editor;
        this.messages = messages;
        this.clock = clock;
    }

    /** Someone else's save of the section since the writer's version: who, the version now, what they wrote. */
    record Conflict(String savedBy, long version, List<ReadableJson.Line> lines) {
    }

    @PostMapping("/applications/{id}/sections/{name}")
    String save(@AuthenticationPrincipal SilkGrantUser user, @PathVariable Long id, @PathVariable String name,
            @RequestParam(name = "version", required = false) String version,
            @RequestHeader(name = "HX-Request", required = false) String htmx, HttpServletRequest request,
            HttpServletResponse response, Model model, Locale locale, RedirectAttributes redirect) {
        SectionName section = SectionName.of(name)
                .orElseThrow(() -> new NotFoundException("application.section.unknown", name));
        boolean fragment = htmx != null;
        ObjectNode body = SectionForm.read(section, request.getParameterMap());
        ReadableJson readable = new ReadableJson(section.path(), messages, locale);
        model.addAttribute("id", id);
        model.addAttribute("section", section.path());
        Long from = number(version);
        if (from == null) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("stateError", messages.getMessage("editor.versionMissing", null, locale));
            return fragment ? "application/fragments :: stateError" : page(user, id, section, body, null, model, locale);
        }
        try {
            if (section == SectionName.TEAM) {
                keepIdNumbers(body, applications.get(user, id));
            }
            long saved = applications.saveSection(user, id, section.path(), body, from);
            String at = HH_MM.format(clock.instant().atZone(EditorModel.BEIJING));
            if (!fragment) {
                redirect.addFlashAttribute("savedSection", section.path());
                redirect.addFlashAttribute("savedAt", at);
                redirect.addFlashAttribute("savedVersion", saved);
                return "redirect:/applications/" + id + "#section-" + section.path();
            }
            response.setHeader("HX-Trigger", "saved");
            model.addAttribute("version", saved);
            model.addAttribute("savedAt", at);
            model.addAttribute("budgetSums", section == SectionName.BUDGET ? BudgetSums.of(body) : null);
            model.addAttribute("title", section == SectionName.BASICS && body.hasNonNull("title")
                    ? body.get("title").asString() : null);
            return "application/fragments :: saved";
        } catch (SectionConflictException e) {
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            model.addAttribute("conflict", new Conflict(e.savedBy(), e.currentVersion(), readable.lines(e.current())));
            return fragment ? "application/fragments :: conflict"
                    : page(user, id, section, body, e.currentVersion(), model, locale);
        } catch (FieldViolationException e) {
            response.setStatus(422);
            model.addAttribute("fieldErrors", e.violations().stream().map(v -> new ReadableJson.Line(readable.label(v.field()),
                    messages.getMessage(v.messageKey(), v.arguments(), v.messageKey(), locale))).toList());
            return fragment ? "application/fragments :: errors" : page(user, id, section, body, from, model, locale);
        } catch (org.springframework.dao.ConcurrencyFailureException e) {
            // The application's row stayed locked by another save for longer than the database waits: nothing was
            // written; the editor keeps the change and sends it again.
            response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            response.setHeader("Retry-After", "2");
            model.addAttribute("stateError", messages.getMessage("editor.busy", null, locale));
            return fragment ? "application/fragments :: stateError" : page(user, id, section, body, from, model, locale);
        } catch (StateConflictException e) {
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            model.addAttribute("stateError", messages.getMessage(e.messageKey(), e.arguments(), e.messageKey(), locale));
            return fragment ? "application/fragments :: stateError" : page(user, id, section, body, from, model, locale);
        }
    }

    /** The editor again, this section as submitted and with what stopped it in its status line. */
    private String page(SilkGrantUser user, Long id, SectionName section, JsonNode submitted, Long version, Model model,
            Locale locale) {
        ApplicationView application = applications.get(user, id);
        editor.fill(model, application, user, locale,
                new EditorModel.Retry(section, submitted, version == null ? application.version() : version));
        model.addAttribute("retrySection", section.path());
        return "application/editor";
    }

    /**
     * The team form does not show ID numbers (personal data, shown masked elsewhere); a member saved with one keeps
     * it when the form is saved again.
     */
    private static void keepIdNumbers(ObjectNode team, ApplicationView current) {
        JsonNode saved = current.sections().get(SectionName.TEAM.path());
        if (saved == null || !saved.path("members").isArray()) {
            return;
        }
        Map<String, String> byName = new HashMap<>();
        for (JsonNode member : saved.get("members")) {
            if (member.hasNonNull("fullName") && member.hasNonNull("idNumber") && !member.get("idNumber").asString().isBlank()) {
                byName.putIfAbsent(member.get("fullName").asString(), member.get("idNumber").asString());
            }
        }
        for (JsonNode member : team.path("members")) {
            if (member instanceof ObjectNode row && row.hasNonNull("fullName")
                    && byName.containsKey(row.get("fullName").asString())) {
                row.put("idNumber", byName.get(row.get("fullName").asString()));
            }
        }
    }

    private static Long number(String version) {
        if (version == null || version.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(version.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
