package org.silkgrant.application;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.silkgrant.account.AccountManagement;
import org.silkgrant.account.AccountView;
import org.silkgrant.account.SilkGrantUser;
import org.silkgrant.application.ApplicationContent.Agreement;
import org.silkgrant.application.ApplicationContent.Basics;
import org.silkgrant.application.ApplicationContent.Budget;
import org.silkgrant.application.ApplicationContent.CoApplicants;
import org.silkgrant.application.ApplicationContent.Ethics;
import org.silkgrant.application.ApplicationContent.Indicators;
import org.silkgrant.application.ApplicationContent.Narrative;
import org.silkgrant.application.ApplicationContent.Partners;
import org.silkgrant.application.ApplicationContent.Team;
import org.silkgrant.call.CallDefinition;
import org.silkgrant.call.CallManagement;
import org.silkgrant.document.PdfRenderer;
import org.silkgrant.organization.OrganizationManagement;
import org.silkgrant.organization.OrganizationView;
import org.silkgrant.shared.LocalizedText;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The application (申报书) as a PDF/A document for the Chinese program office, in the order of FORM.md: cover,
 * basic information, applicant and co-applicants, foreign partners, the narrative parts, cooperation arrangement,
 * indicators, budget, team, ethics, pledges and opinions, the checklist and the attachments with their digests.
 * Everything the applicant typed reaches the page as text, never as markup. While the application may still be
 * edited (DRAFT, RETURNED), every page carries the 「草稿」 watermark.
 */
@Service
public class ApplicationPdf {

