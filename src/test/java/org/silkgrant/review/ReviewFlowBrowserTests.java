package org.silkgrant.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.silkgrant.HeadlessChromium;
import org.silkgrant.SilkGrantTest;
import org.silkgrant.application.Action;
import org.silkgrant.application.ThroughTheApi;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Expert review from the pages alone, in a real headless Chromium (issue 7's browser test): two applications of the
 * demo call are driven to ACCEPTED through the API; then the program officer opens a review round and sees the
 * assignment with its affinities, the demo expert confirms "no conflict", reads the application, scores every
 * criterion of the rubric and submits, the officer sees the ranking, approves the application with a granted amount
 * (confirming that four of five sheets are missing) and sees the totals against the budget envelope, the leader sees
 * nothing of the decision, the officer publishes the notice through its confirmation page, the leader then sees the
 * decision and the granted amount on the application page (zh, ru, en at phone width), and a visitor reads the notice
 * in Chinese and in English. Screenshots go to {@code target/screenshots/review-*.png} and {@code award-*.png}; the
 * award ones are also copied to {@code docs/award/}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles("test")
@DirtiesContext
class ReviewFlowBrowserTests {

    private static final String PASSWORD = SilkGrantTest.DEMO_PASSWORD;
    private static final String CALL = "2023-SCO";
    /** The machine running the tests may be busy: every wait is generous, none is a sleep. */
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String FIRST_TITLE = "阿尔泰区域生态监测联合研究";
    private static final String SECOND_TITLE = "中哈跨境河流水资源智能调度研究";
    private static final String UNIVERSITY = "新疆示范大学";
    private static final GreenMail SMTP = startSmtp();

    private static HeadlessChromium chromium;

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
        registry.add("silkgrant.notification.reminder-cron", () -> "-");
    }

    @LocalServerPort
    private int port;

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Autowired
    UserDetailsService users;

    @Autowired
    ExpertManagement experts;

    private ThroughTheApi api;
    private ChromeDriver driver;
    private final java.util.Map<Long, String> leaders = new java.util.HashMap<>();

    @BeforeAll
    static void startBrowser() throws IOException {
        chromium = HeadlessChromium.start("ReviewFlowBrowserTests");
    }

    @BeforeEach
    void requireBrowser() {
        chromium.requireBrowser();
        driver = chromium.driver();
        api = new ThroughTheApi(mvc, json, users);
    }

    @AfterAll
    static void stop() {
        if (chromium != null) {
            chromium.quit();
            chromium = null;
        }
        SMTP.stop();
    }

    @Test
    void expertScoresOfficerRanksAndDecidesAndTheNoticeShowsTheApprovedProject() throws Exception {
        long first = accepted(FIRST_TITLE);
        long second = accepted(SECOND_TITLE);
        ExpertView expert = experts.activeExperts().stream().filter(e -> e.username().equals("expert")).findFirst()
                .orElseThrow();
        ExpertView ma = experts.activeExperts().stream().filter(e -> e.username().equals("expert-ma")).findFirst()
                .orElseThrow();

        // 1. the officer opens a review round on the call's review page and sees the pairs with their affinities
        signIn("officer");
        open("/office/calls/" + CALL + "/review");
        assertThat(chromium.bodyText()).contains("评审");
        WebElement openRound = driver.findElement(By.cssSelector("#open-round button[type='submit']"));
        markOldPage();
        click(openRound);
        acceptConfirm();
        waitForNewPage();
        assertThat(driver.findElements(By.id("review-error")))
                .as(() -> "opening the round: " + chromium.bodyText()).isEmpty();
        assertThat(waitVisible(By.cssSelector("main .alert-success")).getText()).contains("评审轮次已开启");
        assertThat(chromium.bodyText()).contains("第 1 轮");
        long roundId = api.expect(get("/api/v1/calls/{code}/review-rounds/current", CALL).with(api.as("officer")), 200)
                .get("round").get("id").asLong();
        List<WebElement> rows = driver.findElements(By.cssSelector("#assignments tbody tr"));
        assertThat(rows).as("5 experts for each of the two applications").hasSize(10);
        for (WebElement row : rows) {
            List<WebElement> cells = row.findElements(By.tagName("td"));
            assertThat(cells.get(1).getText()).isIn(FIRST_TITLE, SECOND_TITLE);
            assertThat(Integer.parseInt(cells.get(3).getText().strip())).as("affinity").isBetween(0, 1000);
            assertThat(cells.get(4).getText()).isEqualTo("待确认");
            assertThat(cells.get(2).getText()).as("expert-ma declared a conflict").doesNotContain(ma.fullName());
        }
        assertThat(text("slots")).isEqualTo("10 / 10");
        assertThat(waitFor(By.id("conflicts")).getText()).contains(FIRST_TITLE, SECOND_TITLE);

        // the demo expert's pair: from the solver, or added by hand with a reason when the solver chose others
        long application = first;
        String title = FIRST_TITLE;
        Long assignmentId = assignmentOf(roundId, expert.id(), first);
        if (assignmentId == null && assignmentOf(roundId, expert.id(), second) != null) {
            application = second;
            title = SECOND_TITLE;
            assignmentId = assignmentOf(roundId, expert.id(), second);
        }
        if (assignmentId == null) {
            inView(driver.findElement(By.id("applicationId"))).sendKeys(String.valueOf(first));
            driver.findElement(By.id("expertId")).sendKeys(String.valueOf(expert.id()));
            driver.findElement(By.id("reason")).sendKeys("生态监测领域专家，补充评审");
            clickAndWaitForReload(driver.findElement(By.cssSelector("#add-pair button[type='submit']")));
            assertThat(waitVisible(By.cssSelector("main .alert-success")).getText()).contains("已添加评审任务");
            assignmentId = assignmentOf(roundId, expert.id(), first);
            assertThat(assignmentId).isNotNull();
        }
        assertThat(driver.findElement(By.id("assignments")).getText()).contains(expert.fullName());
        chromium.screenshot("review-01-office-round-assignments.png");

        // 2. the expert confirms "no conflict", reads the application and scores it
        signIn("expert");
        open("/expert/reviews");
        WebElement card = waitFor(By.id("assignment-" + assignmentId));
        assertThat(card.getText()).contains(title, CALL, "待确认");
        assertThat(card.findElements(By.cssSelector("a[href$='/applications/" + application + "']")))
                .as("the content stays closed before the declaration").isEmpty();
        assertThat(card.findElements(By.id("sheet-link-" + assignmentId))).isEmpty();
        clickAndWaitForReload(card.findElement(By.cssSelector("form input[name='noConflict'][value='true']"))
                .findElement(By.xpath("..")).findElement(By.cssSelector("button[type='submit']")));
        assertThat(waitVisible(By.cssSelector("main .alert-success")).getText()).contains("声明已保存");
        card = waitFor(By.id("assignment-" + assignmentId));
        assertThat(card.getText()).contains("已确认无利益冲突");
        chromium.screenshot("review-02-expert-confirmed-no-conflict.png");
        clickAndWaitForReload(card.findElement(By.cssSelector("a[href$='/applications/" + application + "']")));
        assertThat(driver.getCurrentUrl()).contains("/applications/" + application);
        assertThat(chromium.bodyText()).contains(title);
        assertThat(driver.findElements(By.id("submit-button"))).as("read-only for the expert").isEmpty();
        chromium.screenshot("review-03-expert-reads-application.png");

        open("/expert/reviews");
        clickAndWaitForReload(waitFor(By.id("sheet-link-" + assignmentId)));
        assertThat(driver.getCurrentUrl()).endsWith("/expert/reviews/" + assignmentId + "/sheet");
        assertThat(text("sheet-status")).isIn("未填写", "草稿");
        List<WebElement> inputs = driver.findElements(By.cssSelector("#sheet-form input[type='number']"));
        assertThat(inputs).as("one box per rubric criterion").hasSizeGreaterThanOrEqualTo(3);
        BigDecimal expected = BigDecimal.ZERO;
        int i = 0;
        for (WebElement input : inputs) {
            BigDecimal min = new BigDecimal(input.getDomAttribute("min"));
            BigDecimal max = new BigDecimal(input.getDomAttribute("max"));
            WebElement row = input.findElement(By.xpath("./ancestor::tr"));
            BigDecimal weight = new BigDecimal(row.findElements(By.tagName("td")).get(1).getText().strip());
            BigDecimal score = max.subtract(BigDecimal.valueOf(i % 3)).max(min);
            inView(input).sendKeys(score.toPlainString());
            expected = expected.add(weight.multiply(score.subtract(min))
                    .divide(max.subtract(min), 10, RoundingMode.HALF_UP));
            i++;
        }
        expected = expected.setScale(2, RoundingMode.HALF_UP);
        inView(driver.findElement(By.id("comment")))
                .sendKeys("合作基础扎实，中俄双方分工明确，监测方案可行；建议细化数据共享机制与经费测算依据。");
        markOldPage();
        click(driver.findElement(By.id("submit-sheet")));
        acceptConfirm();
        waitForNewPage();
        assertThat(driver.findElements(By.id("sheet-failure"))).as(() -> chromium.bodyText()).isEmpty();
        assertThat(waitVisible(By.cssSelector("main .alert-success")).getText()).isNotBlank();
        assertThat(text("sheet-status")).isEqualTo("已提交");
        assertThat(text("sheet-total")).isEqualTo("加权总分：" + expected.toPlainString());
        assertThat(driver.findElement(By.cssSelector("#sheet-form fieldset")).getDomAttribute("disabled"))
                .as("read-only after submission").isNotNull();
        assertThat(driver.findElements(By.id("submit-sheet"))).isEmpty();
        chromium.screenshot("review-04-expert-sheet-submitted.png");

        // 3. the officer sees the ranking, approves the application and publishes the notice
        signIn("officer");
        open("/office/calls/" + CALL + "/ranking");
        WebElement ranked = waitFor(By.cssSelector("table.ranking tr[data-application='" + application + "']"));
        List<WebElement> cells = ranked.findElements(By.tagName("td"));
        assertThat(cells.get(0).getText().strip()).isEqualTo("1");
        assertThat(cells.get(2).getText()).isEqualTo(title);
        assertThat(cells.get(3).getText()).isEqualTo(UNIVERSITY);
        assertThat(cells.get(4).getText()).isEqualTo("1 / 5");
        assertThat(cells.get(5).getText()).isEqualTo(expected.toPlainString());
        assertThat(cells.get(10).getText()).contains(expected.toPlainString());
        chromium.screenshot("review-05-office-ranking.png");

        clickAndWaitForReload(driver.findElement(By.cssSelector("a[href$='/office/calls/" + CALL + "/decisions']")));
        WebElement decisionRow = waitFor(By.cssSelector("#decisions tr[data-application='" + application + "']"));
        assertThat(decisionRow.getText()).contains(title, UNIVERSITY, "已交 1 / 应交 5");
        List<WebElement> decisionCells = decisionRow.findElements(By.tagName("td"));
        assertThat(decisionCells.get(0).getText().strip()).as("rank").isEqualTo("1");
        assertThat(decisionCells.get(3).getText().strip()).as("mean").isEqualTo(expected.toPlainString());
        BigDecimal requested = new BigDecimal(decisionCells.get(7).getText().strip().replace(",", ""));
        BigDecimal granted = new BigDecimal("80");
        assertThat(granted).isLessThanOrEqualTo(requested);
        new Select(decisionRow.findElement(By.name("decision"))).selectByValue("APPROVED");
        inView(decisionRow.findElement(By.name("grantedAmount"))).sendKeys(granted.toPlainString());
        decisionRow.findElement(By.name("note")).sendKeys("专家评审意见较好，核减部分设备费");
        // four of the five experts have not scored: deciding anyway is an explicit choice
        assertThat(decisionRow.findElement(By.cssSelector("label[for='confirm-sheets-" + application + "']")).getText())
                .contains("评审未完成");
        clickAndWaitForReload(decisionRow.findElement(By.cssSelector("button[type='submit']")));
        assertThat(text("award-failure")).contains("评审尚未完成", "已提交评审表 1 份，应提交 5 份");
        decisionRow = waitFor(By.cssSelector("#decisions tr[data-application='" + application + "']"));
        assertThat(decisionRow.findElement(By.name("grantedAmount")).getDomProperty("value")).as("kept for the retry")
                .isEqualTo("80");
        click(decisionRow.findElement(By.id("confirm-sheets-" + application)));
        clickAndWaitForReload(decisionRow.findElement(By.cssSelector("button[type='submit']")));
        assertThat(driver.findElements(By.id("award-failure"))).as(() -> chromium.bodyText()).isEmpty();
        assertThat(waitVisible(By.cssSelector("main .alert-success")).getText()).contains("立项决定已记录");
        decisionRow = waitFor(By.cssSelector("#decisions tr[data-application='" + application + "']"));
        assertThat(decisionRow.getText()).contains("拟立项", "80.00", "未公示", "本类累计 80.00 万元");
        WebElement general = driver.findElement(By.cssSelector("#envelope-totals tr[data-category='GENERAL']"));
        assertThat(general.findElement(By.className("approved")).getText()).contains("80.00");
        assertThat(general.findElement(By.className("remaining")).getText()).contains("1,720.00");
        chromium.screenshot("award-01-decisions-totals.png");
        copyToDocs("award-01-decisions-totals.png");

        // before publication the leader sees nothing of the decision
        signIn(leaderOf(application));
        open("/applications/" + application);
        wait(PATIENCE).until(d -> d.findElements(By.id("decision-panel")).isEmpty());
        assertThat(driver.findElements(By.id("funding-decision"))).isEmpty();
        assertThat(text("application-status")).isEqualTo("评审中");

        // publishing asks first, on a page that lists what the notice will say
        signIn("officer");
        open("/office/calls/" + CALL + "/decisions");
        clickAndWaitForReload(driver.findElement(By.id("prepare-notice")));
        assertThat(driver.getCurrentUrl()).endsWith("/office/calls/" + CALL + "/notice/confirm");
        WebElement listed = waitFor(By.cssSelector("#publish-projects tr[data-application='" + application + "']"));
        assertThat(listed.getText()).contains(title, UNIVERSITY, "80.00");
        assertThat(text("publish-period")).contains("公示期 7 天");
        assertThat(text("publish-undecided")).contains(application == first ? SECOND_TITLE : FIRST_TITLE);
        inView(driver.findElement(By.id("notice-text"))).sendKeys("公示期内如有异议，请登录系统提交。");
        chromium.screenshot("award-02-publish-confirmation.png");
        copyToDocs("award-02-publish-confirmation.png");
        clickAndWaitForReload(driver.findElement(By.id("publish-confirm")));
        assertThat(driver.findElements(By.id("award-failure"))).as(() -> chromium.bodyText()).isEmpty();
        assertThat(waitVisible(By.cssSelector("main .alert-success")).getText()).contains("公示已发布");
        assertThat(driver.findElement(By.id("notice-card")).findElements(By.cssSelector("a[href$='/notices/" + CALL + "']")))
                .hasSize(1);
        assertThat(driver.findElement(By.cssSelector("#decisions tr[data-application='" + application + "']"))
                .findElements(By.tagName("details"))).as("final: no form to change it").isEmpty();
        chromium.screenshot("review-06-office-decision-notice.png");

        // after publication the leader sees the decision and the granted amount on the application page
        signIn(leaderOf(application));
        open("/applications/" + application);
        WebElement decided = waitVisible(By.id("funding-decision"));
        assertThat(decided.getText()).contains("拟立项", "80.00 万元", "公示期");
        assertThat(text("application-status")).isEqualTo("拟立项");
        chromium.screenshot("award-03-leader-decision-zh-page.png");
        windowShot("award-03-leader-decision-zh.png");
        open("/applications/" + application + "?lang=ru");
        assertThat(waitVisible(By.id("funding-decision")).getText()).contains("Решение о финансировании", "80.00");
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        try {
            open("/applications/" + application + "?lang=en");
            assertThat(waitVisible(By.id("funding-decision")).getText()).contains("Funding decision", "80.00 × 10,000 yuan");
            windowShot("award-04-leader-decision-en-phone.png");
        } finally {
            driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1600));
            open("/applications/" + application + "?lang=zh-CN");
        }

        // 4. a visitor reads the notice without signing in, in Chinese and in English
        signOut();
        open("/notices/" + CALL);
        assertThat(driver.findElement(By.tagName("h1")).getText()).contains("拟立项项目公示");
        List<WebElement> projects = driver.findElements(By.cssSelector("#noticed-projects tbody tr"));
        assertThat(projects).hasSize(1);
        List<WebElement> project = projects.get(0).findElements(By.tagName("td"));
        assertThat(project.get(0).getText()).isEqualTo(title);
        assertThat(project.get(1).getText()).isEqualTo(UNIVERSITY);
        assertThat(new BigDecimal(project.get(3).getText().strip())).isEqualByComparingTo(granted);
        assertThat(chromium.bodyText()).doesNotContain(application == first ? SECOND_TITLE : FIRST_TITLE);
        chromium.screenshot("review-07-notice-zh.png");
        open("/notices/" + CALL + "?lang=en");
        assertThat(driver.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("en");
        assertThat(driver.findElement(By.tagName("h1")).getText()).contains("projects approved for funding");
        assertThat(chromium.bodyText()).contains("Fiscal funding granted", title, UNIVERSITY);
        chromium.screenshot("review-08-notice-en.png");
    }

    // ---- the applications through the API ----

    /** A complete application of a new leader of the demo university with this title, driven to ACCEPTED. */
    private long accepted(String title) throws Exception {
        String leader = api.newLeader();
        long id = api.complete(leader);
        if (!title.equals(FIRST_TITLE)) {
            long version = api.expect(get("/api/v1/applications/{id}", id).with(api.as(leader)), 200)
                    .get("version").asLong();
            api.expect(put("/api/v1/applications/{id}/sections/{name}", id, "basics").with(api.as(leader))
                    .header("If-Match", String.valueOf(version)).contentType(MediaType.APPLICATION_JSON)
                    .content("{\"title\":\"" + title + "\",\"category\":\"GENERAL\",\"scope\":\"G3\","
                            + "\"startDate\":\"2024-01-01\",\"endDate\":\"2026-06-30\",\"keywords\":[\"水资源\"],"
                            + "\"summary\":\"摘要\",\"recommendingDepartment\":\"650100\"}"), 200);
        }
        api.submitted(leader, id);
        leaders.put(id, leader);
        api.step("uni-admin", id, Action.APPROVE, "同意");
        api.step("recommender", id, Action.RECOMMEND, "推荐");
        assertThat(api.step("officer", id, Action.ACCEPT, "形式审查通过")).isEqualTo("ACCEPTED");
        return id;
    }

    private String leaderOf(long application) {
        return leaders.get(application);
    }

    /** What the window shows from the top of the page (a person's first look), to target/screenshots and docs/award/. */
    private void windowShot(String name) throws IOException {
        driver.executeScript("window.scrollTo(0, 0);");
        java.nio.file.Files.createDirectories(HeadlessChromium.SCREENSHOTS);
        java.nio.file.Files.copy(driver.getScreenshotAs(org.openqa.selenium.OutputType.FILE).toPath(),
                HeadlessChromium.SCREENSHOTS.resolve(name), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        copyToDocs(name);
    }

    /** Keeps a screenshot worth showing in docs/award/ (the browser tests write theirs to target/screenshots). */
    private static void copyToDocs(String name) throws IOException {
        java.nio.file.Path docs = java.nio.file.Path.of("docs", "award");
        java.nio.file.Files.createDirectories(docs);
        java.nio.file.Files.copy(HeadlessChromium.SCREENSHOTS.resolve(name), docs.resolve(name),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    /** The live assignment of the expert to the application in the round, or null. */
    private Long assignmentOf(long roundId, long expertId, long application) throws Exception {
        JsonNode pairs = api.expect(get("/api/v1/review-rounds/{id}/assignments", roundId).with(api.as("officer")), 200);
        List<Long> found = new ArrayList<>();
        for (JsonNode p : pairs) {
            if (p.get("applicationId").asLong() == application && p.get("expertId").asLong() == expertId
                    && Set.of("ASSIGNED", "CONFIRMED", "SUBMITTED").contains(p.get("status").asString())) {
                found.add(p.get("id").asLong());
            }
        }
        return found.isEmpty() ? null : found.get(0);
    }

    // ---- the pages ----

    private void signOut() {
        List<WebElement> logout = driver.findElements(By.cssSelector("nav form[action$='/logout'] button"));
        if (!logout.isEmpty()) {
            clickAndWaitForReload(logout.get(0));
        }
        driver.manage().deleteAllCookies();
    }

    /** Signs out whoever is signed in (the form in the navigation bar, then a clean cookie jar) and signs in. */
    private void signIn(String username) {
        signOut();
        open("/login");
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(PASSWORD);
        driver.findElement(By.cssSelector("main form button[type='submit']")).click();
        wait(PATIENCE).until(ExpectedConditions.urlContains("/dashboard"));
        chromium.waitForPage();
    }

    private void open(String path) {
        chromium.open("http://localhost:" + port + path);
    }

    /** Accepts the browser's confirm dialog a button opened. */
    private void acceptConfirm() {
        Alert alert = wait(PATIENCE).until(ExpectedConditions.alertIsPresent());
        alert.accept();
    }

    /** Clicks something that loads a new page and waits until that page is there. */
    private void clickAndWaitForReload(WebElement element) {
        markOldPage();
        click(element);
        waitForNewPage();
    }

    private void markOldPage() {
        driver.executeScript("window.reviewFlowOldPage = true;");
    }

    private void waitForNewPage() {
        wait(PATIENCE).ignoring(WebDriverException.class).withMessage("no new page after the click")
                .until(d -> Boolean.TRUE.equals(driver.executeScript(
                        "return window.reviewFlowOldPage !== true && document.readyState === 'complete';")));
    }

    private WebElement waitFor(By by) {
        return wait(PATIENCE).until(ExpectedConditions.presenceOfElementLocated(by));
    }

    private WebElement waitVisible(By by) {
        return wait(PATIENCE).until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    private String text(String id) {
        return waitFor(By.id(id)).getText().strip();
    }

    private WebDriverWait wait(Duration timeout) {
        WebDriverWait wait = new WebDriverWait(driver, timeout);
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    /** Bootstrap scrolls smoothly; a click must wait for nothing, so the element is brought into view at once. */
    private WebElement inView(WebElement element) {
        driver.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", element);
        return element;
    }

    private void click(WebElement element) {
        inView(element).click();
    }

    // ---- the mail (the steps notify; a real SMTP server takes the mails so that nothing waits on a refused one) ----

    private static GreenMail startSmtp() {
        int free;
        try (ServerSocket socket = new ServerSocket(0)) {
            free = socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ServerSetup setup = new ServerSetup(free, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        setup.setServerStartupTimeout(PATIENCE.toMillis());
        GreenMail server = new GreenMail(setup);
        server.start();
        return server;
    }
}
