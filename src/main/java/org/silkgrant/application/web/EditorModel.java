package org.silkgrant.application.web;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.silkgrant.account.SilkGrantUser;
import org.silkgrant.application.ApplicationContent;
import org.silkgrant.application.ApplicationStatus;
import org.silkgrant.application.ApplicationView;
import org.silkgrant.application.SectionName;
import org.silkgrant.call.CallDefinition;
import org.silkgrant.call.CallManagement;
import org.silkgrant.call.CallView;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What the editor page shows: every section's values (as saved, or as just submitted), the call's lists, versions. */
@Component
class EditorModel {

    /** Beijing time, the time of every page. */
    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** The sections in the order of a Chinese application form (FORM.md). */
    static final List<SectionName> ORDER = List.of(SectionName.BASICS, SectionName.CO_APPLICANTS, SectionName.PARTNERS,
            SectionName.NARRATIVE, SectionName.AGREEMENT, SectionName.INDICATORS, SectionName.BUDGET, SectionName.TEAM,
            SectionName.ETHICS);

    /** The repeated rows of each section that has them. */
    private static final Map<SectionName, String> ROWS = Map.of(SectionName.TEAM, "members", SectionName.PARTNERS,
            "partners", SectionName.CO_APPLICANTS, "organizations", SectionName.BUDGET, "lines", SectionName.INDICATORS,
            "indicators");

    /** A section sent back to the writer as submitted, because it was not saved, and the version its form carries. */
    record Retry(SectionName section, JsonNode submitted, long version) {
    }

    private final CallManagement calls;
    private final JsonMapper json;

    private final org.silkgrant.application.ApplicationRouting routing;
    private final org.silkgrant.application.ApplicationManagement applications;

    private final org.silkgrant.organization.OrganizationManagement organizations;
    private final ChecklistLines lines;

    EditorModel(CallManagement calls, JsonMapper json, org.silkgrant.application.ApplicationRouting routing,
            org.silkgrant.application.ApplicationManagement applications,
            org.silkgrant.organization.OrganizationManagement organizations, ChecklistLines lines) {
        this.lines = lines;
        this.organizations = organizations;
        this.routing = routing;
        this.applications = applications;
        this.calls = calls;
        this.json = json;
    }

    /** Whether this user may change the application now: its leader, while it is a draft or returned. */
    static boolean editable(ApplicationStatus status, Long leaderId, SilkGrantUser user) {
        return ApplicationStatus.EDITABLE.contains(status) && Objects.equals(leaderId, user.id());
    }