    private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy年M月");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm:ss");
    private static final String NONE = "—";

    private static final Map<String, String> INDICATOR_KINDS = Map.of("PATENT_APPLICATION", "专利申请",
            "PATENT_GRANT", "专利授权", "SOFTWARE_COPYRIGHT", "软件著作权", "PLANT_VARIETY", "植物新品种",
            "STANDARD", "标准", "PAPER", "论文", "TALENT", "人才培养", "PLATFORM", "平台基地", "OTHER", "其他");

    private final ApplicationManagement applications;
    private final CallManagement calls;
    private final OrganizationManagement organizations;
    private final AccountManagement accounts;
    private final ITemplateEngine templates;
    private final PdfRenderer renderer;
    private final MessageSource messages;
    private final JsonMapper json;
    private final Clock clock;

    ApplicationPdf(ApplicationManagement applications, CallManagement calls, OrganizationManagement organizations,
            AccountManagement accounts, ITemplateEngine templates, PdfRenderer renderer, MessageSource messages,
            JsonMapper json, Clock clock) {
        this.applications = applications;
        this.calls = calls;
        this.organizations = organizations;
        this.accounts = accounts;
        this.templates = templates;
        this.renderer = renderer;
        this.messages = messages;
        // Drafts are saved as typed: read them as leniently as they were written.
        this.json = json.rebuild().disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
        this.clock = clock;
    }

    /** A rendered application: the PDF, a file name for it, and whether it is a draft. */
    public record Rendered(byte[] pdf, String fileName, boolean draft) {
    }

    /**
     * The PDF of the application as it is now (for a submitted one: as submitted, since it can no longer change).
     *
     * @throws org.silkgrant.shared.NotFoundException when the user may not see the application
     */
    public byte[] pdf(SilkGrantUser user, Long id) {
        return render(user, id).pdf();
    }

    /** {@link #pdf} with its file name. */
    public Rendered render(SilkGrantUser user, Long id) {
        return render(user, applications.get(user, id));
    }

    /** The PDF of one submitted version, from its frozen snapshot. */
    public Rendered render(SilkGrantUser user, Long id, int versionNumber) {
        return render(user, applications.version(user, id, versionNumber));
    }

    private Rendered render(SilkGrantUser user, ApplicationView view) {
        Long id = view.id();
        Checklist checklist = applications.checklistOf(user, view);
        boolean draft = view.submittedVersion() == 0;
        Optional<Receipt> receipt = draft ? Optional.empty()
                : Optional.of(applications.receipt(user, id, view.submittedVersion()));
        String xhtml = xhtml(document(view, checklist, receipt.orElse(null), draft));
        applications.pdfViewed(user, view);
        String title = "申报书 " + (view.title() == null ? "" : view.title());
        String fileName = "申报书-" + receipt.map(Receipt::number).orElse(String.valueOf(view.id())) + ".pdf";
        return new Rendered(renderer.render(xhtml, title, draft), fileName, draft);
    }

    // ---- the model of the template: every value already a display string ----

    /** Everything the template shows. */
    public record Doc(boolean draft, String statusLabel, Cover cover, List<Row> basics, Organization applicant,
            List<CoApplicantRow> coApplicants, List<PartnerBlock> partners, List<Part> rationale, List<Part> content,
            List<Part> cooperation, List<Row> agreement, List<Part> objectives, List<IndicatorRow> indicators,
            List<Part> plan, List<BudgetRow> budget, BudgetRow budgetTotal, String declaredFiscal,
            String declaredSelfRaised, List<MemberRow> team, List<Row> ethics, List<ChecklistRow> checklist,
            boolean checklistReady, List<AttachmentRow> attachments, String generatedAt) {
    }

    public record Cover(String program, String call, String category, String scope, String title, String organization,
            String leader, String recommendingDepartment, String date, String receiptNumber, String submittedAt,
            String receiptDigest) {
    }

    public record Row(String label, String value) {
    }

    public record Part(String heading, String text) {
    }

    public record Organization(String name, String creditCode, String type, String division, String address,
            String leader, String leaderEmail, String leaderPhone) {
    }

    public record CoApplicantRow(String name, String creditCode, String province, String role) {
    }

    public record PartnerBlock(int number, String name, String country, String region, String address,
            List<PersonRow> people) {
    }

    public record PersonRow(String fullName, String position, String role, String email) {
    }

    public record IndicatorRow(int number, String kind, String description, String quantity, String unit,
            boolean intellectualProperty) {
    }

    public record BudgetRow(String category, String total, String fiscal, String selfRaised) {
    }

    public record MemberRow(int number, String fullName, String role, boolean researchAssistant, String title,
            String organization, String email) {
    }

    public record ChecklistRow(int number, String rule, String clauses, String severity, boolean passed, String outcome) {
    }

    public record AttachmentRow(int number, String kind, String fileName, String size, String uploadedAt,
            String sha256, String sm3) {
    }

    /** The filled-in template, a whole XHTML document for the {@link PdfRenderer}. */
    String xhtml(Doc doc) {
        Context context = new Context(ZH);
        context.setVariable("doc", doc);
        return templates.process("pdf/application", context);
    }

    private Doc document(ApplicationView view, Checklist checklist, Receipt receipt, boolean draft) {
        return document(view, calls.get(view.callCode()).definition(), organizations.get(view.organizationId()),
                accounts.find(view.leaderId()), checklist, receipt, draft);
    }

    /** The template's model from what the other modules gave; package-private for the PDF benchmark (src/jmh). */
    Doc document(ApplicationView view, CallDefinition call, OrganizationView organization, Optional<AccountView> leader,
            Checklist checklist, Receipt receipt, boolean draft) {
        ZoneId zone = call.timeZone() == null ? ZoneId.of("Asia/Shanghai") : call.timeZone();
        String leaderName = leader.map(AccountView::fullName).orElse(NONE);

        Basics basics = section(view, SectionName.BASICS, Basics.class);
        Narrative narrative = section(view, SectionName.NARRATIVE, Narrative.class);
        Team team = section(view, SectionName.TEAM, Team.class);
        Partners partners = section(view, SectionName.PARTNERS, Partners.class);
        CoApplicants coApplicants = section(view, SectionName.CO_APPLICANTS, CoApplicants.class);
        Budget budget = section(view, SectionName.BUDGET, Budget.class);
        Indicators indicators = section(view, SectionName.INDICATORS, Indicators.class);
        Ethics ethics = section(view, SectionName.ETHICS, Ethics.class);
        Agreement agreement = section(view, SectionName.AGREEMENT, Agreement.class);

        String title = text(basics != null && basics.title() != null ? basics.title() : view.title());
        String category = basics == null ? null : call.categories().stream()
                .filter(c -> c.code().equals(basics.category())).map(c -> zh(c.title())).findFirst()
                .orElse(basics.category());
        String scope = basics == null || basics.scope() == null ? null : call.scope(basics.scope())
                .map(s -> s.code() + " " + zh(s.title())).orElse(basics.scope());
        String field = basics == null || basics.field() == null ? null : item(call.fields(), basics.field());
        String department = basics == null || basics.recommendingDepartment() == null ? null
                : call.recommendingDepartments().stream().filter(d -> d.code().equals(basics.recommendingDepartment()))
                        .map(d -> zh(d.title())).findFirst().orElse(basics.recommendingDepartment());

        Cover cover = new Cover(zh(call.program() == null ? null : call.program().title()), zh(call.title()),
                text(category), text(scope), title, organization.name(), leaderName, department,
                DATE.format(receipt != null ? receipt.submittedAt().atZone(zone) : clock.instant().atZone(zone)),
                receipt == null ? null : receipt.number(),
                receipt == null ? null : TIME.format(receipt.submittedAt().atZone(zone)),
                receipt == null ? null : receipt.digest());

        List<String> countries = partners == null ? List.of() : partners.partners().stream()
                .map(p -> country(p.country())).filter(Objects::nonNull).distinct().toList();
        BigDecimal fiscal = budget == null ? null : budget.fiscal();
        BigDecimal selfRaised = budget == null ? null : budget.selfRaised();
        BigDecimal total = fiscal == null && selfRaised == null ? null : zero(fiscal).add(zero(selfRaised));
        List<Row> basicRows = new ArrayList<>(List.of(
                new Row("项目名称", title),
                new Row("项目类别", text(category)),
                new Row("支持方向", text(scope)),
                new Row("领域", text(field)),
                new Row("合作国别", countries.isEmpty() ? NONE : String.join("、", countries)),
                new Row("起止年限", period(basics)),
                new Row("经费总额（万元）", money(total)),
                new Row("其中：财政拨款（万元）", money(fiscal)),
                new Row("其中：自筹经费（万元）", money(selfRaised)),
                new Row("关键词", basics == null || basics.keywords().isEmpty() ? NONE : String.join("；", basics.keywords())),
                new Row("项目摘要", text(basics == null ? null : basics.summary()))));
        if (basics != null && basics.platformType() != null) {
            basicRows.add(5, new Row("合作平台类型", item(call.platformTypes(), basics.platformType())));
        }
        if (basics != null && basics.portPark() != null) {
            basicRows.add(5, new Row("口岸园区", call.portParks().stream().filter(p -> p.code().equals(basics.portPark()))
                    .map(p -> zh(p.name())).findFirst().orElse(basics.portPark())));
        }
        if (basics != null && basics.previousProjectNumber() != null) {
            basicRows.add(5, new Row("前期项目编号", basics.previousProjectNumber()));
        }
        if (department != null) {
            basicRows.add(new Row("推荐部门", department));
        }

        Organization applicant = new Organization(organization.name(), text(organization.creditCode()),
                organization.type() == null ? NONE : messages.getMessage("organization.type." + organization.type(), null,
                        organization.type().name(), ZH),
                text(organization.divisionName()), text(organization.address()), leaderName,
                text(leader.map(AccountView::email).orElse(null)), text(leader.map(AccountView::phone).orElse(null)));

        List<CoApplicantRow> coRows = coApplicants == null ? List.of() : coApplicants.organizations().stream()
                .map(c -> new CoApplicantRow(text(c.name()), text(c.creditCode()), text(c.province()), text(c.role())))
                .toList();

        List<PartnerBlock> partnerBlocks = new ArrayList<>();
        if (partners != null) {
            int n = 0;
            for (ApplicationContent.Partner p : partners.partners()) {
                partnerBlocks.add(new PartnerBlock(++n, text(p.name()), text(country(p.country())), text(p.regionCode()),
                        text(p.address()), p.people().stream().map(person -> new PersonRow(text(person.fullName()),
                                text(person.position()), text(person.role()), text(person.email()))).toList()));
            }
        }

        Narrative n = narrative == null ? new Narrative(null, null, null, null, null, null, null) : narrative;
        List<Part> rationale = List.of(new Part("（一）项目目标", text(n.objectives())), new Part("（二）合作理由与必要性", text(n.rationale())));
        List<Part> content = List.of(new Part("（一）合作内容", text(n.content())), new Part("（二）合作渠道", text(n.channels())));
        List<Part> cooperation = List.of(new Part("（一）各方责任与分工", text(n.responsibilities())));
        List<Row> agreementRows = List.of(
                new Row("各方科技投入", text(agreement == null ? null : agreement.scienceInput())),
                new Row("分工", text(agreement == null ? null : agreement.divisionOfWork())),
                new Row("知识产权归属", text(agreement == null ? null : agreement.ipOwnership())),
                new Row("成果归属", text(agreement == null ? null : agreement.resultsOwnership())));
        List<Part> objectives = List.of(new Part("（一）预期成效", text(n.expectedResults())));
        List<Part> plan = List.of(new Part("合作方案与进度安排", text(n.plan())));

        Set<String> ipKinds = Set.copyOf(call.rules() == null || call.rules().ipIndicatorKinds() == null ? List.of()
                : call.rules().ipIndicatorKinds());
        List<IndicatorRow> indicatorRows = new ArrayList<>();
        if (indicators != null) {
            int i = 0;
            for (ApplicationContent.Indicator indicator : indicators.indicators()) {
                String kind = indicator.kind() == null ? null : indicator.kind().name();
                indicatorRows.add(new IndicatorRow(++i, text(kind == null ? null : INDICATOR_KINDS.getOrDefault(kind, kind)),
                        text(indicator.description()), indicator.quantity() == null ? NONE : indicator.quantity().toString(),
                        text(indicator.unit()), kind != null && ipKinds.contains(kind)));
            }
        }

        List<BudgetRow> budgetRows = new ArrayList<>();
        BigDecimal sumFiscal = BigDecimal.ZERO;
        BigDecimal sumSelf = BigDecimal.ZERO;
        List<ApplicationContent.Line> lines = budget == null ? List.of() : budget.lines();
        Set<String> categories = new LinkedHashSet<>();
        call.budgetCategories().forEach(c -> categories.add(c.code()));
        lines.stream().map(ApplicationContent.Line::category).filter(Objects::nonNull).forEach(categories::add);
        Map<String, String> categoryTitles = call.budgetCategories().stream()
                .collect(Collectors.toMap(CallDefinition.BudgetCategory::code, c -> zh(c.title()), (a, b) -> a));
        for (String code : categories) {
            BigDecimal f = sum(lines, code, ApplicationContent.Source.FISCAL);
            BigDecimal s = sum(lines, code, ApplicationContent.Source.SELF_RAISED);
            sumFiscal = sumFiscal.add(f);
            sumSelf = sumSelf.add(s);
            String label = categoryTitles.getOrDefault(code, code);
            budgetRows.add(new BudgetRow(label, money(f.add(s)), money(f), money(s)));
        }
        BudgetRow budgetTotal = new BudgetRow("合计", money(sumFiscal.add(sumSelf)), money(sumFiscal), money(sumSelf));

        List<MemberRow> members = new ArrayList<>();
        if (team != null) {
            int i = 0;
            for (ApplicationContent.Member m : team.members()) {
                ApplicationContent.MemberRole role = m.role();
                members.add(new MemberRow(++i, text(m.fullName()), role == null ? NONE : switch (role) {
                    case LEADER -> "项目负责人";
                    case MEMBER -> "项目骨干";
                    case RESEARCH_ASSISTANT -> "科研助理";
                }, role == ApplicationContent.MemberRole.RESEARCH_ASSISTANT, text(m.title()), text(m.organization()),
                        text(m.email())));
            }
        }

        List<Row> ethicsRows = ethics == null ? List.of(new Row("伦理声明", "未填写")) : List.of(
                new Row("人体被试（人体研究）", involved(ethics.humanSubjects())),
                new Row("人类遗传资源", involved(ethics.humanGeneticResources())),
                new Row("实验动物", involved(ethics.laboratoryAnimals())),
                new Row("人类遗传资源审批（备案）", ethics.hgrProcedure() == null ? NONE
                        : ethics.hgrProcedure() == ApplicationContent.HgrProcedure.APPROVED ? "已完成" : "正在办理"));

        List<ChecklistRow> checks = new ArrayList<>();
        int c = 0;
        for (Checklist.Result r : checklist.results()) {
            checks.add(new ChecklistRow(++c, messages.getMessage("rule." + r.rule(), null, r.rule(), ZH),
                    String.join("、", r.clauses()), r.severity() == CallDefinition.Severity.BLOCKING ? "必须" : "提示",
                    r.passed(), r.messageKey() == null ? "" : messages.getMessage(r.messageKey(),
                            r.arguments().toArray(), r.messageKey(), ZH)));
        }

        Map<String, String> kindTitles = call.attachmentKinds().stream()
                .collect(Collectors.toMap(CallDefinition.AttachmentKind::code, k -> zh(k.title()), (a, b) -> a));
        List<AttachmentRow> files = new ArrayList<>();
        int a = 0;
        for (AttachmentView file : view.attachments()) {
            files.add(new AttachmentRow(++a, kindTitles.getOrDefault(file.kind(), text(file.kind())), text(file.fileName()),
                    size(file.size()), file.uploadedAt() == null ? NONE : TIME.format(file.uploadedAt().atZone(zone)),
                    text(file.sha256()), text(file.sm3())));
        }

        return new Doc(draft, status(view.status()), cover, basicRows, applicant, coRows, partnerBlocks, rationale,
                content, cooperation, agreementRows, objectives, indicatorRows, plan, budgetRows, budgetTotal,
                money(fiscal), money(selfRaised), members, ethicsRows, checks, checklist.ready(), files,
                TIME.format(clock.instant().atZone(zone)));
    }

    private <T> T section(ApplicationView view, SectionName name, Class<T> type) {
        JsonNode node = view.sections() == null ? null : view.sections().get(name.path());
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        try {
            return json.treeToValue(node, type);
        } catch (RuntimeException unreadable) {
            // A draft saved before a format change: print the rest rather than nothing.
            return null;
        }
    }

    private static BigDecimal sum(List<ApplicationContent.Line> lines, String category, ApplicationContent.Source source) {
        return lines.stream().filter(l -> category.equals(l.category()) && l.source() == source && l.amount() != null)
                .map(ApplicationContent.Line::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static String status(ApplicationStatus status) {
        return switch (status) {
            case DRAFT -> "草稿";
            case RETURNED -> "已退回修改";
            case SUBMITTED -> "已提交";
            case ORG_APPROVED -> "单位已审核";
            case RECOMMENDED -> "已推荐";
            case WITHDRAWN -> "已撤回";
            case FORMAL_REJECTED -> "形式审查未通过";
            case ACCEPTED -> "已受理";
            case UNDER_REVIEW -> "评审中";
            case NOT_FUNDED -> "未立项";
            case APPROVED -> "已立项";
            case AWARDED -> "已签订任务书";
            case IN_PROGRESS -> "执行中";
            case COMPLETED -> "已结题";
        };
    }

    private static String period(Basics basics) {
        if (basics == null || basics.startDate() == null && basics.endDate() == null) {
            return NONE;
        }
        Function<LocalDate, String> f = d -> d == null ? "？" : MONTH.format(d);
        return f.apply(basics.startDate()) + " 至 " + f.apply(basics.endDate());
    }

    private static String item(List<CallDefinition.Item> items, String code) {
        return items == null ? code
                : items.stream().filter(i -> i.code().equals(code)).map(i -> zh(i.title())).findFirst().orElse(code);
    }

    private static String country(String code) {
        if (code == null || code.isBlank()) {
            return null;
        }
        String name = new Locale("", code.strip().toUpperCase(Locale.ROOT)).getDisplayCountry(ZH);
        return name.isBlank() || name.equalsIgnoreCase(code.strip()) ? code : name + "（" + code.strip().toUpperCase(Locale.ROOT) + "）";
    }

    private static String money(BigDecimal amount) {
        return amount == null ? NONE : amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    private static BigDecimal zero(BigDecimal amount) {
        return amount == null ? BigDecimal.ZERO : amount;
    }

    private static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return BigDecimal.valueOf(bytes).divide(BigDecimal.valueOf(1024), 1, RoundingMode.HALF_UP) + " KB";
        }
        return BigDecimal.valueOf(bytes).divide(BigDecimal.valueOf(1024L * 1024), 1, RoundingMode.HALF_UP) + " MB";
    }

    /** An ethics answer as the form prints it; not answered is never printed as 不涉及. */
    private static String involved(Boolean value) {
        return value == null ? "未填写" : value ? "涉及" : "不涉及";
    }

    private static String zh(LocalizedText text) {
        return text == null ? null : text.zh();
    }

    private static String text(String value) {
        return value == null || value.isBlank() ? NONE : value;
    }
}
