package org.silkgrant.call.internal;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import org.silkgrant.call.CallDefinition;
import org.silkgrant.call.CallDefinition.AltaiRegion;
import org.silkgrant.call.CallDefinition.AttachmentKind;
import org.silkgrant.call.CallDefinition.Award;
import org.silkgrant.call.CallDefinition.Envelope;
import org.silkgrant.call.CallDefinition.PublicObjections;
import org.silkgrant.call.CallDefinition.BudgetCategory;
import org.silkgrant.call.CallDefinition.Category;
import org.silkgrant.call.CallDefinition.Check;
import org.silkgrant.call.CallDefinition.Clause;
import org.silkgrant.call.CallDefinition.Contact;
import org.silkgrant.call.CallDefinition.IndirectCostBand;
import org.silkgrant.call.CallDefinition.Item;
import org.silkgrant.call.CallDefinition.Need;
import org.silkgrant.call.CallDefinition.PortPark;
import org.silkgrant.call.CallDefinition.Program;
import org.silkgrant.call.CallDefinition.Region;
import org.silkgrant.call.CallDefinition.Rules;
import org.silkgrant.call.CallDefinition.Schedule;
import org.silkgrant.call.CallDefinition.Department;
import org.silkgrant.call.CallDefinition.Routing;
import org.silkgrant.call.CallDefinition.Review;
import org.silkgrant.call.CallDefinition.Criterion;
import org.silkgrant.call.CallDefinition.Scope;
import org.silkgrant.call.CallDefinition.Severity;
import org.silkgrant.call.InvalidCallDefinitionException;
import org.silkgrant.call.InvalidCallDefinitionException.Problem;
import org.silkgrant.shared.LocalizedText;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads a call definition from YAML and checks it whole: every problem is reported with the path where it
 * is, so an office writing next year's call fixes them in one pass. A definition with any problem is refused.
 */
public final class CallDefinitionLoader {

    /** The format version this loader reads. */
    public static final int FORMAT = 1;

    /** The rule checks the system implements (RULES.md §5); a call chooses which of them it runs. */
    public static final Set<String> KNOWN_RULES = Set.of(
            "ORG_REGISTERED_IN_REGION", "ORG_TYPE_ELIGIBLE", "ORG_VERIFIED", "DIRECTION_CHOSEN", "FOREIGN_PARTNER_NAMED",
            "AGREEMENT_ATTACHED", "OBJECTIVES_COMPLETE", "INDICATORS_ASSESSABLE", "INDICATORS_INCLUDE_IP",
            "ETHICS_OPINION", "MATCHING_FUNDS", "BUDGET_BALANCED", "RESEARCH_ASSISTANT_POSITION",
            "PERIOD_2_TO_3_YEARS", "BEFORE_DEADLINE", "INTEGRITY_RECORD", "LEADER_PROJECT_LIMIT", "DUPLICATE_CONTENT",
            "LEADER_IS_APPLICANT");

    /** Indicator kinds of the application (API.md); a call names which of them count as intellectual property. */
    public static final Set<String> INDICATOR_KINDS = Set.of("PATENT_APPLICATION", "PATENT_GRANT", "SOFTWARE_COPYRIGHT",
            "PLANT_VARIETY", "STANDARD", "PAPER", "TALENT", "PLATFORM", "OTHER");

    /** Ethics declarations of the application that can require an ethics committee opinion. */
    public static final Set<String> ETHICS_TRIGGERS = Set.of("HUMAN_SUBJECTS", "HUMAN_GENETIC_RESOURCES", "LABORATORY_ANIMALS");