    void fill(Model model, ApplicationView application, SilkGrantUser user, Locale locale, Retry retry) {
        CallView call = calls.get(application.callCode());
        CallDefinition d = call.definition();
        boolean editable = editable(application.status(), application.leaderId(), user);
        RoutingPageController.fill(model, routing, applications, user, application.id());
        model.addAttribute("app", application);
        model.addAttribute("call", call);
        model.addAttribute("d", d);
        model.addAttribute("editable", editable);
        model.addAttribute("readOnlyReason", editable ? null
                : Objects.equals(application.leaderId(), user.id()) ? "editor.readOnly.status" : "editor.readOnly.notLeader");
        model.addAttribute("updatedAt", DATE_TIME.format(application.updatedAt().atZone(BEIJING)));
        model.addAttribute("sectionOrder", ORDER.stream().map(SectionName::path).toList());
        model.addAttribute("blank", Map.of());
        model.addAttribute("blankPartner", Map.of("people", List.of(Map.of())));
        model.addAttribute("memberRoles", names(ApplicationContent.MemberRole.values()));
        model.addAttribute("budgetSources", names(ApplicationContent.Source.values()));
        model.addAttribute("indicatorKinds", names(ApplicationContent.IndicatorKind.values()));
        model.addAttribute("hgrProcedures", names(ApplicationContent.HgrProcedure.values()));

        Map<String, Long> versions = new LinkedHashMap<>();
        for (SectionName section : ORDER) {
            JsonNode content = application.sections().get(section.path());
            long version = application.version();
            if (retry != null && retry.section() == section) {
                content = retry.submitted();
                version = retry.version();
            }
            versions.put(section.path(), version);
            Map<String, Object> values = values(content);
            if (ROWS.containsKey(section)) {
                List<Map<String, Object>> rows = rows(values, ROWS.get(section), editable);
                if (section == SectionName.TEAM && editable && content == null) {
                    // A draft from before the team was pre-filled: its first row offered is the account holder as leader.
                    rows.set(0, leaderRow(user, application));
                }
                if (section == SectionName.PARTNERS) {
                    rows.forEach(partner -> rows(partner, "people", editable));
                }
            }
            model.addAttribute(section.path(), values);
            if (section == SectionName.BUDGET) {
                model.addAttribute("budgetSums", BudgetSums.of(content));
            }
            if (section == SectionName.BASICS) {
                Object keywords = values.get("keywords");
                model.addAttribute("keywordsText", keywords instanceof List<?> list
                        ? list.stream().map(String::valueOf).collect(Collectors.joining(", ")) : null);
            }
        }
        model.addAttribute("versions", versions);
        // LEADER_IS_APPLICANT: the team's 项目负责人 is whoever submits, by the name on the account.
        model.addAttribute("accountHolder", editable ? user.fullName() : null);
        model.addAttribute("receipt", applications.receipt(user, application.id()).orElse(null));
        model.addAttribute("kindTitles", d.attachmentKinds().stream().collect(toTitles(CallDefinition.AttachmentKind::code,
                k -> k.title().in(locale))));
        // The submit button is there only when no blocking rule fails; otherwise the reasons are, with their sections.
        model.addAttribute("submitBlockers", editable
                ? lines.blocking(applications.checklist(user, application.id()), application.id(), locale) : List.of());

        model.addAttribute("preferredCountries", Countries.preferred(locale));
        model.addAttribute("otherCountries", Countries.others(locale));
        model.addAttribute("altaiCountries", d.altaiRegions().stream().map(CallDefinition.AltaiRegion::country)
                .distinct().toList());
        Map<String, String> countryNames = new LinkedHashMap<>();
        Countries.preferred(locale).forEach(c -> countryNames.put(c.code(), c.name()));
        Countries.others(locale).forEach(c -> countryNames.put(c.code(), c.name()));

        // Code → title of every list of the call, to show a saved code and to keep a code the call no longer lists.
        Map<String, Map<String, String>> titles = new LinkedHashMap<>();
        titles.put("category", d.categories().stream().collect(toTitles(CallDefinition.Category::code,
                c -> c.title().in(locale))));
        titles.put("scope", d.categories().stream().flatMap(c -> c.scopes().stream())
                .collect(toTitles(CallDefinition.Scope::code, s -> s.code() + " " + s.title().in(locale))));
        titles.put("field", d.fields().stream().collect(toTitles(CallDefinition.Item::code, i -> i.title().in(locale))));
        titles.put("platformType", d.platformTypes().stream().collect(toTitles(CallDefinition.Item::code,
                i -> i.title().in(locale))));
        titles.put("portPark", d.portParks().stream().collect(toTitles(CallDefinition.PortPark::code,
                p -> p.name().in(locale))));
        titles.put("recommendingDepartment", d.recommendingDepartments().stream().collect(toTitles(
                CallDefinition.Department::code, i -> i.title().in(locale))));
        titles.put("budgetCategory", d.budgetCategories().stream().collect(toTitles(CallDefinition.BudgetCategory::code,
                c -> c.title().in(locale))));
        titles.put("altaiRegion", d.altaiRegions().stream().collect(toTitles(CallDefinition.AltaiRegion::code,
                r -> r.code() + " " + r.name().in(locale))));
        titles.put("country", countryNames);
        model.addAttribute("titles", titles);
    }

    /** The team row of the leader as a new application has it: the account holder, in their organisation. */
    private Map<String, Object> leaderRow(SilkGrantUser user, ApplicationView application) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("fullName", user.fullName());
        row.put("role", ApplicationContent.MemberRole.LEADER.name());
        row.put("organization", organizations.find(application.organizationId()).map(o -> o.name()).orElse(null));
        return row;
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }

    private static <T> java.util.stream.Collector<T, ?, Map<String, String>> toTitles(Function<T, String> code,
            Function<T, String> title) {
        return Collectors.toMap(code, title, (a, b) -> a, LinkedHashMap::new);
    }

    /** A section's JSON as nested maps and lists for the template; an unsaved section is an empty map. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> values(JsonNode content) {
        if (content == null || !content.isObject()) {
            return new LinkedHashMap<>();
        }
        return json.treeToValue(content, LinkedHashMap.class);
    }

    /**
     * The rows of a list field, made mutable and put back; an editable empty list gets one blank row to fill in
     * (which also lets a browser without JavaScript add the first row).
     */
    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> rows(Map<String, Object> values, String field, boolean addBlank) {
        List<Map<String, Object>> rows = new ArrayList<>();
        if (values.get(field) instanceof List<?> list) {
            for (Object row : list) {
                if (row instanceof Map<?, ?> map) {
                    rows.add(new LinkedHashMap<>((Map<String, Object>) map));
                }
            }
        }
        if (addBlank && rows.isEmpty()) {
            rows.add(new LinkedHashMap<>());
        }
        values.put(field, rows);
        return rows;
    }
}
