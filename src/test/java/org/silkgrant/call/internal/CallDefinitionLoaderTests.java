package org.silkgrant.call.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.silkgrant.call.CallDefinition;
import org.silkgrant.call.CallDefinition.Need;
import org.silkgrant.call.CallDefinition.Severity;
import org.silkgrant.call.InvalidCallDefinitionException;

class CallDefinitionLoaderTests {

    private static final String SOURCE = "calls/2023-sco.yaml";
    private final CallDefinitionLoader loader = new CallDefinitionLoader(path -> getClass().getClassLoader().getResource(path) != null);

    private static String shipped() throws IOException {
        try (InputStream in = CallDefinitionLoaderTests.class.getClassLoader().getResourceAsStream(SOURCE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private InvalidCallDefinitionException refused(String text) {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> loader.parse("calls/bad.yaml", text));
        assertThat(thrown).isInstanceOf(InvalidCallDefinitionException.class);
        return (InvalidCallDefinitionException) thrown;
    }

    private static String replaceOnce(String text, String from, String to) {
        assertThat(text).contains(from);
        return text.replaceFirst(java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to));
    }

    @Test
    void loadsTheShipped2023Call() throws IOException {
        CallDefinition call = loader.parse(SOURCE, shipped());

        assertThat(call.code()).isEqualTo("2023-SCO");
        assertThat(call.timeZone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
        assertThat(call.title().zh()).isEqualTo("2023年自治区上海合作组织科技伙伴计划及国际科技合作计划");
        assertThat(call.categories()).extracting(CallDefinition.Category::code).containsExactly("KEY", "GENERAL");
        assertThat(call.categories().get(0).scopes()).extracting(CallDefinition.Scope::code)
                .containsExactly("K1", "K2", "K3", "K4", "K5");
        assertThat(call.categories().get(1).scopes()).extracting(CallDefinition.Scope::code)
                .containsExactly("G1", "G2", "G3", "G4", "G5", "G6", "G7", "G8", "G9");
        assertThat(call.fields()).hasSize(13).extracting(f -> f.title().zh()).contains("现代农业", "碳达峰碳中和", "数字经济");
        assertThat(call.altaiRegions()).hasSize(12);
        assertThat(call.portParks()).hasSize(3);
        assertThat(call.eligibility()).extracting(CallDefinition.Clause::code).containsExactly("C1", "C2");
        assertThat(call.requirements()).extracting(CallDefinition.Clause::code)
                .containsExactly("R1", "R2", "R3", "R4", "R5", "R6");
        assertThat(call.contact().phone()).isEqualTo("0991-3680709");
        assertThat(call.contact().division().zh()).isEqualTo("国际合作处");
    }

    @Test
    void scopesSayWhatTheyNeed() throws IOException {
        CallDefinition call = loader.parse(SOURCE, shipped());

        assertThat(call.scope("G1").orElseThrow().needs()).containsExactly(Need.FIELD);
        assertThat(call.scope("G1").orElseThrow().offers()).containsExactly(Need.PLATFORM_TYPE);
        assertThat(call.scope("G3").orElseThrow().needs()).containsExactly(Need.ALTAI_PARTNER);
        assertThat(call.scope("G6").orElseThrow().needs()).containsExactly(Need.PORT_PARK);
        assertThat(call.scope("G8").orElseThrow().needs()).containsExactly(Need.PREVIOUS_PROJECT);
        assertThat(call.scope("K1").orElseThrow().needs()).isEmpty();
    }

    @Test
    void keepsRuleParametersExact() throws IOException {
        CallDefinition.Rules rules = loader.parse(SOURCE, shipped()).rules();

        assertThat(rules.minMonths()).isEqualTo(24);
        assertThat(rules.maxMonths()).isEqualTo(36);
        assertThat(rules.enterpriseMatchingRatio()).isEqualByComparingTo("2");
        assertThat(rules.leaderProjectLimit()).isEqualTo(1);
        assertThat(rules.indirectCostBands()).extracting(CallDefinition.IndirectCostBand::rate)
                .containsExactly(new BigDecimal("0.30"), new BigDecimal("0.25"), new BigDecimal("0.20"));
        assertThat(rules.checks()).hasSize(CallDefinitionLoader.KNOWN_RULES.size());
        assertThat(rules.checks()).filteredOn(c -> c.severity() == Severity.WARNING)
                .extracting(CallDefinition.Check::rule).containsExactly("DUPLICATE_CONTENT");
    }

    @Test
    void acceptsCurrentAndFormerAltaiRegionCodes() throws IOException {
        CallDefinition call = loader.parse(SOURCE, shipped());
        CallDefinition.AltaiRegion eastKazakhstan = call.altaiRegions().stream()
                .filter(r -> r.code().equals("KZ-63")).findFirst().orElseThrow();

        assertThat(eastKazakhstan.matches("KZ-63")).isTrue();
        assertThat(eastKazakhstan.matches("KZ-VOS")).isTrue();
        assertThat(eastKazakhstan.matches("KZ-35")).isFalse();
        assertThat(eastKazakhstan.name().in(Locale.forLanguageTag("ru"))).isEqualTo("Восточно-Казахстанская область");
    }

    @Test
    void everyTextHasAllThreeLanguages() throws IOException {
        CallDefinition call = loader.parse(SOURCE, shipped());
        List<org.silkgrant.shared.LocalizedText> texts = new java.util.ArrayList<>();
        call.categories().forEach(c -> {
            texts.add(c.title());
            c.scopes().forEach(s -> { texts.add(s.title()); texts.add(s.text()); });
        });
        call.eligibility().forEach(c -> { texts.add(c.title()); texts.add(c.text()); });
        call.requirements().forEach(c -> { texts.add(c.title()); texts.add(c.text()); });

        assertThat(texts).allSatisfy(t -> {
            assertThat(t.zh()).isNotBlank();
            assertThat(t.en()).isNotBlank().doesNotContainPattern("\\p{IsHan}");
            assertThat(t.ru()).isNotBlank().containsPattern("\\p{IsCyrillic}");
        });
    }

    @Test
    void refusesAnUnknownScopeCodeInARule() throws IOException {
        var e = refused(replaceOnce(shipped(), "{rule: INTEGRITY_RECORD, clauses: [G8]", "{rule: INTEGRITY_RECORD, clauses: [G10]"));

        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("rules.checks[15].clauses");
            assertThat(p.message()).startsWith("unknown scope code 'G10'");
        });
        assertThat(e.getMessage()).contains("calls/bad.yaml: rules.checks[15].clauses: unknown scope code 'G10'");
    }

