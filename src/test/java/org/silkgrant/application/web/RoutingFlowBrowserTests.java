package org.silkgrant.application.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.silkgrant.HeadlessChromium;
import org.silkgrant.SilkGrantTest;
import org.silkgrant.account.AccountManagement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The application's whole way in a real headless Chromium, each person signing in in turn: the enterprise's leader
 * submits (the sections were filled through the API), its admin returns it with a comment, the leader revises and
 * submits again, the admin approves, the department recommends, the office returns it with a comment on the budget,
 * the leader revises once more, it goes the way again and the office ticks the formal review and accepts it. At
 * every step the people concerned get a mail (a real SMTP server, GreenMail) and a message in their inbox, counted
 * by the navigation bar's badge. Screenshots go to {@code target/screenshots/routing-*.png}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles("test")
@DirtiesContext
class RoutingFlowBrowserTests {

    private static final String PASSWORD = SilkGrantTest.DEMO_PASSWORD;
    /** The machine running the tests may be busy: every wait is generous, none is a sleep. */
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String TITLE = "中俄阿尔泰联合生态监测研究";
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
    AccountManagement accounts;

    private ChromeDriver driver;

    @BeforeAll
    static void startBrowser() throws IOException {
        chromium = HeadlessChromium.start("RoutingFlowBrowserTests");
    }

