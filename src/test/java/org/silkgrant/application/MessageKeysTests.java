package org.silkgrant.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.silkgrant.application.ApplicationFixture.budget;
import static org.silkgrant.application.ApplicationFixture.complete;
import static org.silkgrant.application.ApplicationFixture.line;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.silkgrant.application.ApplicationContent.Agreement;
import org.silkgrant.application.ApplicationContent.HgrProcedure;
import org.silkgrant.application.ApplicationContent.Indicator;
import org.silkgrant.application.ApplicationContent.IndicatorKind;
import org.silkgrant.application.ApplicationContent.Member;
import org.silkgrant.application.ApplicationContent.MemberRole;
import org.silkgrant.application.ApplicationContent.Narrative;
import org.silkgrant.application.ApplicationContent.Partner;
import org.silkgrant.application.ApplicationContent.Person;
import org.silkgrant.application.ApplicationContent.Source;
import org.silkgrant.application.rules.EligibilityRule;
import org.silkgrant.application.rules.EligibilityRules;
import org.silkgrant.application.rules.RuleOutcome;
import org.silkgrant.call.CallDefinition.Need;
import org.silkgrant.call.internal.CallDefinitionLoader;
import org.silkgrant.organization.OrganizationType;

/**
 * Every message key a rule produces is in all three application bundles, and every key there is produced: the
 * rules run over the complete application and over one change for each way a rule can end.
 */
class MessageKeysTests {

    private static final List<RuleOutcome> OUTCOMES = new ArrayList<>();

    @BeforeAll
    static void runEveryRuleOverEveryScenario() {
        for (ApplicationFixture application : scenarios()) {
            for (EligibilityRule rule : EligibilityRules.all()) {
                OUTCOMES.add(application.check(rule));
            }
        }
    }

    private static ApplicationFixture scenario(Consumer<ApplicationFixture> change) {
        ApplicationFixture application = complete();
        change.accept(application);
        return application;
    }

