package org.silkgrant.application.web;

import java.util.List;
import java.util.Locale;

import org.silkgrant.application.Checklist;
import org.silkgrant.application.SectionName;
import org.silkgrant.call.CallDefinition;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** The checklist's results as the pages show them: translated, with the clauses named and a link to the fix. */
@Component
class ChecklistLines {

    private final MessageSource messages;

    ChecklistLines(MessageSource messages) {
        this.messages = messages;
    }

    /** One line of the checklist as the page shows it, translated. */
    record Line(String rule, boolean passed, String description, List<String> clauses, CallDefinition.Severity severity,
            String message, String section, String link) {

        boolean blocking() {
            return severity == CallDefinition.Severity.BLOCKING;
        }
    }

    List<Line> all(Checklist checklist, Long id, Locale locale) {
        return checklist.results().stream().map(r -> line(r, id, locale)).toList();
    }

    /** The blocking rules that fail: what stops submission, in the call's order. */
    List<Line> blocking(Checklist checklist, Long id, Locale locale) {
        return checklist.failing().stream().filter(r -> r.severity() == CallDefinition.Severity.BLOCKING)
                .map(r -> line(r, id, locale)).toList();
    }

    /** The warnings that fail: shown, never in the way. */
    List<Line> warnings(Checklist checklist, Long id, Locale locale) {
        return checklist.failing().stream().filter(r -> r.severity() != CallDefinition.Severity.BLOCKING)
                .map(r -> line(r, id, locale)).toList();
    }

    Line line(Checklist.Result result, Long id, Locale locale) {
        List<String> clauses = result.clauses().stream()
                .map(c -> CallDefinition.SECTION_CLAUSES.contains(c) ? messages.getMessage("clause." + c, null, c, locale) : c)
                .toList();
        String section = null;
        String link = null;
        if (result.section() != null && SectionName.of(result.section()).isPresent()) {
            section = result.section();
            link = "/applications/" + id + "#section-" + section;
        } else if ("attachments".equals(result.section())) {
            section = "attachments";
            link = "/applications/" + id + "#section-attachments";
        } else if ("organization".equals(result.section())) {
            section = "organization";
            link = "/dashboard";
        }
        return new Line(result.rule(), result.passed(),
                messages.getMessage("rule." + result.rule(), null, result.rule(), locale), clauses, result.severity(),
                messages.getMessage(result.messageKey(), result.arguments().toArray(), result.messageKey(), locale),
                section, link);
    }
}