    @BeforeEach
    void requireBrowser() {
        chromium.requireBrowser();
        driver = chromium.driver();
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
    void fromSubmissionThroughTwoReturnsToAcceptanceEveryoneToldByMailAndInbox() throws Exception {
        String leader = "ent-leader";
        String admin = "ent-admin";
        String recommender = "recommender";
        String officer = "officer";
        long id = completeApplicationOf(leader);

        // 1. the leader submits version 1 on the editor page
        Set<String> mark = mailMark();
        signIn(leader);
        open("/applications/" + id);
        String receipt1 = submitOnThePage();
        awaitMail(mark, admin, "提交", "等待本单位审核");
        awaitMail(mark, leader, "已提交", receipt1);

        // 2. the organisation's admin finds it in the queue, opens it and returns it with a comment
        signIn(admin);
        inbox().shows("SUBMITTED", TITLE, "张三").markAllRead();
        open("/queue");
        WebElement row = queueRowOf(id);
        assertThat(row.getText()).contains(receipt1, "新疆丝路示范科技有限公司", "张三", "已提交");
        chromium.screenshot("routing-01-queue-org-admin.png");
        openFromQueue(id);
        assertThat(text("routing-status")).isEqualTo("已提交");
        String orgComment = "请补充合作协议中知识产权条款的说明";
        mark = mailMark();
        act("RETURN", orgComment, "已退回");
        assertThat(text("routing-status")).isEqualTo("退回修改");
        MimeMessage returned = awaitMail(mark, leader, "被退回修改", orgComment);
        assertThat(body(returned)).contains("/applications/" + id);

        // 3. the leader reads the comment, changes the summary, submits version 2 and looks at the difference
        signIn(leader);
        Inbox leaderInbox = inbox().shows("RETURN", TITLE, "被退回修改", orgComment).shows("SUBMIT_RECEIPT", receipt1);
        chromium.screenshot("routing-02-inbox-leader-returned.png");
        leaderInbox.openNewest("RETURN");
        assertThat(driver.getCurrentUrl()).contains("/applications/" + id);
        assertThat(badge()).as("the opened message is read; the receipt's message is not").isEqualTo(1);
        WebElement comments = waitFor(By.id("return-comments"));
        assertThat(comments.getText()).contains(orgComment, "单位管理员");
        inView(comments);
        chromium.screenshot("routing-03-return-comments-org.png");
        WebElement summary = inView(driver.findElement(By.id("basics-summary")));
        summary.clear();
        String revisedSummary = "修订后的摘要：补充了知识产权条款的说明。";
        summary.sendKeys(revisedSummary, Keys.TAB);
        waitForSaved("basics");
        mark = mailMark();
        String receipt2 = submitOnThePage();
        assertThat(receipt2).isNotEqualTo(receipt1);
        List<WebElement> versions = driver.findElements(By.cssSelector("#routing-versions tr"));
        assertThat(versions).hasSize(2);
        assertThat(versions.get(1).getText()).contains("第 2 版", receipt2);
        click(versions.get(1).findElement(By.cssSelector("a[href*='/diff']")));
        waitFor(By.id("diff"));
        assertThat(driver.getCurrentUrl()).contains("/applications/" + id + "/diff", "from=1", "to=2");
        WebElement diff = waitFor(By.id("diff-table"));
        assertThat(diff.getText()).contains("summary", "摘要", revisedSummary);
        chromium.screenshot("routing-04-diff-v1-v2.png");
        awaitMail(mark, admin, "等待本单位审核");
        awaitMail(mark, leader, "已提交", receipt2);

        // 4. the admin approves version 2
        signIn(admin);
        inbox().shows("SUBMITTED", TITLE).markAllRead();
        open("/queue");
        assertThat(queueRowOf(id).getText()).contains(receipt2, "第 2 版");
        openFromQueue(id);
        mark = mailMark();
        act("APPROVE", "同意申报", "审核通过");
        awaitMail(mark, leader, "已通过本单位审核");
        awaitMail(mark, recommender, "等待您推荐或受理");

        // 5. the recommending department recommends it
        signIn(recommender);
        inbox().shows("APPROVE_QUEUE", TITLE, "等待您推荐或受理").markAllRead();
        open("/queue");
        chromium.screenshot("routing-05-queue-recommender.png");
        openFromQueue(id);
        mark = mailMark();
        act("RECOMMEND", "同意推荐", "已推荐");
        awaitMail(mark, leader, "已由推荐单位推荐");
        awaitMail(mark, admin, "已由推荐单位推荐");
        awaitMail(mark, officer, "已由推荐单位推荐");

        // 6. the office returns it with a comment on the budget section
        signIn(officer);
        inbox().shows("RECOMMEND", TITLE, "已由推荐单位推荐").markAllRead();
        open("/queue");
        chromium.screenshot("routing-06-queue-officer.png");
        openFromQueue(id);
        assertThat(driver.findElements(By.cssSelector("#formal-review input[type='checkbox']"))).hasSize(6);
        WebElement details = driver.findElement(By.id("section-comments"));
        click(details.findElement(By.tagName("summary")));
        String budgetComment = "自筹经费明细不清，请补充设备购置的说明";
        String officerComment = "请按各部分意见修改后重新提交";
        inView(waitVisible(By.id("section-comment-budget"))).sendKeys(budgetComment);
        inView(driver.findElement(By.id("routing-comment"))).sendKeys(officerComment);
        chromium.screenshot("routing-07-formal-review-return.png");
        mark = mailMark();
        act("RETURN", null, "已退回");
        MimeMessage officerReturn = awaitMail(mark, leader, "被退回修改", officerComment);
        assertThat(body(officerReturn)).contains("各部分的修改意见", "经费预算", budgetComment);

        // 7. the leader sees the budget comment, revises the budget's note, submits version 3
        signIn(leader);
        inbox().shows("RETURN", TITLE, officerComment).shows("APPROVE", TITLE).shows("RECOMMEND", TITLE)
                .markAllRead();
        open("/applications/" + id);
        comments = waitFor(By.id("return-comments"));
        assertThat(comments.getText()).contains(officerComment, budgetComment, "经费预算");
        assertThat(comments.findElements(By.tagName("li"))).as("only the section commented on").hasSize(1);
        inView(comments);
        chromium.screenshot("routing-08-return-comments-budget.png");
        WebElement note = inView(driver.findElements(By.cssSelector("#section-budget input[data-field='note']")).get(0));
        note.sendKeys("野外监测设备购置（修订）", Keys.TAB);
        waitForSaved("budget");
        mark = mailMark();
        String receipt3 = submitOnThePage();
        assertThat(driver.findElements(By.cssSelector("#routing-versions tr"))).hasSize(3);
        awaitMail(mark, admin, "等待本单位审核");
        awaitMail(mark, leader, receipt3);

        // 8. version 3 goes the way again: the organisation, then the department
        signIn(admin);
        inbox().shows("SUBMITTED", TITLE).shows("RECOMMEND", TITLE).markAllRead();
        open("/queue");
        openFromQueue(id);
        mark = mailMark();
        act("APPROVE", null, "审核通过");
        awaitMail(mark, recommender, "等待您推荐或受理");
        signIn(recommender);
        inbox().shows("APPROVE_QUEUE", TITLE).markAllRead();
        open("/queue");
        openFromQueue(id);
        mark = mailMark();
        act("RECOMMEND", null, "已推荐");
        awaitMail(mark, officer, "已由推荐单位推荐");

        // 9. the office accepts only with every formal review item ticked
        signIn(officer);
        inbox().shows("RECOMMEND", TITLE).markAllRead();
        open("/queue");
        openFromQueue(id);
        for (int i = 1; i <= 5; i++) {
            click(driver.findElement(By.id("review-F" + i)));
        }
        clickAndWaitForReload(driver.findElement(By.id("action-ACCEPT")));
        assertThat(waitVisible(By.id("routing-error")).getText()).as("F6 not ticked").isNotBlank();
        assertThat(text("routing-status")).isEqualTo("已推荐");
        List<WebElement> items = driver.findElements(By.cssSelector("#formal-review input[type='checkbox']"));
        assertThat(items).hasSize(6).noneMatch(WebElement::isSelected);
        for (int i = 1; i <= 6; i++) {
            click(driver.findElement(By.id("review-F" + i)));
        }
        inView(driver.findElement(By.id("formal-review")));
        chromium.screenshot("routing-09-formal-review-ticked.png");
        mark = mailMark();
        act("ACCEPT", null, "已受理");
        assertThat(text("routing-status")).isEqualTo("已受理");
        assertThat(driver.findElements(By.cssSelector("#routing-history > li"))).hasSize(10);
        chromium.screenshot("routing-10-accepted-officer.png");
        awaitMail(mark, leader, "正式受理");
        awaitMail(mark, admin, "正式受理");

        // 10. the leader and the admin read the acceptance
        signIn(leader);
        inbox().shows("ACCEPT", TITLE, "正式受理").shows("APPROVE", TITLE).shows("RECOMMEND", TITLE);
        chromium.screenshot("routing-11-inbox-leader-accepted.png");
        inbox().openNewest("ACCEPT");
        assertThat(text("routing-status")).isEqualTo("已受理");
        assertThat(driver.findElements(By.id("return-comments"))).isEmpty();
        chromium.screenshot("routing-12-accepted-leader.png");
        signIn(admin);
        inbox().shows("ACCEPT", TITLE, "正式受理").markAllRead();
    }

    // ---- the application through the API ----

    /** A complete G3 application of the enterprise's leader (2:1 matching funds, department 650100); its id. */
    private long completeApplicationOf(String leader) throws Exception {
        long id = api(post("/api/v1/applications").with(httpBasic(leader, PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"callCode\":\"2023-SCO\",\"title\":\"" + TITLE + "\"}"), 201).get("id").asLong();
        Map<String, String> sections = new LinkedHashMap<>();
        sections.put("basics", "{\"title\":\"" + TITLE + "\",\"category\":\"GENERAL\",\"scope\":\"G3\","
                + "\"startDate\":\"2024-01-01\",\"endDate\":\"2026-06-30\",\"keywords\":[\"生态\"],\"summary\":\"摘要\","
                + "\"recommendingDepartment\":\"650100\"}");
        sections.put("narrative", "{\"objectives\":\"目标\",\"rationale\":\"理由\",\"content\":\"内容\",\"channels\":\"渠道\","
                + "\"responsibilities\":\"责任\",\"plan\":\"方案\",\"expectedResults\":\"成效\"}");
        // The demo enterprise's leader is 张三 (LEADER_IS_APPLICANT: the team's leader is the account holder).
        sections.put("team", "{\"members\":[{\"fullName\":\"张三\",\"role\":\"LEADER\",\"title\":\"高级工程师\"},"
                + "{\"fullName\":\"李四\",\"role\":\"RESEARCH_ASSISTANT\",\"title\":\"科研助理\"}]}");
        sections.put("partners", "{\"partners\":[{\"country\":\"RU\",\"regionCode\":\"RU-ALT\",\"name\":\"Altai State University\","
                + "\"address\":\"Barnaul\",\"people\":[{\"fullName\":\"Ivan Petrov\",\"position\":\"Professor\",\"role\":\"PI\"}]}]}");
        sections.put("budget", "{\"fiscal\":\"50\",\"selfRaised\":\"100\",\"lines\":["
                + "{\"category\":\"EQUIPMENT\",\"source\":\"FISCAL\",\"amount\":\"50\"},"
                + "{\"category\":\"EQUIPMENT\",\"source\":\"SELF_RAISED\",\"amount\":\"100\"}]}");
        sections.put("indicators", "{\"indicators\":[{\"kind\":\"PATENT_APPLICATION\",\"description\":\"发明专利申请\","
                + "\"quantity\":2,\"unit\":\"件\"}]}");
        sections.put("ethics", "{\"humanSubjects\":false,\"humanGeneticResources\":false,\"laboratoryAnimals\":false}");
        sections.put("agreement", "{\"scienceInput\":\"第3条\",\"divisionOfWork\":\"第4条\",\"ipOwnership\":\"第6条\","
                + "\"resultsOwnership\":\"第7条\"}");
        for (var section : sections.entrySet()) {
            long version = api(get("/api/v1/applications/{id}", id).with(httpBasic(leader, PASSWORD)), 200)
                    .get("version").asLong();
            api(put("/api/v1/applications/{id}/sections/{name}", id, section.getKey()).with(httpBasic(leader, PASSWORD))
                    .header("If-Match", String.valueOf(version)).contentType(MediaType.APPLICATION_JSON)
                    .content(section.getValue()), 200);
        }
        api(multipart("/api/v1/applications/{id}/attachments", id)
                .file(new MockMultipartFile("file", "agreement.pdf", "application/pdf", AttachmentApiTests.pdf()))
                .param("kind", "COOPERATION_AGREEMENT").with(httpBasic(leader, PASSWORD)), 201);
        return id;
    }

    private JsonNode api(RequestBuilder request, int status) throws Exception {
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        String text = response.getContentAsString(StandardCharsets.UTF_8);
        assertThat(response.getStatus()).as(text).isEqualTo(status);
        return json.readTree(text);
    }

    // ---- the pages ----

    /**
     * Submits on the editor page, through the confirmation with the pledge ticked, and returns the receipt number the
     * editor comes back with.
     */
    private String submitOnThePage() {
        // The checklist loads after the page and brings the submit controls again: take the button after that.
        wait(PATIENCE).until(d -> !d.findElements(By.cssSelector("#checklist [data-rule]")).isEmpty());
        clickAndWaitForReload(driver.findElement(By.id("submit-button")));
        assertThat(driver.getCurrentUrl()).endsWith("/submit");
        inView(driver.findElement(By.cssSelector("label[for='pledge']"))).click();
        clickAndWaitForReload(driver.findElement(By.id("confirm-submit")));
        WebElement receipt = wait(PATIENCE)
                .withMessage(() -> "no receipt: " + driver.findElement(By.id("section-submission")).getText())
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("receipt")));
        assertThat(driver.findElements(By.cssSelector("#section-submission .alert-danger"))).isEmpty();
        assertThat(text("routing-status")).isEqualTo("已提交");
        String number = receipt.findElement(By.cssSelector("dd.font-monospace")).getText();
        assertThat(number).matches("2023-SCO-\\d{6}");
        return number;
    }

