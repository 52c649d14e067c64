package org.silkgrant.application.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.silkgrant.application.AttachmentView;
import org.silkgrant.application.SectionName;
import org.silkgrant.application.SubmissionPreview;
import org.silkgrant.call.CallDefinition;
import org.springframework.context.MessageSource;

import tools.jackson.databind.JsonNode;

/**
 * The confirmation page's lines: each section in a few words (how many members, partners, lines; how many of its
 * fields are filled; the ethics answers) with when it was last saved, and each attachment with its size.
 */
final class SubmissionSummary {

    private static final List<String> ETHICS_TRIGGERS = List.of("humanSubjects", "humanGeneticResources",
            "laboratoryAnimals");

    /** One section as the confirmation lists it. */
    record SectionRow(String name, boolean saved, String summary, String savedAt) {
    }

    /** One attachment as the confirmation lists it. */
    record FileRow(Long id, String kind, String fileName, String size, String sha256, String sm3) {
    }

    private final MessageSource messages;
    private final Locale locale;
    private final Map<String, String> kindTitles;

    SubmissionSummary(MessageSource messages, Locale locale, CallDefinition call) {
        this.messages = messages;
        this.locale = locale;
        this.kindTitles = call.attachmentKinds().stream()
                .collect(Collectors.toMap(CallDefinition.AttachmentKind::code, k -> k.title().in(locale), (a, b) -> a));
    }

    SectionRow section(SubmissionPreview.SectionState state) {
        if (state == null || !state.saved()) {
            return new SectionRow(state == null ? null : state.name(), false, message("submitConfirm.summary.none"), "—");
        }
        JsonNode c = state.content();
        String summary = switch (SectionName.of(state.name()).orElseThrow()) {
            case TEAM -> message("submitConfirm.summary.team", rows(c, "members"));
            case PARTNERS -> message("submitConfirm.summary.partners", rows(c, "partners"),
                    c.path("partners").values().stream().mapToInt(p -> rows(p, "people")).sum());
            case CO_APPLICANTS -> message("submitConfirm.summary.coApplicants", rows(c, "organizations"));
            case INDICATORS -> message("submitConfirm.summary.indicators", rows(c, "indicators"));
            case BUDGET -> message("submitConfirm.summary.budget", money(c.path("fiscal")), money(c.path("selfRaised")),
                    rows(c, "lines"));
            case ETHICS -> message("submitConfirm.summary.ethics",
                    ETHICS_TRIGGERS.stream().filter(t -> c.path(t).isBoolean()).count(), ETHICS_TRIGGERS.size(),
                    ETHICS_TRIGGERS.stream().filter(t -> c.path(t).asBoolean(false)).count());
            case BASICS -> message("submitConfirm.summary.basics", text(c.path("title")), text(c.path("scope")),
                    text(c.path("startDate")), text(c.path("endDate")));
            case NARRATIVE, AGREEMENT -> {
                List<String> fields = SectionForm.fieldNames(SectionName.of(state.name()).orElseThrow());
                yield message("submitConfirm.summary.fields",
                        fields.stream().filter(f -> !c.path(f).asString("").isBlank()).count(), fields.size());
            }
        };
        String savedAt = state.savedAt() == null ? "—"
                : EditorModel.DATE_TIME.format(state.savedAt().atZone(EditorModel.BEIJING));
        return new SectionRow(state.name(), true, summary, savedAt);
    }

    FileRow file(AttachmentView file) {
        return new FileRow(file.id(), kindTitles.getOrDefault(file.kind(), file.kind()), file.fileName(), size(file.size()),
                file.sha256(), file.sm3());
    }

    /** Bytes in the page's language: "980 B", "12.3 KB", "4.1 MB" (КБ, МБ in Russian). */
    String size(long bytes) {
        if (bytes < 1024) {
            return message("submitConfirm.bytes", bytes);
        }
        if (bytes < 1024 * 1024) {
            return message("submitConfirm.kilobytes", oneDecimal(bytes, 1024));
        }
        return message("submitConfirm.megabytes", oneDecimal(bytes, 1024L * 1024));
    }

    private static String oneDecimal(long bytes, long unit) {
        return BigDecimal.valueOf(bytes).divide(BigDecimal.valueOf(unit), 1, RoundingMode.HALF_UP).toPlainString();
    }

    private static int rows(JsonNode node, String field) {
        return node.path(field).isArray() ? node.path(field).size() : 0;
    }

    /** An amount in 万元 with two decimals, or a dash; it is already exact text in the section. */
    private static String money(JsonNode amount) {
        if (amount == null || amount.isNull() || amount.isMissingNode() || amount.asString("").isBlank()) {
            return "—";
        }
        try {
            return new BigDecimal(amount.asString()).setScale(2, RoundingMode.HALF_UP).toPlainString();
        } catch (NumberFormatException e) {
            return amount.asString();
        }
    }

    private static String text(JsonNode value) {
        return value == null || value.isNull() || value.asString("").isBlank() ? "—" : value.asString();
    }

    private String message(String key, Object... arguments) {
        return messages.getMessage(key, arguments, key, locale);
    }
}
