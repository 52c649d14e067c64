package org.silkgrant.call.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.silkgrant.call.CallDefinition;
import org.silkgrant.call.CallDefinition.Need;
import org.silkgrant.call.CallDefinition.Severity;
import org.silkgrant.call.CallStatus;
import org.silkgrant.call.CallView;
import org.silkgrant.shared.LocalizedText;

/** The JSON shapes of API.md "Calls"; texts are given in the language of the request. */
final class CallJson {

    private CallJson() {
    }

    record Summary(String code, String title, CallStatus status, Instant opensAt, Instant deadline, boolean demo) {

        static Summary of(CallView call, Locale locale) {
            return new Summary(call.code(), call.definition().title().in(locale), call.status(), call.opensAt(),
                    call.deadline(), call.demo());
        }
    }

    record Detail(String code, int year, String title, String shortTitle, Program program, CallStatus status,
            Instant opensAt, Instant deadline, String timeZone, boolean demo, long version, String introduction,
            Region region, Contact contact, List<Category> categories, List<Coded> fields, List<Coded> platformTypes,
            List<AltaiRegion> altaiRegions, List<PortPark> portParks, List<Clause> eligibility,
            List<Clause> requirements, List<BudgetCategory> budgetCategories, List<AttachmentKind> attachmentKinds,
            List<Department> recommendingDepartments, Rules rules, Routing routing, Award award) {

        static Detail of(CallView call, Locale locale) {
            CallDefinition d = call.definition();
            return new Detail(d.code(), d.year(), t(d.title(), locale), t(d.shortTitle(), locale),
                    new Program(d.program().code(), t(d.program().title(), locale), t(d.program().parent(), locale)),
                    call.status(), call.opensAt(), call.deadline(), d.timeZone().getId(), call.demo(), call.version(),
                    t(d.introduction(), locale),
                    new Region(d.region().divisionPrefix(), t(d.region().name(), locale)),
                    new Contact(t(d.contact().division(), locale), d.contact().phone(), d.contact().people()),
                    d.categories().stream().map(c -> new Category(c.code(), t(c.title(), locale), c.scopes().stream()
                            .map(s -> new Scope(s.code(), t(s.title(), locale), t(s.text(), locale), s.needs(), s.offers()))
                            .toList())).toList(),
                    coded(d.fields(), locale), coded(d.platformTypes(), locale),
                    d.altaiRegions().stream().map(r -> new AltaiRegion(r.country(), r.code(), r.formerCodes(),
                            t(r.name(), locale))).toList(),
                    d.portParks().stream().map(p -> new PortPark(p.code(), t(p.name(), locale), p.divisionCodes())).toList(),
                    clauses(d.eligibility(), locale), clauses(d.requirements(), locale),
                    d.budgetCategories().stream().map(b -> new BudgetCategory(b.code(), t(b.title(), locale), b.kind())).toList(),
                    d.attachmentKinds().stream().map(a -> new AttachmentKind(a.code(), t(a.title(), locale), a.maxBytes(),
                            a.mediaTypes(), a.required())).toList(),
                    d.recommendingDepartments().stream().map(r -> new Department(r.code(), t(r.title(), locale),
                            r.divisionCode())).toList(),
                    Rules.of(d.rules()),
                    new Routing(call.submissionDeadline(), call.orgSignOffDeadline(),
                            d.recommendingDepartments().isEmpty() ? null : call.recommendationDeadline(),
                            d.routing().revisionPeriod().toString(), d.routing().reminderHours(),
                            coded(d.routing().formalReviewItems(), locale)),
                    Award.of(d, locale));
        }
    }

    /**
     * The award block: each category's fiscal budget envelope as a decimal string in 万元 (API.md), and whether the
     * public may object during the notice with a verified e-mail, within which limits.
     */
    record Award(List<Envelope> budgetEnvelope, PublicObjections publicObjections) {

        static Award of(CallDefinition d, Locale locale) {
            if (d.award() == null) {
                return null;
            }
            return new Award(d.award().budgetEnvelope().stream().map(e -> new Envelope(e.category(),
                    d.categories().stream().filter(c -> c.code().equals(e.category())).findFirst()
                            .map(c -> t(c.title(), locale)).orElse(e.category()),
                    e.amount().stripTrailingZeros().toPlainString())).toList(),
                    new PublicObjections(d.award().publicObjections().enabled(),
                            d.award().publicObjections().codesPerAddressPerHour(),
                            d.award().publicObjections().codesPerClientAddressPerHour(),
                            d.award().publicObjections().codeValidity().toString()));
        }
    }

    record Envelope(String category, String title, String amount) {
    }

    record PublicObjections(boolean enabled, int codesPerAddressPerHour, int codesPerClientAddressPerHour,
            String codeValidity) {
    }

    record Program(String code, String title, String parent) {
    }

    record Region(String divisionPrefix, String name) {
    }

    record Contact(String division, String phone, List<String> people) {
    }

    record Category(String code, String title, List<Scope> scopes) {
    }

    record Scope(String code, String title, String text, List<Need> needs, List<Need> offers) {
    }

    record Coded(String code, String title) {
    }

    record AltaiRegion(String country, String code, List<String> formerCodes, String name) {
    }

    record PortPark(String code, String name, List<String> divisionCodes) {
    }

    record Clause(String code, String title, String text) {
    }

    record BudgetCategory(String code, String title, String kind) {
    }

    record AttachmentKind(String code, String title, long maxBytes, List<String> mediaTypes, boolean required) {
    }

    /** The deadlines of each step as instants (null until the office sets the call deadline) and the review items. */
    record Routing(Instant submissionDeadline, Instant orgSignOffDeadline, Instant recommendationDeadline,
            String revisionPeriod, List<Integer> reminderHours, List<Coded> formalReview) {
    }

    record Department(String code, String name, String divisionCode) {
    }

    record Check(String rule, List<String> clauses, Severity severity) {
    }

    record Band(BigDecimal upTo, BigDecimal rate) {
    }

    record Rules(int minMonths, int maxMonths, BigDecimal enterpriseMatchingRatio, int leaderProjectLimit,
            int titleMaxLength, List<String> eligibleOrganizationCategories, List<String> ethicsTriggers,
            List<String> ipIndicatorKinds, BigDecimal duplicateSimilarityThreshold, List<Band> indirectCostBands,
            List<Check> checks) {

        static Rules of(CallDefinition.Rules r) {
            return new Rules(r.minMonths(), r.maxMonths(), r.enterpriseMatchingRatio(), r.leaderProjectLimit(),
                    r.titleMaxLength(), r.eligibleOrganizationCategories(), r.ethicsTriggers(), r.ipIndicatorKinds(),
                    r.duplicateSimilarityThreshold(),
                    r.indirectCostBands().stream().map(b -> new Band(b.upTo(), b.rate())).toList(),
                    r.checks().stream().map(c -> new Check(c.rule(), c.clauses(), c.severity())).toList());
        }
    }

    private static List<Coded> coded(List<CallDefinition.Item> items, Locale locale) {
        return items.stream().map(i -> new Coded(i.code(), t(i.title(), locale))).toList();
    }

    private static List<Clause> clauses(List<CallDefinition.Clause> clauses, Locale locale) {
        return clauses.stream().map(c -> new Clause(c.code(), t(c.title(), locale), t(c.text(), locale))).toList();
    }

    private static String t(LocalizedText text, Locale locale) {
        return text == null ? null : text.in(locale);
    }
}