    /** Writes the comment (when given), takes the step and checks the page's notice. */
    private void act(String action, String comment, String noticeContains) {
        if (comment != null) {
            inView(driver.findElement(By.id("routing-comment"))).sendKeys(comment);
        }
        clickAndWaitForReload(driver.findElement(By.id("action-" + action)));
        assertThat(driver.findElements(By.id("routing-error")))
                .as(() -> action + ": " + driver.findElement(By.id("routing")).getText()).isEmpty();
        assertThat(waitVisible(By.cssSelector("#routing .alert-success")).getText()).contains(noticeContains);
    }

    private WebElement queueRowOf(long id) {
        WebElement table = waitFor(By.id("queue-table"));
        List<WebElement> rows = table.findElements(By.xpath(
                ".//tbody/tr[.//a[contains(@href, '/applications/" + id + "')]]"));
        assertThat(rows).as("the application in the queue: " + table.getText()).hasSize(1);
        assertThat(rows.get(0).getText()).contains(TITLE);
        return rows.get(0);
    }

    private void openFromQueue(long id) {
        clickAndWaitForReload(queueRowOf(id).findElement(By.cssSelector("a[href$='/applications/" + id + "']")));
        waitFor(By.id("routing"));
        assertThat(driver.getCurrentUrl()).contains("/applications/" + id);
    }

