package org.silkgrant.call;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.silkgrant.shared.LocalizedText;

/**
 * A call for proposals as data: everything of a call guide that is a parameter or a list.
 * Read from a YAML file by the loader (format in {@code docs/call-definition.md}), never built in code.
 */
public record CallDefinition(
        String code,
        int year,
        ZoneId timeZone,
        String guideText,
        Program program,
        LocalizedText title,
        LocalizedText shortTitle,
        LocalizedText introduction,
        Region region,
        Schedule schedule,
        List<Category> categories,
        List<Item> fields,
        List<Item> platformTypes,
        List<AltaiRegion> altaiRegions,
        List<PortPark> portParks,
        List<Clause> eligibility,
        List<Clause> requirements,
        Rules rules,
        List<BudgetCategory> budgetCategories,
        List<AttachmentKind> attachmentKinds,
        List<Department> recommendingDepartments,
        Routing routing,
        Review review,
        Contact contact,
        Award award) {

    /** What a scope asks of an application beyond the common sections. */
    public enum Need { FIELD, PLATFORM_TYPE, ALTAI_PARTNER, PORT_PARK, PREVIOUS_PROJECT }

    /** Whether a failed rule stops submission or is only shown. */
    public enum Severity { BLOCKING, WARNING }

    /** Clause ids that are not a numbered clause of the guide but a part of it. */
    public static final Set<String> SECTION_CLAUSES = Set.of("DIRECTIONS", "CALL", "PRACTICE");

    public record Program(String code, LocalizedText title, LocalizedText parent) {
    }

    public record Region(String divisionPrefix, LocalizedText name) {
    }

    /** Opening time and deadline in the call's time zone; absent when the office has not set them yet. */
    public record Schedule(LocalDateTime opensAt, LocalDateTime deadline) {
    }

    public record Category(String code, LocalizedText title, List<Scope> scopes) {
    }

    /**
     * One support scope (K1…, G1…).
     *
     * @param needs  what an application in this scope must give
     * @param offers what it may give
     */
    public record Scope(String code, LocalizedText title, LocalizedText text, List<Need> needs, List<Need> offers) {
    }

    /** A recommending department (推荐单位), e.g. a prefecture's science and technology bureau, with its division. */
    public record Department(String code, LocalizedText title, String divisionCode) {
    }

    /**
     * How a submitted application travels: the organisation's sign-off and the recommending department's
     * deadlines as periods from the call deadline (negative: before it), the time a returned application gets for
     * its revision, the hours before the deadline at which reminders go out, and the office's formal review
     * checklist.
     */
    public record Routing(java.time.Duration orgSignOffPeriod, java.time.Duration recommendationPeriod,
            java.time.Duration revisionPeriod, List<Integer> reminderHours, List<Item> formalReviewItems) {
    }

    /**
     * How accepted applications are reviewed and decided: {@code expertsPerApplication} experts (k) per application,
     * at most {@code maxApplicationsPerExpert} (m) per expert, the review period from the assignment and the hours
     * before its end at which reminders go out, the scoring rubric (weights sum to 100), the spread of weighted
     * totals above which the experts disagree, the number of scores from which the trimmed mean drops the highest
     * and the lowest, and the public notice period (公示期), which is also the period for objections.
     */
    public record Review(int expertsPerApplication, int maxApplicationsPerExpert, java.time.Duration reviewPeriod,
            List<Integer> reminderHours, List<Criterion> rubric, BigDecimal disagreementThreshold,
            int trimmedMeanMinimumScores, java.time.Duration noticePeriod) {

        /** Objections are filed during the public notice. */
        public java.time.Duration objectionPeriod() {
            return noticePeriod;
        }

        public Optional<Criterion> criterion(String code) {
            return rubric.stream().filter(c -> c.code().equals(code)).findFirst();
        }
    }

    /**
     * How the office decides and publishes (docs/award.md): the fiscal budget envelope of each category, against which
     * the approved amounts are summed, and whether the public may file objections during the notice.
     */
    public record Award(List<Envelope> budgetEnvelope, PublicObjections publicObjections) {

        public Award {
            budgetEnvelope = List.copyOf(budgetEnvelope);
        }

        /** The envelope of a category (KEY, GENERAL), in 万元. */
        public Optional<BigDecimal> envelope(String category) {
            return budgetEnvelope.stream().filter(e -> e.category().equals(category)).map(Envelope::amount).findFirst();
        }
    }

    /** The fiscal funds (万元, up to 4 decimals) the office may approve in one category of the call. */
    public record Envelope(String category, BigDecimal amount) {
    }

    /**
     * Objections by the public during the notice: off, or on for visitors who verify an e-mail address with a
     * single-use code, of which one address may request {@code codesPerAddressPerHour} and one client address
     * {@code codesPerClientAddressPerHour} in an hour; a code is valid for {@code codeValidity}.
     */
    public record PublicObjections(boolean enabled, int codesPerAddressPerHour, int codesPerClientAddressPerHour,
            java.time.Duration codeValidity) {

        /** Off, with the default limits. */
        public static final PublicObjections OFF = new PublicObjections(false, 3, 20, java.time.Duration.ofMinutes(30));
    }

    /**
     * One criterion of the rubric: an expert scores it from {@code minScore} to {@code maxScore}; it contributes
     * {@code weight} points of the 100-point weighted total, in proportion to where the score lies in its range.
     */
    public record Criterion(String code, LocalizedText title, LocalizedText description, BigDecimal weight,
            BigDecimal minScore, BigDecimal maxScore) {
    }

    /** A coded entry of a list: a field, a platform type, a formal review item. */
    public record Item(String code, LocalizedText title) {
    }

    /** A partner region of the Altai scope, with its ISO 3166-2 code and the older codes still in use. */
    public record AltaiRegion(String country, String code, List<String> formerCodes, LocalizedText name) {

        public boolean matches(String regionCode) {
            return regionCode != null
                    && (code.equalsIgnoreCase(regionCode) || formerCodes.stream().anyMatch(regionCode::equalsIgnoreCase));
        }
    }

    /** A port park (economic zone) with the GB/T 2260 division codes it lies in. */
    public record PortPark(String code, LocalizedText name, List<String> divisionCodes) {
    }

    /** A numbered clause of the guide: eligibility (C1…) or requirement (R1…). */
    public record Clause(String code, LocalizedText title, LocalizedText text) {
    }

    /** One rule check the call runs, the clauses it cites and its severity. */
    public record Check(String rule, List<String> clauses, Severity severity) {
    }

    /** An indirect-cost band: direct costs less equipment up to {@code upTo} 万元 (open-ended when null) get {@code rate}. */
    public record IndirectCostBand(BigDecimal upTo, BigDecimal rate) {
    }

    /** The parameters of the rules the system enforces. */
    public record Rules(
            int minMonths,
            int maxMonths,
            BigDecimal enterpriseMatchingRatio,
            int leaderProjectLimit,
            int titleMaxLength,
            List<String> eligibleOrganizationCategories,
            List<String> ethicsTriggers,
            List<String> ipIndicatorKinds,
            BigDecimal duplicateSimilarityThreshold,
            List<IndirectCostBand> indirectCostBands,
            List<Check> checks) {
    }

    public record BudgetCategory(String code, String kind, LocalizedText title) {
    }

    public record AttachmentKind(String code, LocalizedText title, long maxBytes, List<String> mediaTypes, boolean required) {
    }

    public record Contact(LocalizedText division, String phone, List<String> people) {
    }

    public Optional<Scope> scope(String scopeCode) {
        return categories.stream().flatMap(c -> c.scopes().stream()).filter(s -> s.code().equals(scopeCode)).findFirst();
    }

    /** The title of a clause id (C1, R3, K2, G8, DIRECTIONS …) when the definition knows it. */
    public Optional<LocalizedText> clauseTitle(String clauseCode) {
        return eligibility.stream().filter(c -> c.code().equals(clauseCode)).map(Clause::title).findFirst()
                .or(() -> requirements.stream().filter(c -> c.code().equals(clauseCode)).map(Clause::title).findFirst())
                .or(() -> scope(clauseCode).map(Scope::title));
    }
}
