package org.silkgrant.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.io.IOException;
import java.io.UncheckedIOException;
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
import org.openqa.selenium.Dimension;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
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
 * Issue 12, points 2–4, in a real headless Chromium: the officer sees possible conflicts with what matched and the
 * experts' declarations on the round page before opening the round, dismisses one with a reason, opens the round; the
 * demo expert sees who takes part in an application before confirming (in Chinese, in Russian and at phone width),
 * confirms and opens the PDF with the page session; after another expert declines, the round page lists and counts
 * it. Screenshots go to {@code target/screenshots/conflicts-*.png}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles("test")
@DirtiesContext
class ConflictsBrowserTests {

    private static final String PASSWORD = SilkGrantTest.DEMO_PASSWORD;
    private static final String CALL = "2023-SCO";
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String AGRI_TITLE = "农业大学合作的阿尔泰生态监测";
    private static final String XJU_TITLE = "新疆大学合作的跨境水资源研究";
    private static final String NARRATIVE_MARK = "机密研究内容甲乙丙";
    private static final GreenMail SMTP = startSmtp();

    private static HeadlessChromium chromium;

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
        registry.add("silkgrant.notification.reminder-cron", () -> "-");
        registry.add("silkgrant.review.reminder-cron", () -> "-");
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

    @BeforeAll
    static void startBrowser() throws IOException {
        chromium = HeadlessChromium.start("ConflictsBrowserTests");
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
    void theOfficerDismissesAPossibleConflictAndSeesDeclaredOnesTheExpertSeesWhoTakesPartAndOpensThePdf()
            throws Exception {
        long agri = accepted(AGRI_TITLE, "新疆农业大学", ConflictOfInterestTests.OTHER_VALID_CODE);
        long xju = accepted(XJU_TITLE, "新疆大学", ConflictOfInterestTests.INVALID_CODE);
        ExpertView liu = expert("expert-liu");
        ExpertView zhao = expert("expert-zhao");
        ExpertView demo = expert("expert");

        // 1. Before the round: possible conflicts with what matched, the declarations of expert profiles, the counts.
        signIn("officer");
        open("/office/calls/" + CALL + "/review");
        WebElement liuRow = waitFor(row("possible", agri, liu.id()));
        assertThat(liuRow.getText()).contains(AGRI_TITLE, liu.fullName(), "新疆农业大学",
                ConflictOfInterestTests.OTHER_VALID_CODE, ConflictOfInterestTests.LIU_CODE, "统一社会信用代码不同",
                "暂不分配");
        assertThat(driver.findElement(row("possible", xju, zhao.id())).getText())
                .contains(ConflictOfInterestTests.INVALID_CODE, "未通过校验");
        assertThat(driver.findElements(By.cssSelector("#possible tbody tr"))).hasSize(2);
        assertThat(driver.findElements(By.cssSelector("#declared tbody tr[data-source='PROFILE']"))).hasSize(2);
        assertThat(driver.findElement(By.id("declared")).getText()).contains("马文斌", "近三年内曾在该单位任职");
        assertThat(text("conflict-counts")).contains("疑似利益冲突 2 对", "专家声明的利益冲突 2 项");
        assertThat(driver.findElements(By.id("no-conflicts"))).isEmpty();
        chromium.screenshot("conflicts-01-office-possible-and-declared.png");

        // 2. The officer dismisses 刘建华's possible conflict with a reason.
        inView(liuRow.findElement(By.name("reason"))).sendKeys("经核实，联合申报单位为同名的另一法人，与刘建华无关");
        clickAndWaitForReload(liuRow.findElement(By.cssSelector(".dismiss-form button[type='submit']")));
        assertThat(waitVisible(By.cssSelector("main .alert-success")).getText()).contains("疑似利益冲突已排除");
        liuRow = waitFor(row("possible", agri, liu.id()));
        assertThat(liuRow.getText()).contains("已排除", "同名的另一法人", "officer", "撤回排除");
        assertThat(text("conflict-counts")).contains("其中 1 对尚未排除");

        // … and opens the round: 赵敏 is not assigned to the application with the failing code.
        WebElement openRound = driver.findElement(By.cssSelector("#open-round button[type='submit']"));
        markOldPage();
        click(openRound);
        acceptConfirm();
        waitForNewPage();
        assertThat(waitVisible(By.cssSelector("main .alert-success")).getText()).contains("评审轮次已开启");
        long roundId = api.expect(get("/api/v1/calls/{code}/review-rounds/current", CALL).with(api.as("officer")), 200)
                .get("round").get("id").asLong();
        JsonNode pairs = api.expect(get("/api/v1/review-rounds/{id}/assignments", roundId).with(api.as("officer")), 200);
        assertThat(live(pairs, xju)).doesNotContain(zhao.id()).contains(demo.id());
        chromium.screenshot("conflicts-02-office-dismissed-round-open.png");

        // 3. The expert sees who takes part before confirming, and nothing of the content.
        long mine = assignment(pairs, xju, demo.id());
        signIn("expert");
        open("/expert/reviews");
        WebElement parties = waitFor(By.id("parties-" + mine));
        assertThat(parties.getText()).contains("申报单位", "新疆示范大学", "联合申报单位", "新疆大学",
                "Altai State University", "俄罗斯", "Ivan Petrov", "Professor", "项目组成员", "张明", "李四");
        WebElement card = driver.findElement(By.id("assignment-" + mine));
        assertThat(card.getText()).doesNotContain(NARRATIVE_MARK);
        assertThat(card.findElements(By.id("pdf-link-" + mine))).as("no PDF before the declaration").isEmpty();
        inView(card);
        chromium.screenshot("conflicts-03-expert-before-confirming.png");
        language("ru");
        assertThat(waitFor(By.id("parties-" + mine)).getText()).contains("Участники проекта", "Организация-заявитель",
                "Россия", "Ivan Petrov");
        chromium.screenshot("conflicts-04-expert-before-confirming-ru.png");
        Dimension desktop = driver.manage().window().getSize();
        try {
            driver.manage().window().setSize(new Dimension(390, 844));
            open("/expert/reviews");
            inView(waitFor(By.id("parties-" + mine)));
            Object overflow = driver.executeScript(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
            assertThat(((Number) overflow).intValue()).as("no sideways scrolling at phone width").isLessThanOrEqualTo(1);
            chromium.screenshot("conflicts-05-expert-before-confirming-phone.png");
        } finally {
            driver.manage().window().setSize(desktop);
        }
        language("zh-CN");

        // 4. The expert confirms; the PDF link opens with the page's session (the old API link answered 401).
        card = waitFor(By.id("assignment-" + mine));
        clickAndWaitForReload(card.findElement(By.cssSelector("form input[name='noConflict'][value='true']"))
                .findElement(By.xpath("..")).findElement(By.cssSelector("button[type='submit']")));
        WebElement pdf = waitFor(By.id("pdf-link-" + mine));
        assertThat(pdf.getDomAttribute("href")).isEqualTo("/applications/" + xju + "/pdf");
        Object fetched = driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0], {credentials: 'same-origin'})
                  .then(r => r.arrayBuffer().then(b => done(r.status + ' ' + r.headers.get('content-type') + ' '
                      + String.fromCharCode(...new Uint8Array(b.slice(0, 5))))))
                  .catch(e => done('failed ' + e));
                """, pdf.getDomProperty("href"));
        assertThat(String.valueOf(fetched)).isEqualTo("200 application/pdf %PDF-");

        // 5. Another expert declines; the officer sees it listed and counted.
        long declining = live(pairs, xju).stream().filter(id -> !id.equals(demo.id())).findFirst().orElseThrow();
        ExpertView decliner = experts.find(declining).orElseThrow();
        api.expect(post("/api/v1/assignments/{id}/conflict-declaration", assignment(pairs, xju, declining))
                .with(api.as(decliner.username())).contentType(MediaType.APPLICATION_JSON)
                .content("{\"noConflict\":false,\"reason\":\"本人与项目负责人为同一课题组\"}"), 200);
        signIn("officer");
        open("/office/calls/" + CALL + "/review");
        WebElement declined = waitFor(By.cssSelector("#declared tr[data-source='ASSIGNMENT'][data-expert='"
                + declining + "']"));
        assertThat(declined.getText()).contains(decliner.fullName(), XJU_TITLE, "第 1 轮评审中声明回避",
                "本人与项目负责人为同一课题组");
        assertThat(text("declared-conflicts")).isEqualTo("专家声明的利益冲突（3）");
        inView(driver.findElement(By.id("conflict-overview")));
        chromium.screenshot("conflicts-06-office-declared.png");
        language("en");
        assertThat(text("declared-conflicts")).isEqualTo("Conflicts declared by experts (3)");
        assertThat(waitFor(row("possible", xju, zhao.id())).getText()).contains("fails the check");
        inView(driver.findElement(By.id("conflict-overview")));
        chromium.screenshot("conflicts-07-office-conflicts-en.png");
        language("zh-CN");
        assertThat(agri).isPositive();
    }

    // ---- the applications through the API ----

    private long accepted(String title, String coApplicant, String creditCode) throws Exception {
        String leader = api.newLeader();
        long id = api.complete(leader);
        save(leader, id, "basics", "{\"title\":\"" + title + "\",\"category\":\"GENERAL\",\"scope\":\"G3\","
                + "\"startDate\":\"2024-01-01\",\"endDate\":\"2026-06-30\",\"keywords\":[\"生态\"],"
                + "\"summary\":\"摘要\",\"recommendingDepartment\":\"650100\"}");
        save(leader, id, "narrative", "{\"objectives\":\"" + NARRATIVE_MARK + "\",\"rationale\":\"理由\","
                + "\"content\":\"内容\",\"channels\":\"渠道\",\"responsibilities\":\"责任\",\"plan\":\"方案\","
                + "\"expectedResults\":\"成效\"}");
        save(leader, id, "coApplicants", "{\"organizations\":[{\"name\":\"" + coApplicant + "\",\"creditCode\":\""
                + creditCode + "\",\"province\":\"新疆\",\"role\":\"联合申报\"}]}");
        api.submitted(leader, id);
        api.step("uni-admin", id, Action.APPROVE, "同意");
        api.step("recommender", id, Action.RECOMMEND, "推荐");
        assertThat(api.step("officer", id, Action.ACCEPT, "形式审查通过")).isEqualTo("ACCEPTED");
        return id;
    }

    private void save(String leader, long id, String section, String content) throws Exception {
        long version = api.expect(get("/api/v1/applications/{id}", id).with(api.as(leader)), 200).get("version")
                .asLong();
        api.expect(put("/api/v1/applications/{id}/sections/{name}", id, section).with(api.as(leader))
                .header("If-Match", String.valueOf(version)).contentType(MediaType.APPLICATION_JSON).content(content), 200);
    }

    private ExpertView expert(String username) {
        return experts.activeExperts().stream().filter(e -> e.username().equals(username)).findFirst().orElseThrow();
    }

    private static List<Long> live(JsonNode pairs, long application) {
        List<Long> out = new ArrayList<>();
        for (JsonNode p : pairs) {
            if (p.get("applicationId").asLong() == application
                    && Set.of("ASSIGNED", "CONFIRMED", "SUBMITTED").contains(p.get("status").asString())) {
                out.add(p.get("expertId").asLong());
            }
        }
        return out;
    }

    private static long assignment(JsonNode pairs, long application, long expert) {
        for (JsonNode p : pairs) {
            if (p.get("applicationId").asLong() == application && p.get("expertId").asLong() == expert
                    && Set.of("ASSIGNED", "CONFIRMED", "SUBMITTED").contains(p.get("status").asString())) {
                return p.get("id").asLong();
            }
        }
        throw new AssertionError("no live pair " + application + "/" + expert);
    }

    // ---- the pages ----

    private static By row(String table, long application, long expert) {
        return By.cssSelector("#" + table + " tr[data-application='" + application + "'][data-expert='" + expert + "']");
    }

    /** Picks a language in the navigation bar, which is at the top of the page. */
    private void language(String tag) {
        driver.executeScript("window.scrollTo({top: 0, left: 0, behavior: 'instant'});");
        chromium.chooseLanguage(tag);
    }

    private void signOut() {
        List<WebElement> logout = driver.findElements(By.cssSelector("nav form[action$='/logout'] button"));
        if (!logout.isEmpty()) {
            clickAndWaitForReload(logout.get(0));
        }
        driver.manage().deleteAllCookies();
    }

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

    private void acceptConfirm() {
        Alert alert = wait(PATIENCE).until(ExpectedConditions.alertIsPresent());
        alert.accept();
    }

    private void clickAndWaitForReload(WebElement element) {
        markOldPage();
        click(element);
        waitForNewPage();
    }

    private void markOldPage() {
        driver.executeScript("window.conflictsOldPage = true;");
    }

    private void waitForNewPage() {
        wait(PATIENCE).ignoring(WebDriverException.class).withMessage("no new page after the click")
                .until(d -> Boolean.TRUE.equals(driver.executeScript(
                        "return window.conflictsOldPage !== true && document.readyState === 'complete';")));
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

    private WebElement inView(WebElement element) {
        driver.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", element);
        return element;
    }

    private void click(WebElement element) {
        inView(element).click();
    }

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