    private static final Set<String> BUDGET_KINDS = Set.of("DIRECT", "INDIRECT");
    private static final Set<String> ISO_COUNTRIES = Set.of(Locale.getISOCountries());
    private static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9_-]{0,39}");
    private static final Pattern DIGITS = Pattern.compile("\\d+");
    private static final Pattern MEDIA_TYPE = Pattern.compile("[a-z]+/[a-z0-9][a-z0-9.+-]*");
    private static final Pattern ORG_CATEGORY = Pattern.compile("[1-9A-Y][1-9]");
    /** Money in 万元 is stored as numeric(14, 4): whole yuan, at most 10 digits before the point. */
    private static final int MONEY_SCALE = 4;
    private static final BigDecimal MONEY_MAX = new BigDecimal("9999999999.9999");

    private final YAMLMapper yaml = YAMLMapper.builder().build();
    private final Predicate<String> guideTextExists;

    /**
     * @param guideTextExists tells whether the original guide text a definition points to can be read
     */
    public CallDefinitionLoader(Predicate<String> guideTextExists) {
        this.guideTextExists = guideTextExists;
    }

    public CallDefinition load(String source, InputStream in) {
        try {
            return parse(source, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new InvalidCallDefinitionException(source, List.of(new Problem("", "cannot be read: " + e.getMessage())));
        }
    }

    public CallDefinition parse(String source, String text) {
        JsonNode root;
        try {
            root = yaml.readTree(text);
        } catch (JacksonException e) {
            String where = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ")";
            throw new InvalidCallDefinitionException(source, List.of(new Problem("", "is not valid YAML" + where + ": "
                    + e.getOriginalMessage())));
        }
        Reader r = new Reader();
        CallDefinition definition = r.definition(new Node(root, ""));
        if (!r.problems.isEmpty()) {
            throw new InvalidCallDefinitionException(source, r.problems);
        }
        return definition;
    }

    /** A YAML node and the path that leads to it. */
    private record Node(JsonNode json, String path) {

        Node get(String name) {
            JsonNode child = json == null || !json.isObject() ? null : json.get(name);
            return new Node(child, path.isEmpty() ? name : path + "." + name);
        }

        Node at(int index) {
            return new Node(json.get(index), path + "[" + index + "]");
        }

        boolean absent() {
            return json == null || json.isNull() || json.isMissingNode();
        }
    }

    /** Walks one document, collecting problems instead of stopping at the first. */
    private final class Reader {

        private final List<Problem> problems = new ArrayList<>();

        void problem(Node node, String message) {
            problems.add(new Problem(node.path(), message));
        }

        CallDefinition definition(Node root) {
            if (root.absent() || !root.json().isObject()) {
                problem(root, "must be a mapping with the call's keys");
                return null;
            }
            keys(root, "format", "code", "year", "timeZone", "guideText", "program", "title", "shortTitle",
                    "introduction", "region", "schedule", "categories", "fields", "platformTypes", "altaiRegions",
                    "portParks", "eligibility", "requirements", "rules", "budgetCategories", "attachmentKinds",
                    "recommendingDepartments", "routing", "review", "contact", "award");
            Integer format = integer(root.get("format"), true);
            if (format != null && format != FORMAT) {
                problem(root.get("format"), "unsupported format " + format + " (this version reads format " + FORMAT + ")");
            }
            String code = code(root.get("code"));
            Integer year = integer(root.get("year"), true);
            if (year != null && (year < 2000 || year > 2100)) {
                problem(root.get("year"), "must be a year between 2000 and 2100");
            }
            ZoneId zone = zone(root.get("timeZone"));
            String guideText = optionalString(root.get("guideText"));
            if (guideText != null && !guideTextExists.test(guideText)) {
                problem(root.get("guideText"), "guide text '" + guideText + "' not found");
            }
            Program program = program(root.get("program"));
            LocalizedText title = text(root.get("title"));
            LocalizedText shortTitle = text(root.get("shortTitle"));
            LocalizedText introduction = root.get("introduction").absent() ? null : text(root.get("introduction"));
            Region region = region(root.get("region"));
            Schedule schedule = schedule(root.get("schedule"));

            Set<String> clauseCodes = new HashSet<>(CallDefinition.SECTION_CLAUSES);
            List<Category> categories = categories(root.get("categories"), clauseCodes);
            List<Item> fields = list(root.get("fields"), false, this::item, Item::code);
            List<Item> platformTypes = list(root.get("platformTypes"), false, this::item, Item::code);
            List<AltaiRegion> altaiRegions = altaiRegions(root.get("altaiRegions"));
            List<PortPark> portParks = list(root.get("portParks"), false,
                    (n, i) -> portPark(n, region == null ? null : region.divisionPrefix()), PortPark::code);
            List<Clause> eligibility = list(root.get("eligibility"), true, this::clause, Clause::code);
            List<Clause> requirements = list(root.get("requirements"), true, this::clause, Clause::code);
            unique(root, "clause", concat(
                    categories.stream().flatMap(c -> c.scopes().stream()).map(Scope::code).toList(),
                    eligibility.stream().map(Clause::code).toList(),
                    requirements.stream().map(Clause::code).toList()));
            categories.stream().flatMap(c -> c.scopes().stream()).forEach(s -> clauseCodes.add(s.code()));
            eligibility.forEach(c -> clauseCodes.add(c.code()));
            requirements.forEach(c -> clauseCodes.add(c.code()));

            Rules rules = rules(root.get("rules"), clauseCodes, categories);
            List<BudgetCategory> budgetCategories = list(root.get("budgetCategories"), true, this::budgetCategory,
                    BudgetCategory::code);
            List<AttachmentKind> attachmentKinds = list(root.get("attachmentKinds"), true, this::attachmentKind,
                    AttachmentKind::code);
            List<Department> recommendingDepartments = list(root.get("recommendingDepartments"), false,
                    (n, i) -> department(n, region == null ? null : region.divisionPrefix()), Department::code);
            Routing routing = routing(root.get("routing"));
            Review review = review(root.get("review"));
            Contact contact = contact(root.get("contact"));
            Award award = award(root.get("award"), categories);

            needsHaveTheirLists(root.get("categories"), categories, fields, platformTypes, altaiRegions, portParks);
            return new CallDefinition(code, year == null ? 0 : year, zone, guideText, program, title, shortTitle,
                    introduction, region, schedule, categories, fields, platformTypes, altaiRegions, portParks,
                    eligibility, requirements, rules, budgetCategories, attachmentKinds, recommendingDepartments,
                    routing, review, contact, award);
        }

        void keys(Node node, String... allowed) {
            if (node.absent() || !node.json().isObject()) {
                return;
            }
            Set<String> known = Set.of(allowed);
            for (String name : node.json().propertyNames()) {
                if (!known.contains(name)) {
                    problem(node.get(name), "unknown key (expected one of " + String.join(", ", allowed) + ")");
                }
            }
        }

        boolean mapping(Node node) {
            if (node.absent()) {
                problem(node, "is required");
                return false;
            }
            if (!node.json().isObject()) {
                problem(node, "must be a mapping");
                return false;
            }
            return true;
        }

        String string(Node node) {
            if (node.absent()) {
                problem(node, "is required");
                return null;
            }
            if (!node.json().isValueNode() || node.json().asString().isBlank()) {
                problem(node, "must be a non-empty text");
                return null;
            }
            return node.json().asString().strip();
        }

        String optionalString(Node node) {
            return node.absent() ? null : string(node);
        }

        String code(Node node) {
            String value = string(node);
            if (value != null && !CODE.matcher(value).matches()) {
                problem(node, "'" + value + "' is not a code (upper-case letters, digits, '-' and '_', at most 40)");
                return null;
            }
            return value;
        }

        Integer integer(Node node, boolean required) {
            if (node.absent()) {
                if (required) {
                    problem(node, "is required");
                }
                return null;
            }
            if (!node.json().isIntegralNumber()) {
                problem(node, "must be a whole number");
                return null;
            }
            return node.json().intValue();
        }

        BigDecimal decimal(Node node, boolean required) {
            if (node.absent()) {
                if (required) {
                    problem(node, "is required");
                }
                return null;
            }
            try {
                // Strings and numbers alike go through the text, so 0.3 stays exactly 0.3.
                return new BigDecimal(node.json().asString().strip());
            } catch (NumberFormatException e) {
                problem(node, "'" + node.json().asString() + "' is not a number");
                return null;
            }
        }

        boolean bool(Node node) {
            if (node.absent()) {
                return false;
            }
            if (!node.json().isBoolean()) {
                problem(node, "must be true or false");
                return false;
            }
            return node.json().booleanValue();
        }

        LocalizedText text(Node node) {
            if (!mapping(node)) {
                return null;
            }
            keys(node, "zh", "en", "ru");
            String zh = translation(node, "zh");
            String en = translation(node, "en");
            String ru = translation(node, "ru");
            return new LocalizedText(zh, en, ru);
        }

        String translation(Node node, String language) {
            Node child = node.get(language);
            if (child.absent()) {
                problem(child, "missing translation (" + language + ")");
                return null;
            }
            return string(child);
        }

        ZoneId zone(Node node) {
            String value = string(node);
            if (value == null) {
                return null;
            }
            try {
                return ZoneId.of(value);
            } catch (DateTimeException e) {
                problem(node, "'" + value + "' is not a time zone (e.g. Asia/Shanghai)");
                return null;
            }
        }

        LocalDateTime dateTime(Node node) {
            String value = string(node);
            if (value == null) {
                return null;
            }
            try {
                return LocalDateTime.parse(value);
            } catch (DateTimeParseException e) {
                problem(node, "'" + value + "' is not a local date and time such as 2023-06-30T18:00");
                return null;
            }
        }

        <T> List<T> list(Node node, boolean required, BiFunction<Node, Integer, T> element,
                java.util.function.Function<T, String> codeOf) {
            if (node.absent()) {
                if (required) {
                    problem(node, "is required");
                }
                return List.of();
            }
            if (!node.json().isArray()) {
                problem(node, "must be a list");
                return List.of();
            }
            if (required && node.json().isEmpty()) {
                problem(node, "must not be empty");
            }
            List<T> out = new ArrayList<>();
            for (int i = 0; i < node.json().size(); i++) {
                T value = element.apply(node.at(i), i);
                if (value != null) {
                    out.add(value);
                }
            }
            unique(node, "code", out.stream().map(codeOf).filter(c -> c != null).toList());
            return List.copyOf(out);
        }

        List<String> strings(Node node, boolean required) {
            return list(node, required, (n, i) -> string(n), s -> null);
        }

        void unique(Node node, String what, List<String> codes) {
            Set<String> seen = new HashSet<>();
            Set<String> reported = new LinkedHashSet<>();
            for (String code : codes) {
                if (!seen.add(code) && reported.add(code)) {
                    problem(node, "duplicate " + what + " '" + code + "'");
                }
            }
        }

        Program program(Node node) {
            if (!mapping(node)) {
                return null;
            }
            keys(node, "code", "title", "parent");
            return new Program(code(node.get("code")), text(node.get("title")),
                    node.get("parent").absent() ? null : text(node.get("parent")));
        }

        Region region(Node node) {
            if (!mapping(node)) {
                return null;
            }
            keys(node, "divisionPrefix", "name");
            String prefix = string(node.get("divisionPrefix"));
            if (prefix != null && !(DIGITS.matcher(prefix).matches() && prefix.length() % 2 == 0 && prefix.length() <= 6)) {
                problem(node.get("divisionPrefix"), "'" + prefix + "' is not a GB/T 2260 division prefix (2, 4 or 6 digits)");
                prefix = null;
            }
            return new Region(prefix, text(node.get("name")));
        }

        Schedule schedule(Node node) {
            if (node.absent()) {
                return null;
            }
            if (!mapping(node)) {
                return null;
            }
            keys(node, "opensAt", "deadline");
            LocalDateTime opensAt = dateTime(node.get("opensAt"));
            LocalDateTime deadline = dateTime(node.get("deadline"));
            if (opensAt != null && deadline != null && !opensAt.isBefore(deadline)) {
                problem(node.get("deadline"), "must be after opensAt (" + opensAt + ")");
            }
            return new Schedule(opensAt, deadline);
        }

        List<Category> categories(Node node, Set<String> clauseCodes) {
            List<Category> categories = list(node, true, (n, i) -> {
                if (!mapping(n)) {
                    return null;
                }
                keys(n, "code", "title", "scopes");
                return new Category(code(n.get("code")), text(n.get("title")),
                        list(n.get("scopes"), true, (s, j) -> scope(s), Scope::code));
            }, Category::code);
            unique(node, "scope code", categories.stream().flatMap(c -> c.scopes().stream()).map(Scope::code)
                    .filter(c -> c != null).toList());
            return categories;
        }

        Scope scope(Node node) {
            if (!mapping(node)) {
                return null;
            }
            keys(node, "code", "title", "text", "needs", "offers");
            return new Scope(code(node.get("code")), text(node.get("title")), text(node.get("text")),
                    needs(node.get("needs")), needs(node.get("offers")));
        }

        List<Need> needs(Node node) {
            return list(node, false, (n, i) -> {
                String value = string(n);
                if (value == null) {
                    return null;
                }
                try {
                    return Need.valueOf(value);
                } catch (IllegalArgumentException e) {
                    problem(n, "unknown need '" + value + "' (expected one of " + Arrays.toString(Need.values()) + ")");
                    return null;
                }
            }, Need::name);
        }

        void needsHaveTheirLists(Node node, List<Category> categories, List<Item> fields, List<Item> platformTypes,
                List<AltaiRegion> altaiRegions, List<PortPark> portParks) {
            for (Category category : categories) {
                for (Scope scope : category.scopes()) {
                    for (Need need : concat(scope.needs(), scope.offers())) {
                        boolean listEmpty = switch (need) {
                            case FIELD -> fields.isEmpty();
                            case PLATFORM_TYPE -> platformTypes.isEmpty();
                            case ALTAI_PARTNER -> altaiRegions.isEmpty();
                            case PORT_PARK -> portParks.isEmpty();
                            case PREVIOUS_PROJECT -> false;
                        };
                        if (listEmpty) {
                            problem(node, "scope " + scope.code() + " needs " + need + " but the call lists none");
                        }
                    }
                }
            }
        }

        Item item(Node node, int index) {
            if (!mapping(node)) {
                return null;
            }
            keys(node, "code", "title");
            return new Item(code(node.get("code")), text(node.get("title")));
        }

        List<AltaiRegion> altaiRegions(Node node) {
            List<AltaiRegion> regions = list(node, false, (n, i) -> {
                if (!mapping(n)) {
                    return null;
                }
                keys(n, "country", "code", "formerCodes", "name");
                String country = string(n.get("country"));
                if (country != null && !ISO_COUNTRIES.contains(country)) {
                    problem(n.get("country"), "'" + country + "' is not an ISO 3166-1 alpha-2 country code");
                }
                String code = string(n.get("code"));
                List<String> former = strings(n.get("formerCodes"), false);
                for (String c : concat(code == null ? List.of() : List.of(code), former)) {
                    if (country != null && !c.startsWith(country + "-")) {
                        problem(n.get("code"), "'" + c + "' is not an ISO 3166-2 code of " + country);
                    }
                }
                return new AltaiRegion(country, code, former, text(n.get("name")));
            }, AltaiRegion::code);
            unique(node, "region code", regions.stream()
                    .flatMap(r -> concat(List.of(r.code()), r.formerCodes()).stream()).toList());
            return regions;
        }

        Department department(Node node, String regionPrefix) {
            if (!mapping(node)) {
                return null;
            }
            keys(node, "code", "title", "divisionCode");
            String division = optionalString(node.get("divisionCode"));
            if (division != null) {
                if (!DIGITS.matcher(division).matches() || division.length() % 2 != 0 || division.length() > 6) {
                    problem(node.get("divisionCode"), "'" + division + "' is not a GB/T 2260 division code");
                } else if (regionPrefix != null && !division.startsWith(regionPrefix)) {
                    problem(node.get("divisionCode"), "'" + division + "' lies outside the region (" + regionPrefix + ")");
                }
            }
            return new Department(code(node.get("code")), text(node.get("title")), division);
        }

        Routing routing(Node node) {
            if (!mapping(node)) {
                return null;
            }
            keys(node, "orgSignOffPeriod", "recommendationPeriod", "revisionPeriod", "reminderHours", "formalReview");
            Duration signOff = duration(node.get("orgSignOffPeriod"), true);
            Duration recommendation = duration(node.get("recommendationPeriod"), true);
            Duration revision = duration(node.get("revisionPeriod"), false);
            if (signOff != null && recommendation != null && recommendation.compareTo(signOff) < 0) {
                problem(node.get("recommendationPeriod"), "must not end before orgSignOffPeriod (" + signOff + ")");
            }
            if (revision != null && (revision.isNegative() || revision.isZero())) {
                problem(node.get("revisionPeriod"), "must be a positive period");
            }
            List<Integer> hours = list(node.get("reminderHours"), false, (n, i) -> integer(n, true), h -> null);
            for (Integer h : hours) {
                if (h != null && h <= 0) {
                    problem(node.get("reminderHours"), "must list positive numbers of hours");
                }
            }
            List<Item> items = list(node.get("formalReview"), true, this::item, Item::code);
            return new Routing(signOff, recommendation, revision == null ? Duration.ZERO : revision,
                    hours.stream().filter(java.util.Objects::nonNull).sorted(java.util.Comparator.reverseOrder()).toList(),
                    items);
        }

        /** The review block; k, the trimmed-mean minimum and the notice period have defaults (5, 5, P7D). */
        Review review(Node node) {
            if (!mapping(node)) {
                return null;
            }
            keys(node, "expertsPerApplication", "maxApplicationsPerExpert", "reviewPeriod", "reminderHours", "rubric",
                    "disagreementThreshold", "trimmedMeanMinimumScores", "noticePeriod");
            Integer k = node.get("expertsPerApplication").absent() ? Integer.valueOf(5)
                    : positive(node.get("expertsPerApplication"));
            Integer m = positive(node.get("maxApplicationsPerExpert"));
            Duration period = duration(node.get("reviewPeriod"), true);
            positivePeriod(node.get("reviewPeriod"), period);
            List<Integer> hours = list(node.get("reminderHours"), false, (n, i) -> integer(n, true), h -> null);
            for (Integer h : hours) {
                if (h != null && h <= 0) {
                    problem(node.get("reminderHours"), "must list positive numbers of hours");
                }
            }
            List<Criterion> rubric = list(node.get("rubric"), true, this::criterion, Criterion::code);
            BigDecimal total = rubric.stream().map(Criterion::weight).filter(java.util.Objects::nonNull)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            if (!rubric.isEmpty() && total.compareTo(BigDecimal.valueOf(100)) != 0) {
                problem(node.get("rubric"), "weights must sum to 100 (they sum to " + total.stripTrailingZeros().toPlainString() + ")");
            }
            BigDecimal threshold = decimal(node.get("disagreementThreshold"), true);
            if (threshold != null && (threshold.signum() <= 0 || threshold.compareTo(BigDecimal.valueOf(100)) > 0)) {
                problem(node.get("disagreementThreshold"), "must be greater than 0 and at most 100 (points of the weighted total)");
            }
            Integer trimmed = node.get("trimmedMeanMinimumScores").absent() ? Integer.valueOf(5)
                    : integer(node.get("trimmedMeanMinimumScores"), true);
            if (trimmed != null && trimmed < 3) {
                problem(node.get("trimmedMeanMinimumScores"), "must be at least 3 (dropping two scores must leave one)");
            }
            Duration notice = node.get("noticePeriod").absent() ? Duration.ofDays(7) : duration(node.get("noticePeriod"), true);
            positivePeriod(node.get("noticePeriod"), notice);
            return new Review(k == null ? 0 : k, m == null ? 0 : m, period, hours.stream()
                    .filter(java.util.Objects::nonNull).sorted(java.util.Comparator.reverseOrder()).toList(), rubric,
                    threshold, trimmed == null ? 0 : trimmed, notice);
        }

        /**
         * The award block: a fiscal budget envelope for every category of the call, each once, positive and within
         * numeric(14, 4) (whole yuan: at most 4 decimals, at most 10 digits before the point); public objections off
         * unless enabled, with bounded code limits.
         */
        Award award(Node node, List<Category> categories) {
            if (!mapping(node)) {
                return null;
            }
            keys(node, "budgetEnvelope", "publicObjections");
            Set<String> known = new LinkedHashSet<>();
            categories.forEach(c -> known.add(c.code()));
            List<Envelope> envelopes = list(node.get("budgetEnvelope"), true, (n, i) -> {
                if (!mapping(n)) {
                    return null;
                }
                keys(n, "category", "amount");
                String category = string(n.get("category"));
                if (category != null && !known.contains(category)) {
                    problem(n.get("category"), "unknown category '" + category + "' (known: " + String.join(", ", known) + ")");
                }
                BigDecimal amount = decimal(n.get("amount"), true);
                if (amount != null) {
                    if (amount.signum() <= 0) {
                        problem(n.get("amount"), "must be greater than 0 (万元)");
                    } else if (amount.stripTrailingZeros().scale() > MONEY_SCALE) {
                        problem(n.get("amount"), "has more than " + MONEY_SCALE + " decimals (万元 to the yuan)");
                    } else if (amount.compareTo(MONEY_MAX) > 0) {
                        problem(n.get("amount"), "must be at most " + MONEY_MAX.toPlainString() + " (万元)");
                    }
                }
                return new Envelope(category, amount);
            }, Envelope::category);
            for (String category : known) {
                if (envelopes.stream().noneMatch(e -> category.equals(e.category()))) {
                    problem(node.get("budgetEnvelope"), "has no envelope for category " + category);
                }
            }
            return new Award(envelopes, publicObjections(node.get("publicObjections")));
        }

        PublicObjections publicObjections(Node node) {
            if (node.absent()) {
                return PublicObjections.OFF;
            }
            if (!mapping(node)) {
                return PublicObjections.OFF;
            }
            keys(node, "enabled", "codesPerAddressPerHour", "codesPerClientAddressPerHour", "codeValidity");
            PublicObjections d = PublicObjections.OFF;
            int perAddress = limit(node.get("codesPerAddressPerHour"), d.codesPerAddressPerHour(), 10);
            int perClient = limit(node.get("codesPerClientAddressPerHour"), d.codesPerClientAddressPerHour(), 1000);
            Duration validity = node.get("codeValidity").absent() ? d.codeValidity() : duration(node.get("codeValidity"), true);
            positivePeriod(node.get("codeValidity"), validity);
            if (validity != null && validity.compareTo(Duration.ofDays(1)) > 0) {
                problem(node.get("codeValidity"), "must be at most P1D");
            }
            return new PublicObjections(bool(node.get("enabled")), perAddress, perClient,
                    validity == null ? d.codeValidity() : validity);
        }

        /** A whole number from 1 to {@code max}, or the default when absent. */
        int limit(Node node, int fallback, int max) {
            if (node.absent()) {
                return fallback;
            }
            Integer value = positive(node);
            if (value != null && value > max) {
                problem(node, "must be at most " + max);
                return fallback;
            }
            return value == null ? fallback : value;
        }

        Criterion criterion(Node node, int index) {
            if (!mapping(node)) {
                return null;
            }
            keys(node, "code", "title", "description", "weight", "minScore", "maxScore");
            BigDecimal weight = decimal(node.get("weight"), true);
            if (weight != null && weight.signum() <= 0) {
                problem(node.get("weight"), "must be greater than 0");
            }
            BigDecimal min = decimal(node.get("minScore"), true);
            BigDecimal max = decimal(node.get("maxScore"), true);
            if (min != null && min.signum() < 0) {
                problem(node.get("minScore"), "must not be negative");
            }
            if (min != null && max != null && min.compareTo(max) >= 0) {
                problem(node.get("maxScore"), "must be greater than minScore (" + min.toPlainString() + ")");
            }
            return new Criterion(code(node.get("code")), text(node.get("title")), text(node.get("description")),
                    weight, min, max);
        }

        void positivePeriod(Node node, Duration period) {
            if (period != null && (period.isNegative() || period.isZero())) {
                problem(node, "must be a positive period");
            }
        }

        Duration duration(Node node, boolean required) {
            if (node.absent()) {
                if (required) {
                    problem(node, "is required");
                }
                return null;
            }
            if (!node.json().isValueNode()) {
                problem(node, "must be an ISO-8601 period such as P3D or -PT12H");
                return null;
            }
            try {
                return Duration.parse(node.json().asString().strip());
            } catch (java.time.format.DateTimeParseException e) {
                problem(node, "'" + node.json().asString() + "' is not an ISO-8601 period such as P3D or -PT12H");
                return null;
            }
        }

        PortPark portPark(Node node, String regionPrefix) {
            if (!mapping(node)) {
                return null;
            }
            keys(node, "code", "name", "divisionCodes");
            List<String> divisions = strings(node.get("divisionCodes"), true);
            for (String division : divisions) {
                if (!DIGITS.matcher(division).matches() || division.length() % 2 != 0 || division.length() > 6) {
                    problem(node.get("divisionCodes"), "'" + division + "' is not a GB/T 2260 division code");
                } else if (regionPrefix != null && !division.startsWith(regionPrefix)) {
                    problem(node.get("divisionCodes"), "'" + division + "' lies outside the region (" + regionPrefix + ")");
                }
            }
            return new PortPark(code(node.get("code")), text(node.get("name")), divisions);
        }

        Clause clause(Node node, int index) {
            if (!mapping(node)) {
                return null;
            }
            keys(node, "code", "title", "text");
            return new Clause(code(node.get("code")), text(node.get("title")), text(node.get("text")));
        }

        Rules rules(Node node, Set<String> clauseCodes, List<Category> categories) {
            if (!mapping(node)) {
                return null;
            }
            keys(node, "minMonths", "maxMonths", "enterpriseMatchingRatio", "leaderProjectLimit", "titleMaxLength",
                    "eligibleOrganizationCategories", "ethicsTriggers", "ipIndicatorKinds",
                    "duplicateSimilarityThreshold", "indirectCostBands", "checks");
            Integer min = positive(node.get("minMonths"));
            Integer max = positive(node.get("maxMonths"));
            if (min != null && max != null && min > max) {
                problem(node.get("maxMonths"), "must not be less than minMonths (" + min + ")");
            }
            BigDecimal ratio = decimal(node.get("enterpriseMatchingRatio"), true);
            if (ratio != null && ratio.signum() < 0) {
                problem(node.get("enterpriseMatchingRatio"), "must not be negative");
            }
            Integer limit = integer(node.get("leaderProjectLimit"), true);
            if (limit != null && limit < 0) {
                problem(node.get("leaderProjectLimit"), "must not be negative");
            }
            Integer titleMax = positive(node.get("titleMaxLength"));
            List<String> orgCategories = strings(node.get("eligibleOrganizationCategories"), true);
            orgCategories.stream().filter(c -> !ORG_CATEGORY.matcher(c).matches()).forEach(c ->
                    problem(node.get("eligibleOrganizationCategories"), "'" + c + "' is not a credit-code category (two characters such as 91 or 12)"));
            List<String> ethics = strings(node.get("ethicsTriggers"), false);
            ethics.stream().filter(t -> !ETHICS_TRIGGERS.contains(t)).forEach(t ->
                    problem(node.get("ethicsTriggers"), "unknown ethics trigger '" + t + "' (expected one of " + sorted(ETHICS_TRIGGERS) + ")"));
            List<String> ipKinds = strings(node.get("ipIndicatorKinds"), true);
            ipKinds.stream().filter(k -> !INDICATOR_KINDS.contains(k)).forEach(k ->
                    problem(node.get("ipIndicatorKinds"), "unknown indicator kind '" + k + "' (expected one of " + sorted(INDICATOR_KINDS) + ")"));
            BigDecimal threshold = decimal(node.get("duplicateSimilarityThreshold"), true);
            if (threshold != null && (threshold.signum() <= 0 || threshold.compareTo(BigDecimal.ONE) > 0)) {
                problem(node.get("duplicateSimilarityThreshold"), "must be greater than 0 and at most 1");
            }
            List<IndirectCostBand> bands = bands(node.get("indirectCostBands"));
            List<Check> checks = list(node.get("checks"), true, (n, i) -> check(n, clauseCodes, categories), Check::rule);
            return new Rules(min == null ? 0 : min, max == null ? 0 : max, ratio, limit == null ? 0 : limit,
                    titleMax == null ? 0 : titleMax, orgCategories, ethics, ipKinds, threshold, bands, checks);
        }

        Integer positive(Node node) {
            Integer value = integer(node, true);
            if (value != null && value <= 0) {
                problem(node, "must be greater than 0");
                return null;
            }
            return value;
        }

        List<IndirectCostBand> bands(Node node) {
            List<IndirectCostBand> bands = list(node, true, (n, i) -> {
                if (!mapping(n)) {
                    return null;
                }
                keys(n, "upTo", "rate");
                BigDecimal upTo = decimal(n.get("upTo"), false);
                BigDecimal rate = decimal(n.get("rate"), true);
                if (rate != null && (rate.signum() < 0 || rate.compareTo(BigDecimal.ONE) > 0)) {
                    problem(n.get("rate"), "must be between 0 and 1");
                }
                if (upTo != null && upTo.signum() <= 0) {
                    problem(n.get("upTo"), "must be greater than 0");
                }
                return new IndirectCostBand(upTo, rate);
            }, b -> null);
            for (int i = 0; i < bands.size(); i++) {
                BigDecimal upTo = bands.get(i).upTo();
                boolean last = i == bands.size() - 1;
                if (last && upTo != null) {
                    problem(node.at(i), "the last band must have no upTo (it covers everything above)");
                } else if (!last && upTo == null) {
                    problem(node.at(i), "only the last band may leave out upTo");
                } else if (i > 0 && upTo != null && bands.get(i - 1).upTo() != null
                        && upTo.compareTo(bands.get(i - 1).upTo()) <= 0) {
                    problem(node.at(i).get("upTo"), "must be greater than the previous band's upTo");
                }
            }
            return bands;
        }

        Check check(Node node, Set<String> clauseCodes, List<Category> categories) {
            if (!mapping(node)) {
                return null;
            }
            keys(node, "rule", "clauses", "severity");
            String rule = string(node.get("rule"));
            if (rule != null && !KNOWN_RULES.contains(rule)) {
                problem(node.get("rule"), "unknown rule '" + rule + "' (expected one of " + sorted(KNOWN_RULES) + ")");
            }
            List<String> clauses = strings(node.get("clauses"), true);
            for (String clause : clauses) {
                if (!clauseCodes.contains(clause)) {
                    boolean looksLikeScope = clause.matches("[A-Z]\\d+") && !clause.startsWith("C") && !clause.startsWith("R");
                    problem(node.get("clauses"), (looksLikeScope ? "unknown scope code '" : "unknown clause '") + clause
                            + "' (known: " + sorted(clauseCodes) + ")");
                }
            }
            String severity = string(node.get("severity"));
            Severity parsed = null;
            if (severity != null) {
                try {
                    parsed = Severity.valueOf(severity);
                } catch (IllegalArgumentException e) {
                    problem(node.get("severity"), "must be BLOCKING or WARNING");
                }
            }
            return new Check(rule, clauses, parsed);
        }

        BudgetCategory budgetCategory(Node node, int index) {
            if (!mapping(node)) {
                return null;
            }
            keys(node, "code", "kind", "title");
            String kind = string(node.get("kind"));
            if (kind != null && !BUDGET_KINDS.contains(kind)) {
                problem(node.get("kind"), "must be DIRECT or INDIRECT");
            }
            return new BudgetCategory(code(node.get("code")), kind, text(node.get("title")));
        }

        AttachmentKind attachmentKind(Node node, int index) {
            if (!mapping(node)) {
                return null;
            }
            keys(node, "code", "title", "maxBytes", "mediaTypes", "required");
            Node size = node.get("maxBytes");
            long maxBytes = 0;
            if (size.absent() || !size.json().isIntegralNumber() || size.json().longValue() <= 0) {
                problem(size, "must be a whole number of bytes greater than 0");
            } else {
                maxBytes = size.json().longValue();
            }
            List<String> mediaTypes = strings(node.get("mediaTypes"), true);
            mediaTypes.stream().filter(t -> !MEDIA_TYPE.matcher(t).matches()).forEach(t ->
                    problem(node.get("mediaTypes"), "'" + t + "' is not a media type such as application/pdf"));
            return new AttachmentKind(code(node.get("code")), text(node.get("title")), maxBytes, mediaTypes,
                    bool(node.get("required")));
        }

        Contact contact(Node node) {
            if (!mapping(node)) {
                return null;
            }
            keys(node, "division", "phone", "people");
            return new Contact(text(node.get("division")), string(node.get("phone")), strings(node.get("people"), false));
        }
    }

    private static <T> List<T> concat(List<? extends T> a, List<? extends T> b) {
        List<T> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    private static <T> List<T> concat(List<? extends T> a, List<? extends T> b, List<? extends T> c) {
        return concat(concat(a, b), c);
    }

    private static String sorted(Set<String> values) {
        return String.join(", ", values.stream().sorted().toList());
    }
}
