package org.silkgrant.audit.web;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.silkgrant.audit.AuditFilter;
import org.silkgrant.audit.AuditLog;
import org.silkgrant.audit.AuditRecord;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/**
 * Streams the records a filter matches as CSV (RFC 4180), oldest first: UTF-8 with a byte order mark so that Excel
 * reads Chinese, times in Beijing time, and every cell that a spreadsheet would take for a formula defused.
 */
@Component
class AuditCsv {

    static final String CONTENT_TYPE = "text/csv;charset=UTF-8";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(AuditFilter.ZONE);
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmm")
            .withZone(AuditFilter.ZONE);
    private static final List<String> COLUMNS = List.of("seq", "id", "time", "actor", "role", "action", "targetType",
            "targetId", "address", "outcome", "detail", "previousHash", "hash");

    private final AuditLog log;
    private final MessageSource messages;
    private final Clock clock;

    AuditCsv(AuditLog log, MessageSource messages, Clock clock) {
        this.log = log;
        this.messages = messages;
        this.clock = clock;
    }

    /** Writes the export as the response, on behalf of {@code actor}. */
    void write(AuditFilter filter, String actor, HttpServletRequest request, HttpServletResponse response,
            Locale locale) throws IOException {
        response.setContentType(CONTENT_TYPE);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename("audit-events-" + FILE_TIME.format(clock.instant()) + ".csv").build().toString());
        Writer out = new BufferedWriter(new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8));
        out.write('\uFEFF');
        line(out, COLUMNS.stream().map(column -> messages.getMessage("audit.csv." + column, null, locale)).toList());
        try {
            log.export(filter, actor, request.getRemoteAddr(), record -> line(out, row(record)));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        out.flush();
    }

    private static List<String> row(AuditRecord r) {
        return java.util.Arrays.asList(r.seq() == null ? null : r.seq().toString(), r.id().toString(),
                r.at() == null ? null : TIME.format(r.at()), r.actor(), r.role(), r.action(), r.targetType(),
                r.targetId(), r.clientAddress(), r.outcome(), r.detail(), r.previousHash(), r.hash());
    }

    private static void line(Writer out, List<String> cells) {
        try {
            for (int i = 0; i < cells.size(); i++) {
                if (i > 0) {
                    out.write(',');
                }
                out.write(cell(cells.get(i)));
            }
            out.write("\r\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One cell: a leading apostrophe where a spreadsheet would see a formula, quoted where RFC 4180 needs it. */
    static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String text = "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }
}
