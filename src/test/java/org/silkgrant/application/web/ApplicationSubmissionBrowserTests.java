package org.silkgrant.application.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.silkgrant.HeadlessChromium;
import org.silkgrant.account.AccountManagement;
import org.silkgrant.account.NewAccount;
import org.silkgrant.account.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole way through the editor in a real headless Chromium, in Chinese, as a person would: a new project leader
 * of the demo university starts an application from the list, fills every section by typing and choosing (rows
 * added with the page's buttons; the team starts with the leader, ethics is answered 不涉及 trigger by trigger), attaches
 * the cooperation agreement with the attachments form, watches the checklist turn ready and the disabled submit button
 * become usable, reads the confirmation of what will be frozen (zh, phone width, en), ticks the pledge, submits, reads
 * the receipt number and downloads the PDF. Screenshots go to
 * {@code target/screenshots/}; see {@link HeadlessChromium} for when the test is skipped.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ApplicationSubmissionBrowserTests {

    private static final String PASSWORD = "Test#Demo2026";

    private static HeadlessChromium chromium;

    @LocalServerPort
    private int port;

    @Autowired
    AccountManagement accounts;

    private ChromeDriver driver;

    @BeforeAll
    static void startBrowser() throws IOException {
        chromium = HeadlessChromium.start("ApplicationSubmissionBrowserTests");
    }

    @BeforeEach
    void requireBrowser() {
        chromium.requireBrowser();
        driver = chromium.driver();
    }

    @AfterAll
    static void stopBrowser() {
        if (chromium != null) {
            chromium.quit();
            chromium = null;
        }
    }

    @Test
    void aNewLeaderFillsEverySectionAttachesTheAgreementSubmitsAndDownloadsThePdf() throws Exception {
        // a new leader in the demo university, so the organisation's project limit is not already used
        String username = "browser-leader-" + System.nanoTime() % 1_000_000;
        accounts.create(new NewAccount(username, PASSWORD, "测试负责人", null, null,
                accounts.findByUsername("uni-leader").orElseThrow().organizationId(), Set.of(Role.APPLICANT), null),
                "test", null);
        signIn(username);

        // 1. a new application from the list
        open("/applications");
        driver.findElement(By.id("title")).sendKeys("阿尔泰区域生态监测联合研究");
        driver.findElement(By.cssSelector("#new-application button[type='submit']")).click();
        chromium.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("application-editor")));
        chromium.waitForPage();
        long id = Long.parseLong(driver.findElement(By.id("application-editor")).getDomAttribute("data-application"));
        chromium.waiting().until(d -> !d.findElements(By.cssSelector("#checklist [data-rule]")).isEmpty());
        assertThat(driver.findElement(By.id("checklist-summary")).getDomAttribute("class")).contains("text-danger");

        // Nothing filled in yet: the submit button is there, disabled, with the rules that block it linked to their
        // sections; the team already has the leader (the account holder), so that rule is not among them.
        WebElement blockedButton = driver.findElement(By.id("submit-button"));
        assertThat(blockedButton.isEnabled()).isFalse();
        assertThat(blockedButton.getText()).isEqualTo("提交申报书");
        List<String> blockedBy = driver.findElements(By.cssSelector("#submit-blocked [data-blocked-by]")).stream()
                .map(e -> e.getDomAttribute("data-blocked-by")).toList();
        assertThat(blockedBy).contains("DIRECTION_CHOSEN", "AGREEMENT_ATTACHED", "ETHICS_OPINION", "RESEARCH_ASSISTANT_POSITION")
                .doesNotContain("LEADER_IS_APPLICANT");
        assertThat(driver.findElement(By.cssSelector("#submit-blocked [data-blocked-by='ETHICS_OPINION'] a"))
                .getDomAttribute("href")).endsWith("#section-ethics");
        elementShot(By.id("section-submission"), "submission-blocked-zh.png");

        // 2. basics: category, scope G3, dates, keywords, summary
        WebElement title = driver.findElement(By.id("basics-title"));
        inView(title).clear();
        title.sendKeys("阿尔泰区域生态监测联合研究");
        choose(By.id("basics-category"), "GENERAL");
        choose(By.id("basics-scope"), "G3");
        choose(By.id("basics-recommendingDepartment"), "650100");
        typeDate(driver.findElement(By.id("basics-startDate")), "2024-01-01");
        typeDate(driver.findElement(By.id("basics-endDate")), "2026-06-30");
        inView(driver.findElement(By.id("basics-keywords"))).sendKeys("生态，监测");
        inView(driver.findElement(By.id("basics-summary"))).sendKeys("中俄阿尔泰区域生态监测联合研究摘要。", Keys.TAB);
        waitForSaved("basics");

        // 3. a domestic co-applicant in the blank row the page offers
        WebElement coApplicants = driver.findElement(By.id("section-coApplicants"));
        type(coApplicants, "input[data-field='name']", 0, "乌鲁木齐生态科技有限公司");
        type(coApplicants, "input[data-field='creditCode']", 0, "91650100MA78ABC08J");
        type(coApplicants, "input[data-field='province']", 0, "新疆维吾尔自治区");
        type(coApplicants, "input[data-field='role']", 0, "数据采集与分析", Keys.TAB);
        waitForSaved("coApplicants");

        // 4. the foreign partner in Altai Krai (RU-ALT), with one person
        WebElement partners = driver.findElement(By.id("section-partners"));
        new Select(inView(partners.findElement(By.cssSelector("select[data-field='country']")))).selectByValue("RU");
        type(partners, "input[data-field='regionCode']", 0, "RU-ALT");
        type(partners, "input[data-field='name']", 0, "Altai State University");
        type(partners, "input[data-field='address']", 0, "Barnaul, Lenin Ave 61");
        assertThat(partners.findElements(By.cssSelector("tbody[data-rows='people'] tr.repeat-row")))
                .as("the blank partner comes with a row for one person").hasSize(1);
        type(partners, "tbody[data-rows='people'] input[data-field='fullName']", 0, "Ivan Petrov");
        type(partners, "tbody[data-rows='people'] input[data-field='position']", 0, "Professor");
        type(partners, "tbody[data-rows='people'] input[data-field='role']", 0, "PI", Keys.TAB);
        waitForSaved("partners");
        assertThat(partners.findElement(By.cssSelector("input[data-field='regionCode']")).getDomAttribute("name"))
                .isEqualTo("partners[0].regionCode");

        // 5. the seven narrative fields
        String[][] narrative = {{"rationale", "双方优势互补"}, {"content", "联合开展阿尔泰区域生态监测"},
                {"channels", "联合实验室与互访"}, {"responsibilities", "中方负责数据分析，俄方负责野外采样"},
                {"objectives", "建立中俄阿尔泰联合实验室"}, {"expectedResults", "发表论文并申请专利"},
                {"plan", "2024年建站，2025年监测，2026年总结"}};
        for (String[] field : narrative) {
            inView(driver.findElement(By.id("narrative-" + field[0]))).sendKeys(field[1]);
        }
        driver.findElement(By.id("narrative-plan")).sendKeys(Keys.TAB);
        waitForSaved("narrative");

        // 6. where the agreement states the four arrangements
        String[][] agreement = {{"scienceInput", "第3条"}, {"divisionOfWork", "第4条"}, {"ipOwnership", "第6条"},
                {"resultsOwnership", "第7条"}};
        for (String[] field : agreement) {
            inView(driver.findElement(By.id("agreement-" + field[0]))).sendKeys(field[1]);
        }
        driver.findElement(By.id("agreement-resultsOwnership")).sendKeys(Keys.TAB);
        waitForSaved("agreement");

        // 7. one assessable indicator: a patent application
        WebElement indicators = driver.findElement(By.id("section-indicators"));
        new Select(inView(indicators.findElement(By.cssSelector("select[data-field='kind']")))).selectByValue("PATENT_APPLICATION");
        type(indicators, "input[data-field='description']", 0, "发明专利申请");
        type(indicators, "input[data-field='quantity']", 0, "2");
        type(indicators, "input[data-field='unit']", 0, "件", Keys.TAB);
        waitForSaved("indicators");

        // 8. the budget: fiscal 100 = equipment 60 + operating 40 (a second line added with the page's button)
        inView(driver.findElement(By.id("budget-fiscal"))).sendKeys("100");
        inView(driver.findElement(By.id("budget-selfRaised"))).sendKeys("0");
        WebElement budget = driver.findElement(By.id("section-budget"));
        click(budget.findElement(By.cssSelector("[data-add-row]")));
        assertThat(budget.findElements(By.cssSelector("tbody[data-rows='lines'] tr.repeat-row"))).hasSize(2);
        String[][] lines = {{"EQUIPMENT", "60", "野外监测设备"}, {"OPERATING", "40", "差旅与测试"}};
        for (int i = 0; i < lines.length; i++) {
            new Select(inView(budget.findElements(By.cssSelector("select[data-field='category']")).get(i))).selectByValue(lines[i][0]);
            new Select(budget.findElements(By.cssSelector("select[data-field='source']")).get(i)).selectByValue("FISCAL");
            type(budget, "input[data-field='amount']", i, lines[i][1]);
            type(budget, "input[data-field='note']", i, lines[i][2]);
        }
        budget.findElements(By.cssSelector("input[data-field='note']")).get(1).sendKeys(Keys.TAB);
        waitForSaved("budget");
        assertThat(driver.findElement(By.id("budget-sums")).getText()).contains("100");

        // 9. the team: the leader is there already, the account holder as on the account; a research assistant added
        WebElement team = driver.findElement(By.id("section-team"));
        assertThat(team.findElements(By.cssSelector("tbody[data-rows='members'] tr.repeat-row"))).hasSize(1);
        assertThat(driver.findElement(By.name("members[0].fullName")).getDomProperty("value")).isEqualTo("测试负责人");
        assertThat(new Select(driver.findElement(By.name("members[0].role"))).getFirstSelectedOption().getDomAttribute("value"))
                .isEqualTo("LEADER");
        assertThat(driver.findElement(By.name("members[0].organization")).getDomProperty("value")).isEqualTo("新疆示范大学");
        assertThat(team.findElement(By.cssSelector("[data-account-holder]")).getText()).isEqualTo("账号持有人：测试负责人");
        assertThat(driver.findElement(By.id("team-leader-help")).getText()).contains("测试负责人");
        click(team.findElement(By.cssSelector("[data-add-row]")));
        assertThat(team.findElements(By.cssSelector("tbody[data-rows='members'] tr.repeat-row"))).hasSize(2);
        type(team, "input[data-field='title']", 0, "教授");
        type(team, "input[data-field='email']", 0, "leader@example.cn");
        type(team, "input[data-field='fullName']", 1, "李四");
        new Select(team.findElements(By.cssSelector("select[data-field='role']")).get(1)).selectByValue("RESEARCH_ASSISTANT");
        type(team, "input[data-field='title']", 1, "科研助理");
        type(team, "input[data-field='organization']", 1, "新疆大学");
        type(team, "input[data-field='email']", 1, "li.si@example.cn", Keys.TAB);
        waitForSaved("team");
        inView(team);
        elementShot(By.id("section-team"), "editor-team-leader-zh.png");

        // 10. ethics: nothing is chosen until the leader chooses; each trigger answered 不涉及
        for (String trigger : List.of("humanSubjects", "humanGeneticResources", "laboratoryAnimals")) {
            assertThat(driver.findElement(By.id("ethics-" + trigger + "-true")).isSelected()).as(trigger).isFalse();
            assertThat(driver.findElement(By.id("ethics-" + trigger + "-false")).isSelected()).as(trigger).isFalse();
        }
        for (String trigger : List.of("humanSubjects", "humanGeneticResources", "laboratoryAnimals")) {
            click(driver.findElement(By.cssSelector("label[for='ethics-" + trigger + "-false']")));
        }
        waitForSaved("ethics");
        for (String trigger : List.of("humanSubjects", "humanGeneticResources", "laboratoryAnimals")) {
            assertThat(driver.findElement(By.id("ethics-" + trigger + "-false")).isSelected()).as(trigger).isTrue();
        }
        // The checklist refresh after the save brought the submit controls along: ethics no longer blocks, the rest
        // still does (no reload of the page).
        chromium.waiting().until(d -> d.findElements(By.cssSelector("#submit-blocked [data-blocked-by='ETHICS_OPINION']"))
                .isEmpty());
        assertThat(driver.findElements(By.cssSelector("#submit-blocked [data-blocked-by='AGREEMENT_ATTACHED']"))).hasSize(1);
        assertThat(driver.findElement(By.id("submit-button")).isEnabled()).isFalse();
        inView(driver.findElement(By.id("section-ethics")));
        elementShot(By.id("section-ethics"), "editor-ethics-zh.png");

        // 11. the cooperation agreement, with the attachments form (the page reloads)
        Path agreementPdf = Files.createTempFile("cooperation-agreement-", ".pdf");
        try {
            Files.write(agreementPdf, AttachmentApiTests.pdf());
            new Select(inView(driver.findElement(By.id("attachment-kind")))).selectByValue("COOPERATION_AGREEMENT");
            driver.findElement(By.id("attachment-file")).sendKeys(agreementPdf.toAbsolutePath().toString());
            WebElement upload = driver.findElement(By.cssSelector("#section-attachments form button[type='submit']"));
            click(upload);
            chromium.waiting().until(ExpectedConditions.stalenessOf(upload));
            chromium.waitForPage();
        } finally {
            Files.deleteIfExists(agreementPdf);
        }
        assertThat(driver.findElements(By.cssSelector("#section-attachments .alert-danger"))).isEmpty();
        WebElement attachments = chromium.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("attachments")));
        assertThat(attachments.getText()).contains(agreementPdf.getFileName().toString(), "SM3");

        // 12. everything the page shows after the reload is what was typed
        assertThat(driver.findElement(By.id("basics-startDate")).getDomProperty("value")).isEqualTo("2024-01-01");
        assertThat(driver.findElement(By.id("basics-endDate")).getDomProperty("value")).isEqualTo("2026-06-30");
        assertThat(driver.findElement(By.id("narrative-plan")).getDomProperty("value")).isEqualTo("2024年建站，2025年监测，2026年总结");
        assertThat(driver.findElement(By.name("members[1].role")).getDomProperty("value")).isEqualTo("RESEARCH_ASSISTANT");
        assertThat(driver.findElement(By.name("lines[1].amount")).getDomProperty("value")).isEqualTo("40");
        assertThat(driver.findElement(By.name("partners[0].people[0].fullName")).getDomProperty("value")).isEqualTo("Ivan Petrov");

        // 13. the checklist turns ready: the summary in green, every blocking rule passed
        new WebDriverWait(driver, Duration.ofSeconds(15))
                .withMessage(() -> "checklist not ready: " + driver.findElement(By.id("checklist")).getText())
                .until(d -> {
                    List<WebElement> summary = d.findElements(By.id("checklist-summary"));
                    return !summary.isEmpty() && summary.get(0).getDomAttribute("class").contains("text-success");
                });
        assertThat(driver.findElement(By.id("checklist-summary")).getText()).isEqualTo("所有必须满足的要求均已满足，可以提交。");
        List<WebElement> blocking = driver.findElements(By.cssSelector("#checklist [data-rule][data-severity='BLOCKING']"));
        assertThat(blocking).isNotEmpty();
        assertThat(blocking).allSatisfy(rule -> assertThat(rule.getDomAttribute("data-passed"))
                .as(rule.getDomAttribute("data-rule") + ": " + rule.getText()).isEqualTo("true"));
        System.out.println("[ApplicationSubmissionBrowserTests] rules not passed (not blocking): "
                + driver.findElements(By.cssSelector("#checklist [data-rule][data-passed='false']")).stream()
                        .map(r -> r.getDomAttribute("data-rule")).toList());
        chromium.screenshot("submission-ready-zh.png");

        // 14. the submit button is enabled now and leads to the confirmation, which submits nothing by itself
        WebElement submit = chromium.waiting().until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("#section-submission a#submit-button")));
        assertThat(submit.getText()).isEqualTo("提交申报书");
        assertThat(driver.findElements(By.id("submit-blocked"))).isEmpty();
        click(submit);
        chromium.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("submit-confirmation")));
        chromium.waitForPage();
        assertThat(driver.getCurrentUrl()).endsWith("/applications/" + id + "/submit");
        assertThat(driver.findElements(By.cssSelector("#confirm-sections tr[data-section]"))).hasSize(9);
        assertThat(driver.findElement(By.cssSelector("#confirm-sections tr[data-section='team']")).getText())
                .contains("已填写", "2 名成员");
        assertThat(driver.findElement(By.cssSelector("#confirm-sections tr[data-section='ethics']")).getText())
                .contains("已选择 3/3 项，其中涉及 0 项");
        assertThat(driver.findElement(By.id("confirm-attachments")).getText())
                .contains(agreementPdf.getFileName().toString(), "合作协议", "SHA-256", "SM3");
        assertThat(driver.findElement(By.id("confirm-version")).getText()).contains("第 1 次提交");
        assertThat(driver.findElement(By.id("confirm-frozen")).getText()).contains("不能再修改", "退回修改");
        chromium.screenshot("submission-confirm-zh.png");

        // The pledge is required: confirming without it leaves everything as it was (the browser asks for the box).
        click(driver.findElement(By.id("confirm-submit")));
        assertThat(driver.getCurrentUrl()).endsWith("/applications/" + id + "/submit");
        assertThat(driver.findElements(By.id("receipt"))).isEmpty();

        // At phone width, and in English.
        driver.manage().window().setSize(new Dimension(390, 844));
        chromium.waitForPage();
        chromium.screenshot("submission-confirm-phone-zh.png");
        driver.manage().window().setSize(new Dimension(1280, 1600));
        chromium.chooseLanguage("en");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Confirm the submission");
        assertThat(driver.findElement(By.id("confirm-pledge")).getText()).contains("research-integrity pledge");
        chromium.screenshot("submission-confirm-en.png");
        chromium.chooseLanguage("zh-CN");

        // 15. the pledge ticked and confirmed: the editor comes back with the receipt
        click(driver.findElement(By.cssSelector("label[for='pledge']")));
        assertThat(driver.findElement(By.id("pledge")).isSelected()).isTrue();
        WebElement confirm = driver.findElement(By.id("confirm-submit"));
        click(confirm);
        chromium.waiting().until(ExpectedConditions.stalenessOf(confirm));
        chromium.waitForPage();
        WebElement receipt = chromium.waiting()
                .withMessage(() -> "no receipt: " + driver.findElement(By.id("section-submission")).getText())
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("receipt")));
        String number = receipt.findElement(By.cssSelector("dd.font-monospace")).getText();
        assertThat(number).matches("2023-SCO-\\d{6}");
        assertThat(driver.findElement(By.cssSelector("#section-submission .alert-success")).getText()).contains(number);
        assertThat(driver.findElements(By.cssSelector("#section-submission .alert-danger"))).isEmpty();
        assertThat(driver.findElements(By.id("submit-button"))).as("no submit button once submitted").isEmpty();
        assertThat(driver.findElement(By.id("application-status")).getText()).isNotEqualTo("草稿");
        inView(receipt);
        chromium.screenshot("submission-receipt-zh.png");

        // 16. the PDF link, fetched with the browser's session
        WebElement pdfLink = driver.findElement(By.cssSelector("#section-submission a[href$='/pdf']"));
        String pdfUrl = pdfLink.getDomProperty("href");
        assertThat(pdfUrl).endsWith("/applications/" + id + "/pdf");
        Cookie session = driver.manage().getCookieNamed("JSESSIONID");
        assertThat(session).as("the browser's session cookie").isNotNull();
        HttpResponse<byte[]> pdf = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build().send(
                HttpRequest.newBuilder(URI.create(pdfUrl)).header("Cookie", "JSESSIONID=" + session.getValue()).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/pdf"));
        assertThat(new String(pdf.body(), 0, 4, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF");
    }

    /** A screenshot of one element (a section), for the docs. */
    private void elementShot(By element, String name) throws IOException {
        WebElement target = inView(driver.findElement(element));
        Files.createDirectories(HeadlessChromium.SCREENSHOTS);
        Files.write(HeadlessChromium.SCREENSHOTS.resolve(name), target.getScreenshotAs(OutputType.BYTES));
    }

    /** Types into the index-th matching input inside a section, bringing it into view first. */
    private void type(WebElement section, String css, int index, CharSequence... keys) {
        List<WebElement> found = section.findElements(By.cssSelector(css));
        assertThat(found).as(css).hasSizeGreaterThan(index);
        inView(found.get(index)).sendKeys(keys);
    }

    private void choose(By select, String value) {
        new Select(inView(driver.findElement(select))).selectByValue(value);
    }

    /**
     * Types a date into an {@code <input type="date">} as a person would; the order of its parts follows the
     * browser's locale (month first in en-US, year first in zh-CN), so both are tried.
     */
    private void typeDate(WebElement input, String iso) {
        String[] parts = iso.split("-");
        inView(input).sendKeys(parts[1], parts[2], parts[0]);
        if (!iso.equals(input.getDomProperty("value"))) {
            System.out.println("[ApplicationSubmissionBrowserTests] month-first gave '" + input.getDomProperty("value")
                    + "', typing year first");
            input.clear();
            input.sendKeys(parts[0], Keys.ARROW_RIGHT, parts[1], Keys.ARROW_RIGHT, parts[2]);
        }
        assertThat(input.getDomProperty("value")).as("the date typed into #" + input.getDomAttribute("id")).isEqualTo(iso);
    }

    /** Bootstrap scrolls smoothly; a click must wait for nothing, so the element is brought into view at once. */
    private WebElement inView(WebElement element) {
        driver.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", element);
        return element;
    }

    private void click(WebElement element) {
        inView(element).click();
    }

    /**
     * Waits until the section's status says "已保存" and stays so, with no save on its way, for a little longer than
     * the autosave's typing delay (1.5 s): a save still waiting for that delay would otherwise come after this.
     */
    private void waitForSaved(String section) {
        By status = By.id("status-" + section);
        String[] last = {null};
        long[] since = {System.nanoTime()};
        new WebDriverWait(driver, Duration.ofSeconds(20))
                .withMessage(() -> "status of " + section + ": " + driver.findElement(status).getText())
                .until(d -> {
                    String text = d.findElement(status).getText();
                    boolean idle = Boolean.TRUE.equals(driver.executeScript("return !document.querySelector('.htmx-request');"));
                    long now = System.nanoTime();
                    if (!idle || !text.equals(last[0])) {
                        last[0] = text;
                        since[0] = now;
                        return false;
                    }
                    return text.contains("已保存") && now - since[0] > 1_700_000_000L;
                });
        assertThat(driver.findElement(status).findElements(By.cssSelector("[data-outcome='saved']"))).isNotEmpty();
    }

    private void signIn(String username) {
        open("/login");
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(PASSWORD);
        driver.findElement(By.cssSelector("main form button[type='submit']")).click();
        chromium.waiting().until(ExpectedConditions.urlContains("/dashboard"));
        chromium.waitForPage();
    }

    private void open(String path) {
        chromium.open("http://localhost:" + port + path);
    }
}
