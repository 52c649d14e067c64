package org.silkgrant.application.web;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.silkgrant.account.Role;
import org.silkgrant.account.SilkGrantUser;
import org.silkgrant.application.Action;
import org.silkgrant.application.ApplicationManagement;
import org.silkgrant.application.ApplicationPdf;
import org.silkgrant.application.ApplicationRouting;
import org.silkgrant.application.ApplicationStatus;
import org.silkgrant.application.SectionName;
import org.silkgrant.application.VersionDiff;
import org.silkgrant.call.CallView;
import org.silkgrant.document.FileStore;
import org.silkgrant.shared.FieldViolationException;
import org.silkgrant.shared.TranslatedException;
import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The pages of the application's way: the queue of what waits for the user, the steps taken from the application's
 * page (approve, return, recommend, accept, refuse, withdraw, extend), a submitted version's PDF, and the
 * difference between versions.
 */
@Controller
class RoutingPageController {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    private final ApplicationRouting routing;
    private final ApplicationManagement applications;
    private final ApplicationPdf pdf;
    private final MessageSource messages;
    private final org.silkgrant.application.PdfQueue queue;
    private final org.silkgrant.application.OfficeTable officeTable;
    private final org.silkgrant.call.CallManagement calls;

    RoutingPageController(ApplicationRouting routing, ApplicationManagement applications, ApplicationPdf pdf,
            MessageSource messages, org.silkgrant.application.PdfQueue queue,
            org.silkgrant.application.OfficeTable officeTable, org.silkgrant.call.CallManagement calls) {
        this.queue = queue;
        this.officeTable = officeTable;
        this.calls = calls;
        this.routing = routing;
        this.applications = applications;
        this.pdf = pdf;
        this.messages = messages;
    }

    @GetMapping("/queue")
    @PreAuthorize("hasAnyRole('ORG_ADMIN', 'RECOMMENDER', 'PROGRAM_OFFICER')")
    String queue(@AuthenticationPrincipal SilkGrantUser user, Model model) {
        List<ApplicationRouting.QueueRow> rows = routing.queue(user);
        model.addAttribute("rows", rows);
        model.addAttribute("zone", BEIJING);
        return "application/queue";
    }

    /** The dashboard's panel of what waits for the user: how many, the nearest deadline, the latest steps taken. */
    @GetMapping("/queue/panel")
    @PreAuthorize("hasAnyRole('ORG_ADMIN', 'RECOMMENDER', 'PROGRAM_OFFICER')")
    String queuePanel(@AuthenticationPrincipal SilkGrantUser user, Model model) {
        List<ApplicationRouting.QueueRow> rows = routing.queue(user);
        model.addAttribute("count", rows.size());
        model.addAttribute("nearest", rows.stream().map(ApplicationRouting.QueueRow::deadline)
                .filter(java.util.Objects::nonNull).min(Instant::compareTo).orElse(null));
        model.addAttribute("recent", routing.recentSteps(user));
        model.addAttribute("callCounts", user.hasRole(Role.PROGRAM_OFFICER)
                ? calls.calls().stream().collect(java.util.stream.Collectors.toMap(CallView::code,
                        c -> officeTable.counts(c.code()), (a, b) -> a, LinkedHashMap::new))
                : Map.of());
        model.addAttribute("zone", BEIJING);
        return "application/queue :: panel";
    }

