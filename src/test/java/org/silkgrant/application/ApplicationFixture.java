package org.silkgrant.application;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.silkgrant.application.ApplicationContent.Agreement;
import org.silkgrant.application.ApplicationContent.Basics;
import org.silkgrant.application.ApplicationContent.Budget;
import org.silkgrant.application.ApplicationContent.CoApplicant;
import org.silkgrant.application.ApplicationContent.CoApplicants;
import org.silkgrant.application.ApplicationContent.Ethics;
import org.silkgrant.application.ApplicationContent.HgrProcedure;
import org.silkgrant.application.ApplicationContent.Indicator;
import org.silkgrant.application.ApplicationContent.IndicatorKind;
import org.silkgrant.application.ApplicationContent.Indicators;
import org.silkgrant.application.ApplicationContent.Line;
import org.silkgrant.application.ApplicationContent.Member;
import org.silkgrant.application.ApplicationContent.MemberRole;
import org.silkgrant.application.ApplicationContent.Narrative;
import org.silkgrant.application.ApplicationContent.Partner;
import org.silkgrant.application.ApplicationContent.Partners;
import org.silkgrant.application.ApplicationContent.Person;
import org.silkgrant.application.ApplicationContent.Source;
import org.silkgrant.application.ApplicationContent.Team;
import org.silkgrant.application.RuleContext.ApplicantOrganization;
import org.silkgrant.application.RuleContext.AttachmentRef;
import org.silkgrant.application.rules.EligibilityRule;
import org.silkgrant.application.rules.EligibilityRules;
import org.silkgrant.application.rules.RuleOutcome;
import org.silkgrant.call.CallDefinition;
import org.silkgrant.call.CallDefinition.Category;
import org.silkgrant.call.CallDefinition.Check;
import org.silkgrant.call.CallDefinition.Need;
import org.silkgrant.call.CallDefinition.Rules;
import org.silkgrant.call.CallDefinition.Scope;
import org.silkgrant.call.internal.CallDefinitionLoader;
import org.silkgrant.organization.OrganizationType;
import org.silkgrant.shared.CreditCode;

/**
 * A complete application to the real 2023 call that passes every rule — a verified university in 650102 (Urumqi),
 * scope G3 with a partner in Altai Krai — which each test changes in the one place it is about.
 */
public final class ApplicationFixture {

    /** The 2023 SCO call as shipped in {@code calls/2023-sco.yaml}. */
    public static final CallDefinition CALL = loadCall();

    public static final String UNIVERSITY_CODE = creditCode("12", "650102", "457601234");
    public static final String ENTERPRISE_CODE = creditCode("91", "650102", "MA7760123");
    /** A valid code of a Beijing enterprise (RULES.md §6). */
    public static final String BEIJING_CODE = "91110000600037341L";

    public static final Instant DEADLINE = Instant.parse("2023-06-30T10:00:00Z");
    public static final Instant BEFORE_DEADLINE = Instant.parse("2023-06-01T02:00:00Z");

    /** The call the application is checked against; the real 2023 call unless a test needs another. */
    public CallDefinition call = CALL;

    public Basics basics = new Basics("中俄阿尔泰区域特色药用植物资源联合研究", "GENERAL", "G3", null, null, null, null,
            LocalDate.of(2024, 1, 1), LocalDate.of(2025, 12, 31), List.of("阿尔泰", "药用植物"),
            "与俄罗斯阿尔泰国立大学联合开展药用植物资源调查与评价。", null);
    public Narrative narrative = new Narrative("建立联合数据库", "双方资源互补", "资源调查与评价", "已签署合作备忘录",
            "中方负责评价，俄方负责采样", "三年分三阶段实施", "形成联合数据库和专利");
    public Team team = new Team(List.of(
            new Member("王明", MemberRole.LEADER, "教授", "新疆大学", "wang@example.edu.cn", null),
            new Member("李娜", MemberRole.MEMBER, "副教授", "新疆大学", "li@example.edu.cn", null),
            new Member("张强", MemberRole.RESEARCH_ASSISTANT, "科研助理", "新疆大学", "zhang@example.edu.cn", null)));
    public Partners partners = new Partners(List.of(altaiStateUniversity("RU", "RU-ALT")));
    public CoApplicants coApplicants = new CoApplicants(List.of(
            new CoApplicant("新疆某生物科技有限公司", ENTERPRISE_CODE, "新疆", "产业化示范")));
    public Budget budget = budget("100", "0",
            line("EQUIPMENT", Source.FISCAL, "30"),
            line("OPERATING", Source.FISCAL, "45.5"),
            line("LABOUR", Source.FISCAL, "15"),
            line("INDIRECT", Source.FISCAL, "9.5"));
    public Indicators indicators = new Indicators(List.of(
            new Indicator(IndicatorKind.PATENT_APPLICATION, "申请发明专利", 2, "项"),
            new Indicator(IndicatorKind.PAPER, "发表论文", 3, "篇"),
            new Indicator(IndicatorKind.TALENT, "培养研究生", 2, "人")));
    public Ethics ethics = new Ethics(false, false, false, null);
    public Agreement agreement = new Agreement("第3条", "第4条", "第6条第1款", "第6条第2款");

