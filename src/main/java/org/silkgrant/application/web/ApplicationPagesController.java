package org.silkgrant.application.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.silkgrant.account.Role;
import org.silkgrant.account.SilkGrantUser;
import org.silkgrant.application.ApplicationManagement;
import org.silkgrant.application.ApplicationStatus;
import org.silkgrant.application.ApplicationView;
import org.silkgrant.application.Checklist;
import org.silkgrant.call.CallDefinition;
import org.silkgrant.call.CallManagement;
import org.silkgrant.call.CallStatus;
import org.silkgrant.call.CallView;
import org.silkgrant.shared.FieldViolationException;
import org.silkgrant.shared.NotFoundException;
import org.silkgrant.shared.StateConflictException;
import org.silkgrant.shared.TranslatedException;
import org.silkgrant.shared.web.FormErrors;
import org.springframework.context.MessageSource;
import org.springframework.data.domain.Page;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The applicant's pages of applications: the list with a form to start one, the editor (section by section, with
 * the live checklist beside it), and the checklist itself. Saving a section is {@link SectionFormController}.
 */
@Controller
@RequestMapping("/applications")
@PreAuthorize("hasAnyRole('APPLICANT', 'ORG_ADMIN', 'RECOMMENDER', 'PROGRAM_OFFICER', 'EXPERT')")
class ApplicationPagesController {

    private static final int PAGE_SIZE = 20;
    private static final int PANEL_SIZE = 5;

    private final ApplicationManagement applications;
    private final CallManagement calls;
    private final EditorModel editor;
    private final MessageSource messages;
    private final org.silkgrant.application.ApplicationRouting routing;
    private final ChecklistLines lines;

    ApplicationPagesController(ApplicationManagement applications, CallManagement calls, EditorModel editor,
            MessageSource messages, org.silkgrant.application.ApplicationRouting routing, ChecklistLines lines) {
        this.lines = lines;
        this.routing = routing;
        this.applications = applications;
        this.calls = calls;
        this.editor = editor;
        this.messages = messages;
    }

    /** The "new application" form. */
    record NewApplicationForm(String callCode, String title) {
    }

    /** One application in the list. */
    record Row(Long id, String title, String callCode, String call, ApplicationStatus status, String updatedAt,
            org.silkgrant.account.Role holder, java.time.Instant deadline) {
    }

    /** An open call to choose when starting an application. */
    record CallOption(String code, String title, String shortTitle, int titleMaxLength) {
    }

    @GetMapping
    String list(@AuthenticationPrincipal SilkGrantUser user, @RequestParam(defaultValue = "0") int page, Model model,
            Locale locale) {
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new NewApplicationForm(null, null));
        }
        Page<ApplicationView> found = applications.list(user, null, null, page, PAGE_SIZE);
        model.addAttribute("page", found);
        model.addAttribute("rows", found.getContent().stream().map(a -> row(user, a, locale)).toList());
        model.addAttribute("openCalls", calls.calls().stream().filter(c -> c.status() == CallStatus.OPEN)
                .map(c -> new CallOption(c.code(), c.definition().title().in(locale),
                        (c.definition().shortTitle() != null ? c.definition().shortTitle() : c.definition().title()).in(locale),
                        c.definition().rules().titleMaxLength()))
                .toList());
        model.addAttribute("canCreate", user.hasRole(Role.APPLICANT) && user.organizationId() != null);
        return "application/list";
    }

    /**
     * The dashboard's "my applications" panel, loaded into it by htmx: the latest few, each with its status, and
     * the way to all of them and to a new one.
     */
    @GetMapping("/panel")
    String panel(@AuthenticationPrincipal SilkGrantUser user, Model model, Locale locale) {
        Page<ApplicationView> latest = applications.list(user, null, null, 0, PANEL_SIZE);
        model.addAttribute("rows", latest.getContent().stream().map(a -> row(user, a, locale)).toList());
        model.addAttribute("total", latest.getTotalElements());
        model.addAttribute("canCreate", user.hasRole(Role.APPLICANT) && user.organizationId() != null);
        return "application/panel :: panel";
    }

    @PostMapping
    @PreAuthorize("hasRole('APPLICANT')")
    String create(@AuthenticationPrincipal SilkGrantUser user, @ModelAttribute("form") NewApplicationForm form,
            Model model, Locale locale) {
        try {
            ApplicationView created = applications.create(user, form.callCode(), form.title());
            return "redirect:/applications/" + created.id();
        } catch (FieldViolationException e) {
            model.addAttribute("errors", FormErrors.of(e, messages, locale));
        } catch (NotFoundException | StateConflictException e) {
            // An unknown or closed call is the call field's error; that the user may not start one, the form's.
            String field = e.messageKey().startsWith("application.onlyLeaders") ? "form" : "callCode";
            model.addAttribute("errors", Map.of(field, List.of(translate(e, locale))));
        }
        return list(user, 0, model, locale);
    }

    @GetMapping("/{id}")
    String editor(@AuthenticationPrincipal SilkGrantUser user, @PathVariable Long id, Model model, Locale locale) {
        editor.fill(model, applications.get(user, id), user, locale, null);
        return "application/editor";
    }

    /**
     * The live checklist: a fragment for htmx, a page of its own for a browser without JavaScript. The fragment also
     * brings the editor's submit controls out of band, so the button follows the rules as the leader types.
     */
    @GetMapping("/{id}/checklist")
    String checklist(@AuthenticationPrincipal SilkGrantUser user, @PathVariable Long id,
            @RequestHeader(name = "HX-Request", required = false) String htmx, Model model, Locale locale) {
        ApplicationView application = applications.get(user, id);
        // A submitted version is shown with the checklist it was judged by when it was submitted.
        Checklist checklist = application.submittedVersion() == 0 ? applications.checklist(user, id)
                : applications.checklistOf(user, application);
        model.addAttribute("frozen", application.submittedVersion() > 0);
        model.addAttribute("app", application);
        model.addAttribute("lines", lines.all(checklist, id, locale));
        model.addAttribute("ready", checklist.ready());
        model.addAttribute("blocking", checklist.failing().stream()
                .filter(r -> r.severity() == CallDefinition.Severity.BLOCKING).count());
        boolean editable = EditorModel.editable(application.status(), application.leaderId(), user);
        model.addAttribute("editable", editable);
        if (htmx == null) {
            return "application/checklist";
        }
        if (!editable) {
            return "application/checklist :: checklist";
        }
        model.addAttribute("submitBlockers", lines.blocking(checklist, id, locale));
        return "application/checklist :: live";
    }

    private Row row(SilkGrantUser user, ApplicationView application, Locale locale) {
        String call = calls.find(application.callCode()).map(CallView::definition)
                .map(d -> (d.shortTitle() != null ? d.shortTitle() : d.title()).in(locale))
                .orElse(application.callCode());
        var position = routing.position(user, application.id());
        return new Row(application.id(), application.title(), application.callCode(), call, application.status(),
                EditorModel.DATE_TIME.format(application.updatedAt().atZone(EditorModel.BEIJING)), position.holder(),
                position.deadline());
    }

    private String translate(TranslatedException e, Locale locale) {
        return messages.getMessage(e.messageKey(), e.arguments(), e.messageKey(), locale);
    }
}
