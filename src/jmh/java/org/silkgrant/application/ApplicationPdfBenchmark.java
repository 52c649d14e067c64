package org.silkgrant.application;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.silkgrant.account.AccountView;
import org.silkgrant.account.Role;
import org.silkgrant.application.rules.EligibilityRules;
import org.silkgrant.call.CallDefinition;
import org.silkgrant.document.PdfRenderer;
import org.silkgrant.organization.OrganizationStatus;
import org.silkgrant.organization.OrganizationType;
import org.silkgrant.organization.OrganizationView;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import tools.jackson.databind.json.JsonMapper;

/**
 * The 申报书 of a full, submitted application (about 20 pages) as {@code GET /api/v1/applications/{id}/pdf} makes
 * it, minus the database reads: the template's model, the Thymeleaf template, and the PDF/A-2u with the embedded
 * Noto Sans SC ({@link #application}); and the renderer alone on the finished XHTML ({@link #renderOnly}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
// The JDK's own XSLT, as in production: only the test class path has Saxon (from veraPDF), and looking it up for the
// XMP metadata of every PDF re-verifies Saxon's signed jar, a fifth of the time in the profile.
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g",
        "-Djavax.xml.transform.TransformerFactory=com.sun.org.apache.xalan.internal.xsltc.trax.TransformerFactoryImpl"})
@Warmup(iterations = 5, time = 5)
@Measurement(iterations = 5, time = 5)
public class ApplicationPdfBenchmark {

    /** The page count the setup insists on: the size of application the target is about. */
    private static final int MIN_PAGES = 18;
    private static final int MAX_PAGES = 22;

    private ApplicationPdf pdf;
    private PdfRenderer renderer;
    private ApplicationView view;
    private CallDefinition call;
    private OrganizationView organization;
    private Optional<AccountView> leader;
    private Checklist checklist;
    private Receipt receipt;
    private String xhtml;
    private String title;

    @Setup
    public void fullApplication() throws IOException {
        JsonMapper json = JsonMapper.builder().build();
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        // The bundles of spring.messages.basename in application.yml.
        messages.setBasenames("messages/messages", "messages/accounts", "messages/application", "messages/forms",
                "messages/document", "messages/routing", "messages/audit", "messages/notification", "messages/office");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        // As Spring Boot configures Thymeleaf: templates/*.html in HTML mode, cached.
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        SpringTemplateEngine templates = new SpringTemplateEngine();
        templates.setTemplateResolver(resolver);
        templates.setTemplateEngineMessageSource(messages);
        renderer = new PdfRenderer();
        Instant now = ApplicationFixture.BEFORE_DEADLINE;
        // The database-reading collaborators stay null: the benchmark hands their answers over itself.
        pdf = new ApplicationPdf(null, null, null, null, templates, renderer, messages, json,
                Clock.fixed(now, ZoneOffset.UTC));

        ApplicationFixture fixture = FullApplication.fixture();
        view = FullApplication.view(fixture, json);
        call = fixture.call;
        organization = new OrganizationView(7L, "新疆大学", fixture.organization.creditCode(), OrganizationType.UNIVERSITY,
                "650102", "新疆维吾尔自治区乌鲁木齐市天山区", "乌鲁木齐市天山区胜利路666号", OrganizationStatus.VERIFIED, null,
                "office", now, now, 3);
        leader = Optional.of(new AccountView(11L, "wang", "王明", "wang@example.edu.cn", "13800000000", 7L,
                Set.of(Role.APPLICANT), true, false, null, now));
        checklist = Checklist.evaluate(fixture.content(), call, fixture.context(), EligibilityRules.all());
        receipt = new Receipt("SCO-2023-000042", now, "ef".repeat(32), "MEUCIQ...");
        title = "申报书 " + view.title();
        xhtml = pdf.xhtml(pdf.document(view, call, organization, leader, checklist, receipt, false));

        byte[] out = renderer.render(xhtml, title, false);
        try (PDDocument document = Loader.loadPDF(out)) {
            int pages = document.getNumberOfPages();
            System.out.printf("%nthe application's PDF: %d pages, %,d bytes (XHTML %,d chars)%n", pages, out.length,
                    xhtml.length());
            if (pages < MIN_PAGES || pages > MAX_PAGES) {
                throw new IllegalStateException("the full application should print on about 20 pages, not " + pages);
            }
        }
    }

    /** Model, template and PDF: the whole CPU work of one PDF download. */
    @Benchmark
    public byte[] application(CpuTime cpu) {
        cpu.op();
        String filled = pdf.xhtml(pdf.document(view, call, organization, leader, checklist, receipt, false));
        return renderer.render(filled, title, false);
    }

    /** The renderer alone, on the filled-in template. */
    @Benchmark
    public byte[] renderOnly(CpuTime cpu) {
        cpu.op();
        return renderer.render(xhtml, title, false);
    }
}