    private static List<ApplicationFixture> scenarios() {
        List<ApplicationFixture> s = new ArrayList<>();
        s.add(complete());
        s.add(scenario(a -> {
            a.basics = null;
            a.narrative = null;
            a.team = null;
            a.partners = null;
            a.budget = null;
            a.indicators = null;
            a.ethics = null;
            a.agreement = null;
            a.attachments.clear();
            a.organization = null;
            a.deadline = null;
            a.duplicateSimilarity = null;
        }));
        // Organisation
        s.add(scenario(a -> a.organization(ApplicationFixture.BEIJING_CODE, OrganizationType.ENTERPRISE, "650102")));
        s.add(scenario(a -> a.organization("12650102X", OrganizationType.UNIVERSITY, "650102")));
        s.add(scenario(a -> a.organization(ApplicationFixture.UNIVERSITY_CODE, OrganizationType.UNIVERSITY, null)));
        s.add(scenario(a -> a.organization(ApplicationFixture.UNIVERSITY_CODE, OrganizationType.UNIVERSITY, "110101")));
        s.add(scenario(a -> a.organization(ApplicationFixture.creditCode("51", "650102", "MJ0000001"),
                OrganizationType.SOCIAL_ORGANIZATION, "650102")));
        s.add(scenario(a -> a.organization(ApplicationFixture.UNIVERSITY_CODE, null, "650102")));
        s.add(scenario(a -> a.organization(ApplicationFixture.UNIVERSITY_CODE, OrganizationType.ENTERPRISE, "650102")));
        // Direction
        s.add(scenario(a -> a.direction("MAJOR", "G3")));
        s.add(scenario(a -> a.direction("GENERAL", null)));
        s.add(scenario(a -> a.direction("KEY", "G3")));
        s.add(scenario(a -> a.direction("GENERAL", "G1")));
        s.add(scenario(a -> a.direction("GENERAL", "G1").field("ASTROLOGY")));
        s.add(scenario(a -> a.direction("GENERAL", "G1").field("NEW_ENERGY").platformType("SPACE_STATION")));
        s.add(scenario(a -> {
            a.call = ApplicationFixture.callWhereScopeNeeds("G1", Need.FIELD, Need.PLATFORM_TYPE);
            a.direction("GENERAL", "G1").field("NEW_ENERGY");
        }));
        s.add(scenario(a -> a.direction("GENERAL", "G6")));
        s.add(scenario(a -> a.direction("GENERAL", "G6").portPark("URUMQI_HTZ")));
        s.add(scenario(a -> a.direction("GENERAL", "G8")));
        s.add(scenario(a -> a.partnerIn("RU", "RU-NVS")));
        // Partners
        Person person = new Person("Иван Петров", "профессор", "координатор", null);
        s.add(scenario(a -> a.partners(new Partner("RU", "RU-ALT", "АлтГУ", null, List.of(person)))));
        s.add(scenario(a -> a.partners(new Partner("CN", "CN-XJ", "新疆大学", "乌鲁木齐市", List.of(person)))));
        s.add(scenario(a -> a.partners(new Partner("RU", "RU-ALT", "АлтГУ", "Барнаул", List.of()))));
        // Agreement and narrative
        s.add(scenario(a -> a.agreement = null));
        s.add(scenario(a -> a.agreement = new Agreement("第3条", null, null, null)));
        s.add(scenario(a -> a.agreement = new Agreement("第3条", "第4条", null, null)));
        s.add(scenario(a -> a.agreement = new Agreement("第3条", "第4条", "第5条", null)));
        for (int i = 0; i < 7; i++) {
            String[] parts = {"a", "b", "c", "d", "e", "f", "g"};
            parts[i] = null;
            s.add(scenario(a -> a.narrative = new Narrative(parts[0], parts[1], parts[2], parts[3], parts[4], parts[5], parts[6])));
        }
        // Indicators
        s.add(scenario(a -> a.indicators(new Indicator(IndicatorKind.PATENT_APPLICATION, "专利", null, "项"))));
        s.add(scenario(a -> a.indicators(new Indicator(IndicatorKind.PATENT_APPLICATION, "专利", -1, "项"))));
        s.add(scenario(a -> a.indicators(new Indicator(IndicatorKind.PATENT_APPLICATION, "专利", 0, null))));
        // Ethics
        s.add(scenario(a -> a.ethics(null, false, false, null)));
        s.add(scenario(a -> a.ethics(true, false, false, null)));
        s.add(scenario(a -> a.ethics(true, false, true, null).attach("ETHICS_OPINION")));
        s.add(scenario(a -> a.ethics(false, true, false, null).attach("ETHICS_OPINION")));
        s.add(scenario(a -> a.ethics(false, true, false, HgrProcedure.APPROVED).attach("ETHICS_OPINION")));
        // Funds and budget
        s.add(scenario(a -> a.enterprise().budget = budget("100", "200")));
        s.add(scenario(a -> a.enterprise().budget = budget("100", "150")));
        s.add(scenario(a -> a.enterprise().budget = budget(null, "150")));
        s.add(scenario(a -> a.budget = budget("-1", "0")));
        s.add(scenario(a -> a.budget = budget("1.00001", "0")));
        s.add(scenario(a -> a.budget = budget("1", "0", line(null, Source.FISCAL, "1"))));
        s.add(scenario(a -> a.budget = budget("1", "0", line("TRAVEL", Source.FISCAL, "1"))));
        s.add(scenario(a -> a.budget = budget("1", "0", line("LABOUR", null, "1"))));
        s.add(scenario(a -> a.budget = budget("1", "0", line("LABOUR", Source.FISCAL, null))));
        s.add(scenario(a -> a.budget = budget("1", "0", line("LABOUR", Source.FISCAL, "-1"))));
        s.add(scenario(a -> a.budget = budget("1", "0", line("LABOUR", Source.FISCAL, "0.99999"))));
        s.add(scenario(a -> a.budget = budget("1", "0", line("LABOUR", Source.FISCAL, "0.9999"))));
        s.add(scenario(a -> a.budget = budget("1", "1", line("LABOUR", Source.FISCAL, "1"))));
        // Team and period
        s.add(scenario(a -> a.members(new Member("王明", MemberRole.LEADER, "教授", "新疆大学", null, null))));
        s.add(scenario(a -> a.members(new Member("王明", MemberRole.MEMBER, "教授", "新疆大学", null, null))));
        s.add(scenario(a -> a.members(new Member("王明", MemberRole.LEADER, "教授", "新疆大学", null, null),
                new Member("刘强", MemberRole.LEADER, "教授", "新疆大学", null, null))));
        s.add(scenario(a -> a.members(new Member(null, MemberRole.LEADER, "教授", "新疆大学", null, null))));
        s.add(scenario(a -> a.members(new Member("刘强", MemberRole.LEADER, "教授", "新疆大学", null, null))));
        s.add(scenario(a -> a.period(LocalDate.of(2024, 1, 1), LocalDate.of(2025, 1, 1))));
        s.add(scenario(a -> a.period(LocalDate.of(2024, 1, 1), LocalDate.of(2028, 1, 1))));
        // Deadline, integrity, limit, duplicates
        s.add(scenario(a -> a.now = ApplicationFixture.DEADLINE.plus(Duration.ofDays(1))));
        s.add(scenario(a -> {
            a.now = ApplicationFixture.DEADLINE.plus(Duration.ofDays(1));
            a.extendedUntil = ApplicationFixture.DEADLINE.plus(Duration.ofDays(2));
        }));
        s.add(scenario(a -> {
            a.now = ApplicationFixture.DEADLINE.plus(Duration.ofDays(3));
            a.extendedUntil = ApplicationFixture.DEADLINE.plus(Duration.ofDays(2));
        }));
        s.add(scenario(a -> a.organizationOnIntegrityList = true));
        s.add(scenario(a -> a.leaderOnIntegrityList = true));
        s.add(scenario(a -> a.leaderOtherProjects = 2));
        s.add(scenario(a -> a.duplicateSimilarity = 0.75));
        return s;
    }