    @PostMapping("/applications/{id}/transitions")
    String transition(@AuthenticationPrincipal SilkGrantUser user, @PathVariable Long id,
            @RequestParam(required = false) String action, @RequestParam(required = false) String comment,
            @RequestParam Map<String, String> form, RedirectAttributes redirect, Locale locale) {
        try {
            Action chosen = action(action);
            Map<String, String> sectionComments = new LinkedHashMap<>();
            Map<String, Boolean> review = new LinkedHashMap<>();
            form.forEach((name, value) -> {
                if (name.startsWith("section.")) {
                    sectionComments.put(name.substring("section.".length()), value);
                } else if (name.startsWith("review.")) {
                    review.put(name.substring("review.".length()), "on".equals(value) || "true".equals(value));
                }
            });
            Instant until = null;
            if (chosen == Action.EXTEND) {
                String text = form.get("extendedUntil");
                if (text == null || text.isBlank()) {
                    throw new FieldViolationException("extendedUntil", "REQUIRED", "application.extension.REQUIRED");
                }
                until = beijing(text);
            }
            if (chosen == Action.ACCEPT) {
                // On the page the office confirms every item of the formal review before accepting.
                CallView call = routing.callOf(user, id);
                for (var item : call.definition().routing().formalReviewItems()) {
                    if (!Boolean.TRUE.equals(review.get(item.code()))) {
                        throw new FieldViolationException("review." + item.code(), "REQUIRED",
                                "routing.formalReview.incomplete", item.title().in(locale));
                    }
                }
            }
            routing.transition(user, id, new ApplicationRouting.Request(chosen, comment, sectionComments, review, until));
            redirect.addFlashAttribute("routingNotice", messages.getMessage("routing.done." + chosen, null, locale));
        } catch (TranslatedException e) {
            redirect.addFlashAttribute("routingError", messages.getMessage(e.messageKey(), e.arguments(), locale));
        } catch (FieldViolationException e) {
            redirect.addFlashAttribute("routingError", String.join("; ", e.violations().stream()
                    .map(v -> messages.getMessage(v.messageKey(), v.arguments(), locale)).toList()));
        }
        String back = form.get("back");
        // Only back to the office's own table (never an address from elsewhere): an open redirect is not offered.
        if (back != null && back.startsWith("/office/calls/") && !back.contains("//") && !back.contains("\\")) {
            return "redirect:" + back;
        }
        return "redirect:/applications/" + id + "#routing";
    }

    /** The action a form button names; an unknown one is the form's error, not a server error. */
    private static Action action(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        try {
            return Action.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new FieldViolationException("action", "UNKNOWN", "routing.badInput");
        }
    }

    /** A date and time entered in Beijing time (datetime-local), as an instant. */
    private static Instant beijing(String text) {
        try {
            return LocalDateTime.parse(text).atZone(BEIJING).toInstant();
        } catch (java.time.format.DateTimeParseException e) {
            throw new FieldViolationException("extendedUntil", "FORMAT", "routing.badInput");
        }
    }

    @GetMapping("/applications/{id}/versions/{number}/pdf")
    java.util.concurrent.CompletableFuture<ResponseEntity<byte[]>> versionPdf(
            @AuthenticationPrincipal SilkGrantUser user, @PathVariable Long id, @PathVariable int number) {
        return queue.submit(() -> pdf.render(user, id, number)).thenApply(rendered -> {
            String disposition = "inline"
                    + FileStore.contentDisposition(rendered.fileName()).substring("attachment".length());
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                    .header(HttpHeaders.CONTENT_DISPOSITION, disposition)
                    .cacheControl(CacheControl.noStore()).body(rendered.pdf());
        });
    }

    @GetMapping("/applications/{id}/diff")
    String diff(@AuthenticationPrincipal SilkGrantUser user, @PathVariable Long id, @RequestParam int from,
            @RequestParam int to, Model model) {
        List<VersionDiff.Change> changes = applications.diff(user, id, from, to);
        model.addAttribute("app", applications.get(user, id));
        model.addAttribute("changes", changes);
        // Each changed field named as the editor names it ("合作外方 1 › 人员 2 › 姓名"), files by their kind.
        Locale locale = org.springframework.context.i18n.LocaleContextHolder.getLocale();
        model.addAttribute("labels", changes.stream().collect(java.util.stream.Collectors.toMap(
                VersionDiff.Change::path, c -> "attachments".equals(c.section()) ? c.path()
                        : new ReadableJson(c.section(), messages, locale).label(c.path()), (a, b) -> a)));
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("versions", applications.versions(user, id));
        return "application/diff";
    }

    /** What the application page shows of the way: position, history, versions, and the forms of the user's steps. */
    static void fill(Model model, ApplicationRouting routing, ApplicationManagement applications, SilkGrantUser user,
            Long id) {
        ApplicationRouting.Position position = routing.position(user, id);
        model.addAttribute("position", position);
        model.addAttribute("history", routing.history(user, id));
        model.addAttribute("submittedVersions", applications.versions(user, id));
        model.addAttribute("routingCall", routing.callOf(user, id));
        model.addAttribute("sectionNames", java.util.Arrays.stream(SectionName.values()).map(SectionName::path).toList());
        model.addAttribute("isOfficer", user.hasRole(Role.PROGRAM_OFFICER));
        model.addAttribute("returned", position.status() == ApplicationStatus.RETURNED);
    }
}
