package org.silkgrant.application.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;

import tools.jackson.databind.JsonNode;

/**
 * A section's JSON as a person reads it: one line per filled-in field, labelled in the page's language
 * ("外方合作单位 1 › 人员 2 › 姓名: …"); also names a field path of a validation error the same way.
 */
final class ReadableJson {

    /** One filled-in value and what it is. */
    record Line(String label, String value) {
    }

    private final String section;
    private final MessageSource messages;
    private final Locale locale;

    ReadableJson(String section, MessageSource messages, Locale locale) {
        this.section = section;
        this.messages = messages;
        this.locale = locale;
    }

    /** The filled-in values of a section's JSON, in its order. */
    List<Line> lines(JsonNode content) {
        List<Line> lines = new ArrayList<>();
        walk(content, "", null, lines);
        return lines;
    }

    private void walk(JsonNode node, String prefix, String rowsName, List<Line> lines) {
        if (node == null || !node.isObject()) {
            return;
        }
        for (Map.Entry<String, JsonNode> property : node.properties()) {
            String name = property.getKey();
            JsonNode value = property.getValue();
            if (value == null || value.isNull()) {
                continue;
            }
            if (value.isArray() && value.values().stream().allMatch(JsonNode::isObject)) {
                int number = 1;
                for (JsonNode row : value) {
                    walk(row, prefix + row(name, number++) + " › ", name, lines);
                }
            } else if (value.isArray()) {
                List<String> words = value.values().stream().map(JsonNode::asString).toList();
                if (!words.isEmpty()) {
                    lines.add(new Line(prefix + field(rowsName, name), String.join(", ", words)));
                }
            } else if (value.isBoolean()) {
                lines.add(new Line(prefix + field(rowsName, name),
                        message(value.booleanValue() ? "editor.yes" : "editor.no")));
            } else if (!value.asString().isBlank()) {
                lines.add(new Line(prefix + field(rowsName, name), value.asString()));
            }
        }
    }

    /**
     * The label of a field path of a validation error, e.g. {@code team.members[1].role} or {@code title}:
     * "成员 2 › 角色"; the section's own name stands for the whole section.
     */
    String label(String path) {
        String rest = path == null ? "" : path;
        if (rest.equals(section)) {
            return message("editor.section." + section);
        }
        if (rest.startsWith(section + ".")) {
            rest = rest.substring(section.length() + 1);
        }
        StringBuilder label = new StringBuilder();
        String rowsName = null;
        String[] segments = rest.split("\\.");
        for (int i = 0; i < segments.length; i++) {
            String segment = segments[i];
            int bracket = segment.indexOf('[');
            if (bracket > 0 && segment.endsWith("]")) {
                String name = segment.substring(0, bracket);
                int number;
                try {
                    number = Integer.parseInt(segment.substring(bracket + 1, segment.length() - 1)) + 1;
                } catch (NumberFormatException e) {
                    number = 0;
                }
                label.append(row(name, number));
                rowsName = name;
            } else {
                label.append(field(rowsName, segment));
            }
            if (i < segments.length - 1) {
                label.append(" › ");
            }
        }
        return label.toString();
    }

    private String row(String rowsName, int number) {
        return messages.getMessage("editor.row." + rowsName, new Object[] {number}, rowsName + " " + number, locale);
    }

    private String field(String rowsName, String name) {
        String key = "people".equals(rowsName) ? "editor.partners.person." + name : "editor." + section + "." + name;
        return messages.getMessage(key, null, name, locale);
    }

    private String message(String key) {
        return messages.getMessage(key, null, key, locale);
    }
}
