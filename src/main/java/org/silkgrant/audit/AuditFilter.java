package org.silkgrant.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.silkgrant.shared.StrictJson;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * What the audit admin looks for: a free search in action or actor ({@code q}), the exact actor, action, target
 * type and id, outcome, and a range of days in Beijing time ({@code from} and {@code to} both included). Blank
 * means any.
 */
public record AuditFilter(String q, String actor, String action, String targetType, String targetId, String outcome,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {

    /** Dates are entered and shown in Beijing time; the record keeps UTC instants. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    public AuditFilter {
        q = blankToNull(q);
        actor = blankToNull(actor);
        action = upper(blankToNull(action));
        targetType = upper(blankToNull(targetType));
        targetId = blankToNull(targetId);
        outcome = upper(blankToNull(outcome));
        // No record is older than 1900 or younger than 2200: a day beyond is the same filter, and stays computable.
        from = bounded(from);
        to = bounded(to);
    }

    private static LocalDate bounded(LocalDate day) {
        if (day == null) {
            return null;
        }
        LocalDate first = LocalDate.of(StrictJson.MIN_YEAR, 1, 1);
        LocalDate last = LocalDate.of(StrictJson.MAX_YEAR, 12, 31);
        return day.isBefore(first) ? first : day.isAfter(last) ? last : day;
    }

    /** No filter: the whole record. */
    public static AuditFilter none() {
        return new AuditFilter(null, null, null, null, null, null, null, null);
    }

    /** Only the free search, as the first version of the page had it. */
    public static AuditFilter search(String q) {
        return new AuditFilter(q, null, null, null, null, null, null, null);
    }

    /** The first instant included, or null. */
    public Instant fromInstant() {
        return from == null ? null : from.atStartOfDay(ZONE).toInstant();
    }

    /** The first instant no longer included (the start of the day after {@code to}), or null. */
    public Instant toExclusive() {
        return to == null ? null : to.plusDays(1).atStartOfDay(ZONE).toInstant();
    }

    /** The filter's set fields, by request parameter name, in a fixed order (for links and the audit detail). */
    public Map<String, String> parameters() {
        Map<String, String> parameters = new LinkedHashMap<>();
        put(parameters, "q", q);
        put(parameters, "actor", actor);
        put(parameters, "action", action);
        put(parameters, "targetType", targetType);
        put(parameters, "targetId", targetId);
        put(parameters, "outcome", outcome);
        put(parameters, "from", from == null ? null : from.toString());
        put(parameters, "to", to == null ? null : to.toString());
        return parameters;
    }

    private static void put(Map<String, String> parameters, String name, String value) {
        if (value != null) {
            parameters.put(name, value);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String upper(String value) {
        return value == null ? null : value.toUpperCase(Locale.ROOT);
    }
}
