package org.silkgrant.call.web;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Locale;
import java.util.stream.Collectors;

import jakarta.validation.constraints.NotNull;

import org.silkgrant.call.CallDefinition;
import org.silkgrant.call.CallManagement;
import org.silkgrant.call.CallView;
import org.silkgrant.shared.FieldViolationException;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The public pages of calls: the home page with open calls, a call's guide in full, and its original text. */
@Controller
class CallPageController {

    private final CallManagement calls;
    private final Clock clock;
    private final MessageSource messages;

    CallPageController(CallManagement calls, Clock clock, MessageSource messages) {
        this.calls = calls;
        this.clock = clock;
        this.messages = messages;
    }

    @GetMapping("/")
    String home(Model model) {
        model.addAttribute("calls", calls.calls().stream().map(this::card).toList());
        return "call/home";
    }

    @GetMapping("/calls/{code}")
    String call(@PathVariable String code, Model model, Locale locale) {
        CallView call = calls.get(code);
        model.addAttribute("sectionClauses", CallDefinition.SECTION_CLAUSES);
        model.addAttribute("countryNames", call.definition().altaiRegions().stream().map(r -> r.country()).distinct()
                .collect(Collectors.toMap(c -> c, c -> new Locale("", c).getDisplayCountry(locale))));
        model.addAttribute("card", card(call));
        model.addAttribute("call", call);
        model.addAttribute("d", call.definition());
        if (!model.containsAttribute("schedule")) {
            model.addAttribute("schedule", ScheduleForm.of(call));
        }
        return "call/call";
    }

    @GetMapping("/calls/{code}/guide")
    String guide(@PathVariable String code, Model model) {
        CallView call = calls.get(code);
        model.addAttribute("call", call);
        model.addAttribute("guideText", calls.guideText(code).orElse(null));
        return "call/guide";
    }

    /**
     * The office's schedule form, in the call's own time zone. Serializable: a refused form goes back to the page as a
     * flash attribute, in the session (in the database with the postgres profile).
     */
    record ScheduleForm(@NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime opensAt,
            @NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime deadline, long version)
            implements java.io.Serializable {

        static ScheduleForm of(CallView call) {
            return new ScheduleForm(
                    call.localOpensAt() == null ? null : call.localOpensAt().toLocalDateTime(),
                    call.localDeadline() == null ? null : call.localDeadline().toLocalDateTime(), call.version());
        }
    }

    @PostMapping("/calls/{code}/schedule")
    @PreAuthorize("hasRole('PROGRAM_OFFICER')")
    String reschedule(@PathVariable String code, @ModelAttribute("schedule") ScheduleForm form,
            RedirectAttributes redirect, Locale locale) {
        CallView call = calls.get(code);
        ZoneId zone = call.definition().timeZone();
        try {
            if (form.opensAt() == null || form.deadline() == null) {
                throw new FieldViolationException(form.opensAt() == null ? "opensAt" : "deadline", "REQUIRED",
                        "call.schedule.required");
            }
            calls.reschedule(code, form.opensAt().atZone(zone).toInstant(), form.deadline().atZone(zone).toInstant(),
                    form.version());
            redirect.addFlashAttribute("notice", messages.getMessage("call.schedule.saved", null, locale));
        } catch (FieldViolationException e) {
            FieldViolationException.Violation v = e.violations().get(0);
            redirect.addFlashAttribute("scheduleError", messages.getMessage(v.messageKey(), v.arguments(), locale));
            redirect.addFlashAttribute("schedule", form);
        } catch (org.springframework.orm.ObjectOptimisticLockingFailureException e) {
            redirect.addFlashAttribute("scheduleError", messages.getMessage("error.versionConflict", null, locale));
        }
        return "redirect:/calls/" + code;
    }

    private CallCard card(CallView call) {
        return new CallCard(call, Countdown.until(call.deadline(), clock.instant()));
    }

    /** A call with the time left to its deadline. */
    record CallCard(CallView call, Countdown countdown) {
    }
}