    @Test
    void refusesANegativeRatio() throws IOException {
        var e = refused(replaceOnce(shipped(), "enterpriseMatchingRatio: 2", "enterpriseMatchingRatio: -1"));

        assertThat(e.problems()).singleElement().hasToString("rules.enterpriseMatchingRatio: must not be negative");
    }

    @Test
    void refusesMinimumAboveMaximum() throws IOException {
        var e = refused(replaceOnce(shipped(), "minMonths: 24", "minMonths: 48"));

        assertThat(e.problems()).singleElement().hasToString("rules.maxMonths: must not be less than minMonths (48)");
    }

    @Test
    void refusesAMissingTranslation() throws IOException {
        var e = refused(replaceOnce(shipped(), "  - {code: NEW_ENERGY, title: {zh: 新能源, en: New energy, ru: Новая энергетика}}",
                "  - {code: NEW_ENERGY, title: {zh: 新能源, en: New energy}}"));

        assertThat(e.problems()).singleElement().hasToString("fields[1].title.ru: missing translation (ru)");
    }

    @Test
    void refusesADuplicateCode() throws IOException {
        var e = refused(replaceOnce(shipped(), "{code: NEW_ENERGY,", "{code: MODERN_AGRICULTURE,"));

        assertThat(e.problems()).singleElement().hasToString("fields: duplicate code 'MODERN_AGRICULTURE'");
    }

    @Test
    void refusesADuplicateScopeAcrossCategories() throws IOException {
        var e = refused(replaceOnce(shipped(), "      - code: G9\n", "      - code: K1\n"));

        assertThat(e.problems()).extracting(Object::toString).contains("categories: duplicate scope code 'K1'");
    }

    @Test
    void refusesAnUnknownKeySoTyposAreNotIgnored() throws IOException {
        var e = refused(replaceOnce(shipped(), "maxMonths: 36", "maxMonth: 36"));

        assertThat(e.problems()).extracting(Object::toString).contains("rules.maxMonths: is required")
                .anySatisfy(p -> assertThat(p).startsWith("rules.maxMonth: unknown key"));
    }

