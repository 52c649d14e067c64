package org.silkgrant.application.web;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.silkgrant.application.SectionName;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The fields of one section's form turned into the section's JSON (API.md). Field names are the JSON paths, rows
 * included ({@code members[0].fullName}, {@code partners[1].people[0].email}); a row left entirely empty is
 * dropped, an empty field is {@code null}, and values are passed on as typed, so a malformed date or amount is
 * named by the module's own validation rather than guessed at here. Amounts stay text: never floating point.
 */
final class SectionForm {

    /** How one form field becomes JSON. */
    private enum Kind {
        /** Text, stripped; blank is null. */
        TEXT,
        /** Comma-separated words (Chinese and Latin separators) as an array. */
        KEYWORDS,
        /** A yes/no question as two radio buttons: "true" or "false", and nothing chosen (absent, blank) is null. */
        ANSWER,
        /** A whole number; anything else is passed on as text for the module to refuse. */
        COUNT,
        /** Repeated rows, each with its own fields. */
        ROWS
    }

    /** One field: its kind and, for rows, the fields of a row. */
    private record Field(Kind kind, Map<String, Field> rowFields) {
    }

    private static final Field TEXT = new Field(Kind.TEXT, Map.of());
    private static final Field KEYWORDS = new Field(Kind.KEYWORDS, Map.of());
    private static final Field ANSWER = new Field(Kind.ANSWER, Map.of());
    private static final Field COUNT = new Field(Kind.COUNT, Map.of());

    private static Field rows(Map<String, Field> fields) {
        return new Field(Kind.ROWS, fields);
    }

    private static final Pattern KEYWORD_SEPARATORS = Pattern.compile("[,，、;；\\n]+");
    private static final Pattern WHOLE_NUMBER = Pattern.compile("-?\\d{1,9}");

    private static final Map<SectionName, Map<String, Field>> FIELDS = Map.of(
            SectionName.BASICS, fields("title", TEXT, "category", TEXT, "scope", TEXT, "field", TEXT, "platformType", TEXT,
                    "portPark", TEXT, "previousProjectNumber", TEXT, "startDate", TEXT, "endDate", TEXT,
                    "keywords", KEYWORDS, "summary", TEXT, "recommendingDepartment", TEXT),
            SectionName.NARRATIVE, texts("objectives", "rationale", "content", "channels", "responsibilities", "plan",
                    "expectedResults"),
            SectionName.TEAM, fields("members", rows(texts("fullName", "role", "title", "organization", "email"))),
            SectionName.PARTNERS, fields("partners", rows(fields("country", TEXT, "regionCode", TEXT, "name", TEXT,
                    "address", TEXT, "people", rows(texts("fullName", "position", "role", "email"))))),
            SectionName.CO_APPLICANTS, fields("organizations", rows(texts("name", "creditCode", "province", "role"))),
            SectionName.BUDGET, fields("fiscal", TEXT, "selfRaised", TEXT,
                    "lines", rows(texts("category", "source", "amount", "note"))),
            SectionName.INDICATORS, fields("indicators", rows(fields("kind", TEXT, "description", TEXT,
                    "quantity", COUNT, "unit", TEXT))),
            SectionName.ETHICS, fields("humanSubjects", ANSWER, "humanGeneticResources", ANSWER,
                    "laboratoryAnimals", ANSWER, "hgrProcedure", TEXT),
            SectionName.AGREEMENT, texts("scienceInput", "divisionOfWork", "ipOwnership", "resultsOwnership"));

    private SectionForm() {
    }

    /** The section's JSON from the request parameters (anything not a field of the section is ignored). */
    static ObjectNode read(SectionName section, Map<String, String[]> parameters) {
        return object(FIELDS.get(section), "", parameters);
    }

    private static ObjectNode object(Map<String, Field> fields, String prefix, Map<String, String[]> parameters) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        fields.forEach((name, field) -> {
            String key = prefix + name;
            switch (field.kind()) {
                case TEXT -> node.put(name, text(parameters, key));
                case KEYWORDS -> {
                    ArrayNode words = node.putArray(name);
                    String value = text(parameters, key);
                    if (value != null) {
                        Arrays.stream(KEYWORD_SEPARATORS.split(value)).map(String::strip).filter(w -> !w.isEmpty())
                                .distinct().forEach(words::add);
                    }
                }
                case ANSWER -> {
                    String value = text(parameters, key);
                    if (value == null) {
                        node.putNull(name);
                    } else if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
                        node.put(name, Boolean.parseBoolean(value));
                    } else {
                        // Neither answer: passed on for the module to refuse as a value of the wrong form.
                        node.put(name, value);
                    }
                }
                case COUNT -> {
                    String value = text(parameters, key);
                    if (value == null) {
                        node.putNull(name);
                    } else if (WHOLE_NUMBER.matcher(value).matches()) {
                        node.put(name, Integer.parseInt(value));
                    } else {
                        node.put(name, value);
                    }
                }
                case ROWS -> {
                    ArrayNode rows = node.putArray(name);
                    for (int index : indices(parameters, key)) {
                        ObjectNode row = object(field.rowFields(), key + "[" + index + "].", parameters);
                        if (!blank(row)) {
                            rows.add(row);
                        }
                    }
                }
            }
        });
        return node;
    }

    /** The row numbers present for {@code key}, in order; gaps (a row removed without renumbering) are closed. */
    private static TreeSet<Integer> indices(Map<String, String[]> parameters, String key) {
        Pattern row = Pattern.compile(Pattern.quote(key) + "\\[(\\d{1,4})]\\..+");
        TreeSet<Integer> indices = new TreeSet<>();
        for (String name : parameters.keySet()) {
            Matcher m = row.matcher(name);
            if (m.matches()) {
                indices.add(Integer.parseInt(m.group(1)));
            }
        }
        return indices;
    }

    private static String text(Map<String, String[]> parameters, String key) {
        String[] values = parameters.get(key);
        if (values == null || values.length == 0 || values[0] == null) {
            return null;
        }
        String value = values[0].replace("\r\n", "\n").strip();
        return value.isEmpty() ? null : value;
    }

    /** Nothing written in the row: only nulls, false and empty rows below it. */
    private static boolean blank(JsonNode node) {
        if (node == null || node.isNull()) {
            return true;
        }
        if (node.isBoolean()) {
            return !node.booleanValue();
        }
        if (node.isContainer()) {
            return node.values().stream().allMatch(SectionForm::blank);
        }
        return false;
    }

    private static Map<String, Field> texts(String... names) {
        Map<String, Field> fields = new LinkedHashMap<>();
        for (String name : names) {
            fields.put(name, TEXT);
        }
        return fields;
    }

    private static Map<String, Field> fields(Object... namesAndFields) {
        Map<String, Field> fields = new LinkedHashMap<>();
        for (int i = 0; i < namesAndFields.length; i += 2) {
            fields.put((String) namesAndFields[i], (Field) namesAndFields[i + 1]);
        }
        return fields;
    }

    /** The names of a section's fields (for its read-only rendering and for labels). */
    static List<String> fieldNames(SectionName section) {
        return List.copyOf(FIELDS.get(section).keySet());
    }
}