    /** The person's inbox: the badge counts exactly the unread messages listed. */
    private Inbox inbox() {
        open("/inbox");
        List<WebElement> unread = driver.findElements(By.cssSelector("#inbox a[data-read='false']"));
        assertThat(unread).as("unread messages").isNotEmpty();
        assertThat(badge()).as("the navigation bar's badge").isEqualTo(unread.size());
        return new Inbox();
    }

    private final class Inbox {

        /** An unread message of that kind containing every text. */
        Inbox shows(String kind, String... texts) {
            List<WebElement> found = driver.findElements(By.cssSelector("#inbox a[data-read='false'][data-kind='" + kind + "']"));
            assertThat(found).as("unread %s in %s", kind, driver.findElement(By.id("inbox")).getText())
                    .anySatisfy(n -> assertThat(n.getText()).contains(texts));
            return this;
        }

        void openNewest(String kind) {
            clickAndWaitForReload(driver.findElement(By.cssSelector("#inbox a[data-kind='" + kind + "']")));
            waitFor(By.id("routing"));
        }

        void markAllRead() {
            clickAndWaitForReload(driver.findElement(By.id("mark-all-read")));
            assertThat(driver.findElements(By.cssSelector("#inbox a[data-read='false']"))).isEmpty();
            assertThat(driver.findElements(By.id("inbox-badge"))).isEmpty();
        }
    }