    @Test
    void refusesAScopeThatNeedsAListTheCallLacks() throws IOException {
        String text = shipped();
        String withoutParks = text.substring(0, text.indexOf("portParks:\n")) + "portParks: []\n"
                + text.substring(text.indexOf("\neligibility:"));
        var e = refused(withoutParks);

        assertThat(e.problems()).singleElement().hasToString("categories: scope G6 needs PORT_PARK but the call lists none");
    }

    @Test
    void refusesARegionCodeOfAnotherCountry() throws IOException {
        var e = refused(replaceOnce(shipped(), "{country: RU, code: RU-TY,", "{country: RU, code: KZ-TY,"));

        assertThat(e.problems()).singleElement().hasToString("altaiRegions[2].code: 'KZ-TY' is not an ISO 3166-2 code of RU");
    }

    @Test
    void refusesAPortParkOutsideTheRegion() throws IOException {
        var e = refused(replaceOnce(shipped(), "divisionCodes: [\"653101\"]", "divisionCodes: [\"110101\"]"));

        assertThat(e.problems()).singleElement().hasToString("portParks[0].divisionCodes: '110101' lies outside the region (65)");
    }

    @Test
    void refusesAnUnknownRuleAndSeverity() throws IOException {
        var e = refused(replaceOnce(shipped(), "{rule: DUPLICATE_CONTENT, clauses: [PRACTICE], severity: WARNING}",
                "{rule: DUPLICATES, clauses: [PRACTICE], severity: MAYBE}"));

        assertThat(e.problems()).extracting(Object::toString).hasSize(2)
                .anySatisfy(p -> assertThat(p).startsWith("rules.checks[17].rule: unknown rule 'DUPLICATES'"))
                .contains("rules.checks[17].severity: must be BLOCKING or WARNING");
    }

    @Test
    void refusesAScheduleThatClosesBeforeItOpens() throws IOException {
        var e = refused(replaceOnce(shipped(), "timeZone: Asia/Shanghai\n",
                "timeZone: Asia/Shanghai\nschedule:\n  opensAt: 2023-07-01T09:00\n  deadline: 2023-06-30T18:00\n"));

        assertThat(e.problems()).singleElement().hasToString("schedule.deadline: must be after opensAt (2023-07-01T09:00)");
    }

    @Test
    void readsAScheduleInTheCallsTimeZone() throws IOException {
        CallDefinition call = loader.parse(SOURCE, replaceOnce(shipped(), "timeZone: Asia/Shanghai\n",
                "timeZone: Asia/Shanghai\nschedule:\n  opensAt: 2023-06-01T09:00\n  deadline: 2023-06-30T18:00\n"));

        assertThat(call.schedule().deadline()).hasToString("2023-06-30T18:00");
    }

    @Test
    void reportsEveryProblemAtOnce() throws IOException {
        String text = replaceOnce(replaceOnce(shipped(), "minMonths: 24", "minMonths: 0"), "  phone: 0991-3680709\n", "");
        var e = refused(text);

        assertThat(e.problems()).extracting(Object::toString)
                .containsExactlyInAnyOrder("rules.minMonths: must be greater than 0", "contact.phone: is required");
    }

    @Test
    void refusesTextThatIsNotYamlWithItsLine() {
        var e = refused("code: 2023-SCO\ntitle: {zh: a, en: b\n");

        assertThat(e.problems()).singleElement().satisfies(p -> assertThat(p.message()).startsWith("is not valid YAML (line"));
    }

    @Test
    void refusesAMissingGuideText() throws IOException {
        var e = refused(replaceOnce(shipped(), "guideText: guides/2023-sco-partnership-guide.zh.txt",
                "guideText: guides/missing.txt"));

        assertThat(e.problems()).singleElement().hasToString("guideText: guide text 'guides/missing.txt' not found");
    }

    @Test
    void refusesAnEmptyDocument() {
        assertThatThrownBy(() -> loader.parse("calls/empty.yaml", "# nothing\n"))
                .isInstanceOf(InvalidCallDefinitionException.class)
                .hasMessageContaining("calls/empty.yaml: (document): must be a mapping");
    }