    private static Properties bundle(String suffix) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = MessageKeysTests.class.getResourceAsStream("/messages/application" + suffix + ".properties")) {
            assertThat(in).as("bundle application%s.properties", suffix).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    private static Set<String> producedKeys() {
        Set<String> keys = new TreeSet<>();
        OUTCOMES.forEach(o -> keys.add(o.messageKey()));
        return keys;
    }

    @ParameterizedTest
    @CsvSource({"''", "_en", "_ru"})
    void everyKeyARuleProducesIsInTheBundleAndEveryKeyThereIsProduced(String suffix) throws IOException {
        assertThat(new TreeSet<>(bundle(suffix).stringPropertyNames()))
                .as("keys of application%s.properties (actual) against the keys the rules produce (expected)", suffix)
                .containsExactlyElementsOf(producedKeys());
    }

    @Test
    void keysAreRuleIdThenReasonNeverTheBareRuleDescriptionKey() throws IOException {
        assertThat(bundle("").stringPropertyNames()).allSatisfy(key -> {
            String[] parts = key.split("\\.");
            assertThat(parts).as(key).hasSize(3);
            assertThat(parts[0]).isEqualTo("rule");
            assertThat(CallDefinitionLoader.KNOWN_RULES).contains(parts[1]);
        });
    }

    @Test
    void argumentsArePlainValues() {
        assertThat(OUTCOMES).flatExtracting(RuleOutcome::arguments)
                .allSatisfy(argument -> assertThat(argument).isInstanceOfAny(String.class, Integer.class));
    }

    @ParameterizedTest
    @CsvSource({"'', zh-CN", "_en, en", "_ru, ru"})
    void everyMessageFormatsWithItsArguments(String suffix, String language) throws IOException {
        Properties bundle = bundle(suffix);
        Locale locale = Locale.forLanguageTag(language);
        for (RuleOutcome outcome : OUTCOMES) {
            String pattern = bundle.getProperty(outcome.messageKey());
            // An apostrophe would be swallowed by MessageFormat once arguments are present.
            assertThat(pattern).as(outcome.messageKey()).isNotBlank().doesNotContain("'");
            String text = new MessageFormat(pattern, locale).format(outcome.arguments().toArray());
            assertThat(text).as("%s with %s", outcome.messageKey(), outcome.arguments()).doesNotContain("{", "}");
        }
    }
}
