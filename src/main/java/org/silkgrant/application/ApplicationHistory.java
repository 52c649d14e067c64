package org.silkgrant.application;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.silkgrant.account.Role;
import org.silkgrant.account.SilkGrantUser;
import org.silkgrant.shared.ClientAddress;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Writes each step of an application's history and announces it, in the transaction of the step. */
@Component
class ApplicationHistory {

    private final TransitionRepository transitions;
    private final ApplicationEventPublisher events;
    private final JsonMapper json;

    ApplicationHistory(TransitionRepository transitions, ApplicationEventPublisher events, JsonMapper json) {
        this.transitions = transitions;
        this.events = events;
        this.json = json;
    }

    /**
     * Records that {@code user}, acting as {@code role}, did {@code action} to the application (already moved to its
     * new state) and publishes {@link ApplicationTransitioned}.
     *
     * @param deadline for an extension the new date; otherwise the deadline of the next step, when there is one
     */
    void record(Application application, SilkGrantUser user, Role role, Action action, ApplicationStatus from,
            String comment, Map<String, String> sectionComments, Map<String, Boolean> formalReview, Instant now,
            Instant deadline) {
        ObjectNode details = json.createObjectNode();
        if (sectionComments != null && !sectionComments.isEmpty()) {
            details.set("sections", json.valueToTree(sectionComments));
        }
        if (formalReview != null && !formalReview.isEmpty()) {
            details.set("formalReview", json.valueToTree(formalReview));
        }
        if (action == Action.EXTEND && deadline != null) {
            details.put("extendedUntil", deadline.toString());
        }
        int version = application.submittedVersions();
        transitions.save(new Transition(application.id(), now, user.getUsername(), user.fullName(), role.name(), action,
                from, application.status(), comment, details.isEmpty() ? null : json.writeValueAsString(details),
                version));
        events.publishEvent(new ApplicationTransitioned(application.id(), application.callCode(), application.title(),
                application.organizationId(), application.leaderId(), application.recommendingDepartment(), action,
                from, application.status(), user.getUsername(), user.fullName(), role.name(), comment,
                sectionComments == null ? Map.of() : Map.copyOf(sectionComments), version,
                application.receiptNumber(), deadline, now, ClientAddress.current()));
    }

    List<HistoryEntry> of(Long applicationId) {
        return transitions.findByApplicationIdOrderById(applicationId).stream().map(this::entry).toList();
    }

    private HistoryEntry entry(Transition t) {
        Map<String, String> sections = new LinkedHashMap<>();
        Map<String, Boolean> review = new LinkedHashMap<>();
        Instant extendedUntil = null;
        if (t.details() != null) {
            JsonNode details = json.readTree(t.details());
            if (details.has("sections")) {
                sections = json.convertValue(details.get("sections"), new TypeReference<LinkedHashMap<String, String>>() { });
            }
            if (details.has("formalReview")) {
                review = json.convertValue(details.get("formalReview"), new TypeReference<LinkedHashMap<String, Boolean>>() { });
            }
            if (details.has("extendedUntil")) {
                extendedUntil = Instant.parse(details.get("extendedUntil").asString());
            }
        }
        return new HistoryEntry(t.at(), t.actor(), t.actorName(), t.role(), t.action(), t.fromStatus(), t.toStatus(),
                t.comment(), sections, review, t.versionNumber(), extendedUntil);
    }
}