    @Test
    void readsTheReviewBlock() throws IOException {
        CallDefinition.Review review = loader.parse(SOURCE, shipped()).review();

        assertThat(review.expertsPerApplication()).isEqualTo(5);
        assertThat(review.maxApplicationsPerExpert()).isEqualTo(15);
        assertThat(review.reviewPeriod()).isEqualTo(java.time.Duration.ofDays(14));
        assertThat(review.reminderHours()).containsExactly(72, 24);
        assertThat(review.disagreementThreshold()).isEqualByComparingTo("20");
        assertThat(review.trimmedMeanMinimumScores()).isEqualTo(5);
        assertThat(review.noticePeriod()).isEqualTo(java.time.Duration.ofDays(7));
        assertThat(review.objectionPeriod()).isEqualTo(review.noticePeriod());
        assertThat(review.rubric()).extracting(CallDefinition.Criterion::code)
                .containsExactly("INNOVATION", "COOPERATION", "FEASIBILITY", "OUTCOMES", "BUDGET");
        assertThat(review.rubric().stream().map(CallDefinition.Criterion::weight).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo("100");
        assertThat(review.criterion("BUDGET").orElseThrow().title().en()).isEqualTo("Budget reasonableness");
    }

    @Test
    void defaultsExpertsTrimmedMinimumAndNoticePeriod() throws IOException {
        String text = replaceOnce(replaceOnce(replaceOnce(shipped(), "  expertsPerApplication: 5\n", ""),
                "  trimmedMeanMinimumScores: 5\n", ""), "  noticePeriod: P7D\n", "");
        CallDefinition.Review review = loader.parse(SOURCE, text).review();

        assertThat(review.expertsPerApplication()).isEqualTo(5);
        assertThat(review.trimmedMeanMinimumScores()).isEqualTo(5);
        assertThat(review.noticePeriod()).isEqualTo(java.time.Duration.ofDays(7));
    }

    @Test
    void refusesRubricWeightsThatDoNotSumTo100() throws IOException {
        var e = refused(replaceOnce(shipped(), "      weight: \"10\"", "      weight: \"15\""));

        assertThat(e.problems()).singleElement().hasToString("review.rubric: weights must sum to 100 (they sum to 105)");
    }

    @Test
    void refusesAScoreRangeWhoseMaximumIsNotAboveItsMinimum() throws IOException {
        var e = refused(replaceOnce(shipped(), "      minScore: \"0\"\n      maxScore: \"10\"",
                "      minScore: \"10\"\n      maxScore: \"10\""));

        assertThat(e.problems()).singleElement().hasToString("review.rubric[0].maxScore: must be greater than minScore (10)");
    }

    @Test
    void refusesNoExpertsAndPeriodsThatAreNotPositive() throws IOException {
        String text = replaceOnce(replaceOnce(replaceOnce(shipped(), "expertsPerApplication: 5", "expertsPerApplication: 0"),
                "reviewPeriod: P14D", "reviewPeriod: -P1D"), "noticePeriod: P7D", "noticePeriod: PT0S");
        var e = refused(text);

        assertThat(e.problems()).extracting(Object::toString).containsExactlyInAnyOrder(
                "review.expertsPerApplication: must be greater than 0",
                "review.reviewPeriod: must be a positive period",
                "review.noticePeriod: must be a positive period");
    }

    @Test
    void refusesAMissingReviewBlockAndAThresholdOutOfRange() throws IOException {
        assertThat(refused(replaceOnce(shipped(), "disagreementThreshold: \"20\"", "disagreementThreshold: \"0\"")).problems())
                .singleElement().hasToString("review.disagreementThreshold: must be greater than 0 and at most 100 "
                        + "(points of the weighted total)");
        String without = shipped().replaceAll("(?s)\nreview:\n.*?\n\ncontact:", "\n\ncontact:");
        assertThat(refused(without).problems()).singleElement().hasToString("review: is required");
    }

    @Test
    void readsTheBudgetEnvelopeOfEachCategoryExactlyAndPublicObjectionsOff() throws IOException {
        CallDefinition.Award award = loader.parse(SOURCE, shipped()).award();

        assertThat(award.budgetEnvelope()).extracting(CallDefinition.Envelope::category).containsExactly("KEY", "GENERAL");
        assertThat(award.envelope("KEY")).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("1200"));
        assertThat(award.envelope("GENERAL")).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("1800"));
        assertThat(award.envelope("OTHER")).isEmpty();
        assertThat(award.publicObjections().enabled()).isFalse();
        assertThat(award.publicObjections().codesPerAddressPerHour()).isEqualTo(3);
        assertThat(award.publicObjections().codesPerClientAddressPerHour()).isEqualTo(20);
        assertThat(award.publicObjections().codeValidity()).isEqualTo(java.time.Duration.ofMinutes(30));

