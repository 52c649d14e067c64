package org.silkgrant.application;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;

/**
 * The field-by-field difference between two versions of an application: both are flattened to value paths
 * ({@code budget.lines[2].amount}, {@code attachments[0].fileName}) and compared path by path.
 */
public final class VersionDiff {

    /** One value that is new, gone or changed; {@code before}/{@code after} null when absent on that side. */
    public record Change(String section, String path, String before, String after) {

        public Kind kind() {
            return before == null ? Kind.ADDED : after == null ? Kind.REMOVED : Kind.CHANGED;
        }
    }

    public enum Kind { ADDED, REMOVED, CHANGED }

    private VersionDiff() {
    }

    static List<Change> between(JsonNode sectionsBefore, JsonNode sectionsAfter, JsonNode filesBefore,
            JsonNode filesAfter) {
        Map<String, String> before = new LinkedHashMap<>();
        Map<String, String> after = new LinkedHashMap<>();
        flatten(sectionsBefore, "", before);
        flatten(sectionsAfter, "", after);
        flatten(filesBefore, "attachments", before);
        flatten(filesAfter, "attachments", after);
        // Upload time, uploader and id of a file do not change what the application says.
        before.keySet().removeIf(VersionDiff::bookkeeping);
        after.keySet().removeIf(VersionDiff::bookkeeping);
        Set<String> paths = new LinkedHashSet<>(before.keySet());
        paths.addAll(after.keySet());
        List<Change> changes = new ArrayList<>();
        for (String path : paths) {
            String b = before.get(path);
            String a = after.get(path);
            if (b == null ? a != null : !b.equals(a)) {
                int dot = path.indexOf('.');
                int bracket = path.indexOf('[');
                int end = dot < 0 ? bracket : bracket < 0 ? dot : Math.min(dot, bracket);
                changes.add(new Change(end < 0 ? path : path.substring(0, end), path, b, a));
            }
        }
        return changes;
    }

    private static boolean bookkeeping(String path) {
        return path.startsWith("attachments[") && (path.endsWith(".id") || path.endsWith(".uploadedAt")
                || path.endsWith(".uploadedBy"));
    }

    private static void flatten(JsonNode node, String path, Map<String, String> out) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return;
        }
        if (node.isObject()) {
            for (String name : node.propertyNames()) {
                flatten(node.get(name), path.isEmpty() ? name : path + "." + name, out);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                flatten(node.get(i), path + "[" + i + "]", out);
            }
        } else {
            String value = node.isString() ? node.asString() : node.toString();
            if (!value.isEmpty()) {
                out.put(path, value);
            }
        }
    }
}