    public ApplicantOrganization organization =
            new ApplicantOrganization(UNIVERSITY_CODE, OrganizationType.UNIVERSITY, "650102", true);
    public List<AttachmentRef> attachments = new ArrayList<>(List.of(attachment("COOPERATION_AGREEMENT")));
    public Instant now = BEFORE_DEADLINE;
    public Instant deadline = DEADLINE;
    public Instant extendedUntil;
    public int leaderOtherProjects;
    public boolean organizationOnIntegrityList;
    public boolean leaderOnIntegrityList;
    public Double duplicateSimilarity = 0.12;
    /** The name on the submitting leader's account: the team's leader above. */
    public String accountHolder = "王明";

    public static ApplicationFixture complete() {
        return new ApplicationFixture();
    }

    public ApplicationContent content() {
        return new ApplicationContent(basics, narrative, team, partners, coApplicants, budget, indicators, ethics, agreement);
    }

    public RuleContext context() {
        return new RuleContext(organization, attachments, now, deadline, extendedUntil, leaderOtherProjects,
                organizationOnIntegrityList, leaderOnIntegrityList, duplicateSimilarity, accountHolder);
    }

    public RuleOutcome check(EligibilityRule rule) {
        return rule.check(content(), call, context());
    }

    public Checklist checklist() {
        return Checklist.evaluate(content(), call, context(), EligibilityRules.all());
    }

    // Changes, each to one place of the complete application.

    public ApplicationFixture direction(String category, String scope) {
        basics = new Basics(basics.title(), category, scope, null, null, null, null, basics.startDate(), basics.endDate(),
                basics.keywords(), basics.summary(), basics.recommendingDepartment());
        return this;
    }

    public ApplicationFixture field(String field) {
        basics = new Basics(basics.title(), basics.category(), basics.scope(), field, basics.platformType(),
                basics.portPark(), basics.previousProjectNumber(), basics.startDate(), basics.endDate(), basics.keywords(),
                basics.summary(), basics.recommendingDepartment());
        return this;
    }

    public ApplicationFixture platformType(String platformType) {
        basics = new Basics(basics.title(), basics.category(), basics.scope(), basics.field(), platformType,
                basics.portPark(), basics.previousProjectNumber(), basics.startDate(), basics.endDate(), basics.keywords(),
                basics.summary(), basics.recommendingDepartment());
        return this;
    }

    public ApplicationFixture portPark(String portPark) {
        basics = new Basics(basics.title(), basics.category(), basics.scope(), basics.field(), basics.platformType(),
                portPark, basics.previousProjectNumber(), basics.startDate(), basics.endDate(), basics.keywords(),
                basics.summary(), basics.recommendingDepartment());
        return this;
    }

    public ApplicationFixture previousProject(String number) {
        basics = new Basics(basics.title(), basics.category(), basics.scope(), basics.field(), basics.platformType(),
                basics.portPark(), number, basics.startDate(), basics.endDate(), basics.keywords(), basics.summary(),
                basics.recommendingDepartment());
        return this;
    }

    public ApplicationFixture period(LocalDate start, LocalDate end) {
        basics = new Basics(basics.title(), basics.category(), basics.scope(), basics.field(), basics.platformType(),
                basics.portPark(), basics.previousProjectNumber(), start, end, basics.keywords(), basics.summary(),
                basics.recommendingDepartment());
        return this;
    }

    /** Replaces the partners by one, complete, in the given country and ISO 3166-2 region. */
    public ApplicationFixture partnerIn(String country, String regionCode) {
        partners = new Partners(List.of(altaiStateUniversity(country, regionCode)));
        return this;
    }

    public ApplicationFixture partners(Partner... partners) {
        this.partners = new Partners(Arrays.asList(partners));
        return this;
    }

    public ApplicationFixture members(Member... members) {
        team = new Team(Arrays.asList(members));
        return this;
    }