        CallDefinition exact = loader.parse(SOURCE, replaceOnce(shipped(), "{category: KEY, amount: \"1200\"}",
                "{category: KEY, amount: \"1200.0001\"}"));
        assertThat(exact.award().envelope("KEY").orElseThrow()).isEqualTo(new BigDecimal("1200.0001"));
        CallDefinition defaults = loader.parse(SOURCE, shipped().replaceAll("(?s)\n  publicObjections:\n.*$", "\n"));
        assertThat(defaults.award().publicObjections()).isEqualTo(CallDefinition.PublicObjections.OFF);
    }

    @Test
    void refusesAnEnvelopeThatIsMissingUnknownNotPositiveOrNotExact() throws IOException {
        assertThat(refused(replaceOnce(shipped(), "    - {category: GENERAL, amount: \"1800\"}\n", "")).problems())
                .singleElement().hasToString("award.budgetEnvelope: has no envelope for category GENERAL");
        assertThat(refused(replaceOnce(shipped(), "{category: GENERAL, amount: \"1800\"}",
                "{category: GENERAL, amount: \"1800\"}\n    - {category: SPECIAL, amount: \"5\"}")).problems())
                .singleElement().hasToString("award.budgetEnvelope[2].category: unknown category 'SPECIAL' (known: KEY, GENERAL)");
        assertThat(refused(replaceOnce(shipped(), "{category: GENERAL, amount: \"1800\"}",
                "{category: KEY, amount: \"1800\"}")).problems()).extracting(Object::toString).containsExactlyInAnyOrder(
                        "award.budgetEnvelope: duplicate code 'KEY'", "award.budgetEnvelope: has no envelope for category GENERAL");
        assertThat(refused(replaceOnce(shipped(), "amount: \"1200\"", "amount: \"0\"")).problems()).singleElement()
                .hasToString("award.budgetEnvelope[0].amount: must be greater than 0 (万元)");
        assertThat(refused(replaceOnce(shipped(), "amount: \"1200\"", "amount: \"1200.00001\"")).problems())
                .singleElement().hasToString("award.budgetEnvelope[0].amount: has more than 4 decimals (万元 to the yuan)");
        assertThat(refused(replaceOnce(shipped(), "amount: \"1200\"", "amount: \"10000000000\"")).problems())
                .singleElement().hasToString("award.budgetEnvelope[0].amount: must be at most 9999999999.9999 (万元)");
        assertThat(refused(replaceOnce(shipped(), "amount: \"1200\"", "amount: \"much\"")).problems()).singleElement()
                .hasToString("award.budgetEnvelope[0].amount: 'much' is not a number");
        String without = shipped().replaceAll("(?s)\naward:\n.*$", "\n");
        assertThat(refused(without).problems()).singleElement().hasToString("award: is required");
    }

    @Test
    void refusesUnboundedCodeLimitsForPublicObjections() throws IOException {
        String text = replaceOnce(replaceOnce(replaceOnce(shipped(), "codesPerAddressPerHour: 3", "codesPerAddressPerHour: 0"),
                "codesPerClientAddressPerHour: 20", "codesPerClientAddressPerHour: 100000"), "codeValidity: PT30M",
                "codeValidity: P2D");
        assertThat(refused(text).problems()).extracting(Object::toString).containsExactly(
                "award.publicObjections.codesPerAddressPerHour: must be greater than 0",
                "award.publicObjections.codesPerClientAddressPerHour: must be at most 1000",
                "award.publicObjections.codeValidity: must be at most P1D");
        assertThat(loader.parse(SOURCE, replaceOnce(shipped(), "enabled: false", "enabled: true")).award()
                .publicObjections().enabled()).isTrue();
    }
}
