package org.silkgrant.shared;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** The administrative divisions (GB/T 2260) of one region, read from {@code divisions/<prefix>.csv}. */
public final class Divisions {

    private static final String FIELD = "divisionCode";
    private static final String HEADER = "code,name,parent";

    private final String prefix;
    private final Map<String, DivisionCode> byCode;

    private Divisions(String prefix, Map<String, DivisionCode> byCode) {
        this.prefix = prefix;
        this.byCode = Collections.unmodifiableMap(byCode);
    }

    /**
     * Reads the classpath resource {@code divisions/<divisionPrefix>.csv}: UTF-8, header {@code code,name,parent},
     * lines starting with {@code #} ignored, no quoting (names hold no commas).
     *
     * @param divisionPrefix the region's two digits, e.g. {@code "65"}
     * @throws IllegalStateException if the resource is missing or malformed
     */
    public static Divisions load(String divisionPrefix) {
        // The prefix becomes part of a resource path, so only two digits may reach it.
        if (divisionPrefix == null || !divisionPrefix.matches("[0-9]{2}")) {
            throw new IllegalArgumentException("a division prefix has two digits");
        }
        String resource = "/divisions/" + divisionPrefix + ".csv";
        try (InputStream in = Divisions.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("No division list " + resource + " on the classpath");
            }
            return new Divisions(divisionPrefix, read(in, resource, divisionPrefix));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read division list " + resource, e);
        }
    }

    private static Map<String, DivisionCode> read(InputStream in, String resource, String prefix) throws IOException {
        Map<String, DivisionCode> byCode = new LinkedHashMap<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        boolean headerSeen = false;
        int lineNumber = 0;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            lineNumber++;
            // Editors on Windows save UTF-8 with a byte order mark; it must not hide the header or a comment.
            String text = (lineNumber == 1 && line.startsWith("\uFEFF") ? line.substring(1) : line).strip();
            if (text.isEmpty() || text.startsWith("#")) {
                continue;
            }
            if (!headerSeen) {
                if (!text.equals(HEADER)) {
                    throw malformed(resource, lineNumber, "expected the header " + HEADER);
                }
                headerSeen = true;
                continue;
            }
            String[] fields = text.split(",", -1);
            if (fields.length != 3) {
                throw malformed(resource, lineNumber, "expected three fields");
            }
            DivisionCode division;
            try {
                division = new DivisionCode(fields[0].strip(), fields[1].strip(), fields[2].strip());
            } catch (IllegalArgumentException e) {
                throw malformed(resource, lineNumber, e.getMessage());
            }
            if (!division.code().startsWith(prefix)) {
                throw malformed(resource, lineNumber, division.code() + " is outside region " + prefix);
            }
            if (byCode.putIfAbsent(division.code(), division) != null) {
                throw malformed(resource, lineNumber, division.code() + " appears twice");
            }
        }
        if (!headerSeen) {
            throw malformed(resource, lineNumber, "no header " + HEADER);
        }
        // A parent may come later in the file, so references are checked once everything is read.
        for (DivisionCode division : byCode.values()) {
            if (division.parent() != null && !byCode.containsKey(division.parent())) {
                throw new IllegalStateException("Division list " + resource + ": parent " + division.parent()
                        + " of " + division.code() + " is not in the list");
            }
        }
        return byCode;
    }

    private static IllegalStateException malformed(String resource, int lineNumber, String reason) {
        return new IllegalStateException("Division list " + resource + " line " + lineNumber + ": " + reason);
    }

    /** The region's two-digit prefix, e.g. {@code 65}. */
    public String prefix() {
        return prefix;
    }

    public Optional<DivisionCode> find(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(byCode.get(code.strip()));
    }

    /**
     * The division with this code.
     *
     * @throws InvalidIdentifierException with code {@code REQUIRED} when blank, {@code FORMAT} when not six digits,
     *                                    {@code UNKNOWN} when not a current division of this region
     */
    public DivisionCode require(String code) {
        if (code == null || code.isBlank()) {
            throw new InvalidIdentifierException(FIELD, "REQUIRED");
        }
        String value = code.strip();
        if (!value.matches("[0-9]{6}")) {
            throw new InvalidIdentifierException(FIELD, "FORMAT");
        }
        DivisionCode division = byCode.get(value);
        if (division == null) {
            throw new InvalidIdentifierException(FIELD, "UNKNOWN");
        }
        return division;
    }

    /** Every division, in file order: the region, then each prefecture followed by its counties. */
    public List<DivisionCode> all() {
        return List.copyOf(byCode.values());
    }

    /** The prefecture-level divisions, in file order. */
    public List<DivisionCode> prefectures() {
        List<DivisionCode> prefectures = new ArrayList<>();
        for (DivisionCode division : byCode.values()) {
            if (division.isPrefectureLevel()) {
                prefectures.add(division);
            }
        }
        return List.copyOf(prefectures);
    }

    /**
     * Whether an organisation's declared division fits the division in its credit code. An organisation registered
     * with a region-level authority (division part {@code 650000}) may sit anywhere in that region; otherwise the
     * prefecture (first four digits) must match, because counties often register with their prefecture's authority.
     */
    public boolean agrees(DivisionCode division, CreditCode code) {
        Objects.requireNonNull(division, "division");
        Objects.requireNonNull(code, "code");
        String registered = code.divisionCode();
        if (registered.endsWith("0000")) {
            return division.code().startsWith(registered.substring(0, 2));
        }
        String prefecture = registered.substring(0, 4);
        return division.prefecture().equals(FORMER_PREFECTURES.getOrDefault(prefecture, prefecture));
    }

    /**
     * Prefectures renumbered after codes were issued: a credit code keeps the division it was issued with, so
     * Turpan (6521, now 6504, since 2015) and Hami (6522, now 6505, since 2016) still agree with today's divisions.
     */
    private static final Map<String, String> FORMER_PREFECTURES = Map.of("6521", "6504", "6522", "6505");
}
