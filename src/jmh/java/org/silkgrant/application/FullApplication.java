package org.silkgrant.application;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.silkgrant.application.ApplicationContent.Basics;
import org.silkgrant.application.ApplicationContent.CoApplicant;
import org.silkgrant.application.ApplicationContent.CoApplicants;
import org.silkgrant.application.ApplicationContent.Indicator;
import org.silkgrant.application.ApplicationContent.IndicatorKind;
import org.silkgrant.application.ApplicationContent.Line;
import org.silkgrant.application.ApplicationContent.Member;
import org.silkgrant.application.ApplicationContent.MemberRole;
import org.silkgrant.application.ApplicationContent.Narrative;
import org.silkgrant.application.ApplicationContent.Partner;
import org.silkgrant.application.ApplicationContent.Person;
import org.silkgrant.application.ApplicationContent.Source;
import org.silkgrant.application.rules.EligibilityRules;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The biggest application the benchmarks measure: every section filled as a large consortium would — a narrative of
 * about 15,000 characters, 30 team members, 5 foreign partners with 4 people each, 4 co-applicants, 20 indicators,
 * 24 budget lines and 6 attachments — and still passing every rule of the 2023 call. Its PDF has about 20 pages and
 * its submission snapshot about 70 KB of canonical JSON.
 */
final class FullApplication {

    private static final String[] SENTENCES = {
        "阿尔泰山跨越中国、俄罗斯、哈萨克斯坦和蒙古四国，是欧亚大陆腹地重要的生态屏障和药用植物资源宝库。",
        "项目组将在新疆阿勒泰地区与俄罗斯阿尔泰边疆区同步布设样地，统一采样方法、标本编号和数据格式。",
        "针对雪莲、红景天、阿魏等特色药用植物，开展资源分布、蕴藏量和有效成分含量的联合调查与评价。",
        "中方负责化学成分分析和质量标准研究，俄方负责野外采样、种质保存和传统用药知识整理。",
        "双方每年互派科研人员不少于六人次，联合培养研究生，并在乌鲁木齐和巴尔瑙尔轮流举办学术研讨会。",
        "项目将建立中俄阿尔泰区域药用植物资源联合数据库，数据按照双方签署的共享协议分级开放。",
        "在资源评价的基础上，筛选三至五种具有开发前景的品种，开展人工繁育和规范化种植技术示范。",
        "知识产权按照合作协议第六条的约定归属，联合完成的发明由双方共同申请专利并按贡献分享收益。",
        "第一年完成样地布设和首轮采样，第二年完成成分分析和数据库建设，第三年完成示范种植和成果总结。",
        "项目实施将带动边境地区中药材产业发展，为上海合作组织框架下的区域科技合作提供可复制的经验。",
        "风险方面，跨境采样许可和样品出入境检疫可能影响进度，项目组已与两国主管部门提前沟通并预留时间。",
        "经费主要用于野外调查、仪器设备购置、样品测试、国际合作交流和研究生培养，严格按照预算科目执行。",
    };

    private FullApplication() {
    }