    /** The unread count in the navigation bar, 0 without a badge. */
    private int badge() {
        List<WebElement> badge = driver.findElements(By.id("inbox-badge"));
        return badge.isEmpty() ? 0 : Integer.parseInt(badge.get(0).getText().strip());
    }

    /**
     * Waits until the section's status says "已保存" and stays so, with no save on its way, for a little longer than
     * the autosave's typing delay (1.5 s): a save still waiting for that delay would otherwise come after this.
     */
    private void waitForSaved(String section) {
        By status = By.id("status-" + section);
        String[] last = {null};
        long[] since = {System.nanoTime()};
        wait(PATIENCE).withMessage(() -> "status of " + section + ": " + driver.findElement(status).getText())
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

    /** Signs out whoever is signed in (the form in the navigation bar, then a clean cookie jar) and signs in. */
    private void signIn(String username) {
        List<WebElement> logout = driver.findElements(By.cssSelector("nav form[action$='/logout'] button"));
        if (!logout.isEmpty()) {
            clickAndWaitForReload(logout.get(0));
        }
        driver.manage().deleteAllCookies();
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

    /** Clicks something that loads a new page and waits until that page is there. */
    private void clickAndWaitForReload(WebElement element) {
        // A mark on the old page's window: Chromium sometimes answers a question about an element of a page that has
        // gone with an "unhandled inspector error" rather than a stale element, so staleness is not asked.
        driver.executeScript("window.routingFlowOldPage = true;");
        click(element);
        wait(PATIENCE).ignoring(WebDriverException.class).withMessage("no new page after the click")
                .until(d -> Boolean.TRUE.equals(driver.executeScript(
                        "return window.routingFlowOldPage !== true && document.readyState === 'complete';")));
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

    // ---- the mail ----

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

    /**
     * The Message-IDs of the mails that have arrived so far; the ones a step sends are the others (GreenMail lists
     * the messages mailbox by mailbox, not in the order they came, so a count would not do).
     */
    private static Set<String> mailMark() {
        return Arrays.stream(SMTP.getReceivedMessages()).map(RoutingFlowBrowserTests::messageId)
                .collect(Collectors.toSet());
    }

    /**
     * Waits for the one mail since the mark to the person whose subject names the application (in Chinese, their
     * mail language) and whose subject or body contains every text.
     */
    private MimeMessage awaitMail(Set<String> mark, String username, String... texts) {
        String address = accounts.findByUsername(username).orElseThrow().email();
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200))
                .alias("mail to " + username + " containing " + Arrays.toString(texts))
                .until(() -> !mailsSince(mark, address, texts).isEmpty());
        List<MimeMessage> mails = mailsSince(mark, address, texts);
        assertThat(mails).as("mail to %s", username).hasSize(1);
        assertThat(subject(mails.get(0))).contains("申报书“" + TITLE + "”");
        return mails.get(0);
    }

    private static List<MimeMessage> mailsSince(Set<String> mark, String address, String... texts) {
        return Arrays.stream(SMTP.getReceivedMessages())
                .filter(m -> !mark.contains(messageId(m)))
                .filter(m -> recipients(m).contains(address))
                .filter(m -> Arrays.stream(texts).allMatch(t -> subject(m).contains(t) || body(m).contains(t)))
                .toList();
    }

    private static String messageId(MimeMessage message) {
        try {
            return message.getMessageID();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String body(MimeMessage message) {
        try {
            return String.valueOf(message.getContent());
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> recipients(MimeMessage message) {
        try {
            return Arrays.stream(message.getRecipients(Message.RecipientType.TO)).map(Object::toString).toList();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