    /** A verified enterprise in Urumqi (credit category 91). */
    public ApplicationFixture enterprise() {
        organization = new ApplicantOrganization(ENTERPRISE_CODE, OrganizationType.ENTERPRISE, "650102", true);
        return this;
    }

    public ApplicationFixture organization(String creditCode, OrganizationType type, String divisionCode) {
        organization = new ApplicantOrganization(creditCode, type, divisionCode, organization.verified());
        return this;
    }

    public ApplicationFixture indicators(Indicator... indicators) {
        this.indicators = new Indicators(Arrays.asList(indicators));
        return this;
    }

    /** The ethics answers: true 涉及, false 不涉及, null not answered. */
    public ApplicationFixture ethics(Boolean humanSubjects, Boolean humanGeneticResources, Boolean laboratoryAnimals,
            HgrProcedure procedure) {
        ethics = new Ethics(humanSubjects, humanGeneticResources, laboratoryAnimals, procedure);
        return this;
    }

    public ApplicationFixture attach(String kind) {
        attachments.add(attachment(kind));
        return this;
    }

    public ApplicationFixture detach(String kind) {
        attachments.removeIf(a -> a.kind().equals(kind));
        return this;
    }

    // Building blocks.

    /** The 2023 call running only the given checks. */
    public static CallDefinition callWithChecks(List<Check> checks) {
        Rules r = CALL.rules();
        return callWith(CALL.categories(), new Rules(r.minMonths(), r.maxMonths(), r.enterpriseMatchingRatio(),
                r.leaderProjectLimit(), r.titleMaxLength(), r.eligibleOrganizationCategories(), r.ethicsTriggers(),
                r.ipIndicatorKinds(), r.duplicateSimilarityThreshold(), r.indirectCostBands(), checks));
    }

    /** The 2023 call with other rule parameters. */
    public static CallDefinition callWithRules(Rules rules) {
        return callWith(CALL.categories(), rules);
    }

    /** The 2023 call where one scope needs exactly the given things and offers nothing. */
    public static CallDefinition callWhereScopeNeeds(String scopeCode, Need... needs) {
        List<Category> categories = CALL.categories().stream().map(c -> new Category(c.code(), c.title(),
                c.scopes().stream().map(s -> s.code().equals(scopeCode)
                        ? new Scope(s.code(), s.title(), s.text(), List.of(needs), List.of())
                        : s).toList())).toList();
        return callWith(categories, CALL.rules());
    }

    private static CallDefinition callWith(List<Category> categories, Rules rules) {
        CallDefinition c = CALL;
        return new CallDefinition(c.code(), c.year(), c.timeZone(), c.guideText(), c.program(), c.title(), c.shortTitle(),
                c.introduction(), c.region(), c.schedule(), categories, c.fields(), c.platformTypes(), c.altaiRegions(),
                c.portParks(), c.eligibility(), c.requirements(), rules, c.budgetCategories(), c.attachmentKinds(),
                c.recommendingDepartments(), c.routing(), c.review(), c.contact(), c.award());
    }

    public static Partner altaiStateUniversity(String country, String regionCode) {
        return new Partner(country, regionCode, "Алтайский государственный университет", "пр. Ленина, 61, Барнаул",
                List.of(new Person("Иван Петров", "профессор", "руководитель с российской стороны", "petrov@example.ru")));
    }

    public static Budget budget(String fiscal, String selfRaised, Line... lines) {
        return new Budget(fiscal == null ? null : new BigDecimal(fiscal), selfRaised == null ? null : new BigDecimal(selfRaised),
                Arrays.asList(lines));
    }

    public static Line line(String category, Source source, String amount) {
        return new Line(category, source, amount == null ? null : new BigDecimal(amount), null);
    }

    public static AttachmentRef attachment(String kind) {
        return new AttachmentRef(kind, kind.toLowerCase(java.util.Locale.ROOT) + ".pdf", "0".repeat(64));
    }

    /** A valid credit code: category, division, organisation code, and the computed check character. */
    public static String creditCode(String category, String division, String organizationCode) {
        String first17 = category + division + organizationCode;
        return first17 + CreditCode.checkCharacter(first17);
    }

    private static CallDefinition loadCall() {
        ClassLoader classLoader = ApplicationFixture.class.getClassLoader();
        try (InputStream in = classLoader.getResourceAsStream("calls/2023-sco.yaml")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return new CallDefinitionLoader(path -> classLoader.getResource(path) != null).parse("calls/2023-sco.yaml", text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