    /** The application as the checklist and the PDF see it: the complete fixture, grown to full size. */
    static ApplicationFixture fixture() {
        ApplicationFixture f = ApplicationFixture.complete();
        f.basics = new Basics("中俄阿尔泰区域特色药用植物资源联合调查、评价与可持续利用研究", "GENERAL", "G3", null, null, null,
                null, LocalDate.of(2024, 1, 1), LocalDate.of(2025, 12, 31),
                List.of("阿尔泰", "药用植物", "资源评价", "种质资源", "联合数据库", "上海合作组织"), text(0, 600), null);
        f.narrative = new Narrative(text(1, 2000), text(2, 2600), text(3, 3200), text(4, 1000), text(5, 1600),
                text(6, 3000), text(7, 1600));
        List<Member> members = new ArrayList<>();
        members.add(new Member("王明", MemberRole.LEADER, "教授", "新疆大学", "wang@example.edu.cn", null));
        for (int i = 1; i < 30; i++) {
            MemberRole role = i % 6 == 0 ? MemberRole.RESEARCH_ASSISTANT : MemberRole.MEMBER;
            members.add(new Member("成员" + i, role, role == MemberRole.RESEARCH_ASSISTANT ? "科研助理" : "副教授",
                    i % 3 == 0 ? "新疆某生物科技有限公司" : "新疆大学", "member" + i + "@example.edu.cn", null));
        }
        f.members(members.toArray(Member[]::new));
        String[][] regions = {{"RU", "RU-ALT"}, {"RU", "RU-AL"}, {"KZ", "KZ-63"}, {"MN", "MN-071"}, {"MN", "MN-043"}};
        List<Partner> partners = new ArrayList<>();
        for (String[] region : regions) {
            List<Person> people = new ArrayList<>();
            for (int p = 1; p <= 4; p++) {
                people.add(new Person("Иван Петров " + p, "профессор", "负责" + region[1] + "样地的野外调查与样品采集",
                        "person" + p + "@" + region[1].toLowerCase() + ".example.org"));
            }
            partners.add(new Partner(region[0], region[1], "Алтайский государственный университет (" + region[1] + ")",
                    "пр. Ленина, 61, Барнаул, 656049", people));
        }
        f.partners(partners.toArray(Partner[]::new));
        f.coApplicants = new CoApplicants(List.of(
                new CoApplicant("新疆某生物科技有限公司", ApplicationFixture.ENTERPRISE_CODE, "新疆", "产业化示范与人工繁育"),
                new CoApplicant("新疆农业大学", null, "新疆", "规范化种植技术研究"),
                new CoApplicant("中国科学院新疆生态与地理研究所", null, "新疆", "遥感与生态评价"),
                new CoApplicant("新疆医科大学", null, "新疆", "药理活性评价")));
        List<Line> lines = new ArrayList<>();
        // The fixture's per-category totals (30 + 45.5 + 15 + 9.5 = 100), split as a real budget is.
        split(lines, "EQUIPMENT", "30", 6);
        split(lines, "OPERATING", "45.5", 10);
        split(lines, "LABOUR", "15", 5);
        split(lines, "INDIRECT", "9.5", 3);
        f.budget = new ApplicationContent.Budget(new BigDecimal("100"), BigDecimal.ZERO, lines);
        IndicatorKind[] kinds = IndicatorKind.values();
        List<Indicator> indicators = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            indicators.add(new Indicator(kinds[i % kinds.length], "指标" + (i + 1) + "：" + SENTENCES[i % SENTENCES.length],
                    1 + i % 4, "项"));
        }
        f.indicators(indicators.toArray(Indicator[]::new));
        f.attach("OTHER").attach("OTHER").attach("OTHER").attach("OTHER").attach("OTHER");
        return f;
    }

    /** The view the PDF is made from: the fixture's sections as saved JSON, its attachments with both digests. */
    static ApplicationView view(ApplicationFixture f, JsonMapper json) {
        ApplicationContent content = f.content();
        Map<String, JsonNode> sections = new LinkedHashMap<>();
        sections.put(SectionName.BASICS.path(), json.valueToTree(content.basics()));
        sections.put(SectionName.NARRATIVE.path(), json.valueToTree(content.narrative()));
        sections.put(SectionName.TEAM.path(), json.valueToTree(content.team()));
        sections.put(SectionName.PARTNERS.path(), json.valueToTree(content.partners()));
        sections.put(SectionName.CO_APPLICANTS.path(), json.valueToTree(content.coApplicants()));
        sections.put(SectionName.BUDGET.path(), json.valueToTree(content.budget()));
        sections.put(SectionName.INDICATORS.path(), json.valueToTree(content.indicators()));
        sections.put(SectionName.ETHICS.path(), json.valueToTree(content.ethics()));
        sections.put(SectionName.AGREEMENT.path(), json.valueToTree(content.agreement()));
        List<AttachmentView> attachments = new ArrayList<>();
        long id = 1;
        for (RuleContext.AttachmentRef a : f.attachments) {
            attachments.add(new AttachmentView(id, a.kind(), "附件" + id + "-" + a.fileName(), "application/pdf",
                    850_000 + id * 12_345, "ab".repeat(32), "cd".repeat(32), ApplicationFixture.BEFORE_DEADLINE, "leader"));
            id++;
        }
        Instant at = ApplicationFixture.BEFORE_DEADLINE;
        return new ApplicationView(42L, "2023-SCO", ApplicationStatus.SUBMITTED, 37, content.basics().title(), 7L, 11L, at,
                at, sections, attachments, 1);
    }

    /** The submission snapshot as {@code ApplicationManagement.submit} builds it, before it is made canonical. */
    static ObjectNode snapshot(ApplicationFixture f, JsonMapper json) {
        ApplicationView view = view(f, json);
        ObjectNode root = json.createObjectNode();
        root.put("receiptNumber", "SCO-2023-000042").put("submittedAt", "2023-06-01T02:00:00.123456Z")
                .put("applicationId", view.id()).put("versionNumber", 1).put("callCode", view.callCode())
                .put("title", view.title()).put("organizationId", view.organizationId()).put("leaderId", view.leaderId());
        ObjectNode sections = root.putObject("sections");
        view.sections().forEach(sections::set);
        var files = root.putArray("attachments");
        view.attachments().forEach(a -> files.add(json.valueToTree(a)));
        var results = root.putArray("checklist");
        Checklist checklist = Checklist.evaluate(f.content(), f.call, f.context(), EligibilityRules.all());
        checklist.results().forEach(r -> results.addObject().put("rule", r.rule()).put("passed", r.passed()));
        return root;
    }

    /** About {@code length} characters of plausible project prose, different for each {@code seed}, in paragraphs. */
    static String text(int seed, int length) {
        StringBuilder out = new StringBuilder(length + 100);
        int i = seed;
        while (out.length() < length) {
            out.append(SENTENCES[i % SENTENCES.length]);
            i += 1 + seed % 5;
            if (i % 4 == 0) {
                out.append('\n');
            }
        }
        return out.toString();
    }

    private static void split(List<Line> lines, String category, String total, int parts) {
        BigDecimal amount = new BigDecimal(total);
        BigDecimal part = amount.divide(BigDecimal.valueOf(parts), 2, java.math.RoundingMode.DOWN);
        for (int i = 1; i <= parts; i++) {
            BigDecimal value = i < parts ? part : amount.subtract(part.multiply(BigDecimal.valueOf(parts - 1)));
            lines.add(new Line(category, Source.FISCAL, value, category + " 明细 " + i + "：" + SENTENCES[i % SENTENCES.length]));
        }
    }
}
