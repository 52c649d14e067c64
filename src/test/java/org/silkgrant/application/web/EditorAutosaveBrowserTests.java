package org.silkgrant.application.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.silkgrant.HeadlessChromium;
import org.silkgrant.SilkGrantTest;
import org.silkgrant.account.SilkGrantUser;
import org.silkgrant.application.ApplicationManagement;
import org.silkgrant.application.ApplicationView;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;

import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The editor's autosave when things go wrong, in a real headless Chromium: fields of three sections left one after
 * the other as fast as a person clicks (their saves overlap) are all saved; the network cut while typing (Chromium's
 * offline emulation) — the state line says the change is not saved and why, the text waits in this browser, and is
 * saved when the network is back; the session expired while typing — the state line offers signing in again in a
 * new tab, and after that sign-in the waiting text is saved without leaving the page; the tab closed while offline
 * with a new team row typed — the next opening of the editor restores the row and saves it; and another window's
 * save of a section still meets this page as a conflict after this page saved other sections. Screenshots of each
 * state go to {@code target/screenshots/} (and the ones shown in docs/applications.md to docs/applications/).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class EditorAutosaveBrowserTests {

    private static final Path DOCS = Path.of("docs", "applications");

    private static HeadlessChromium chromium;

    @LocalServerPort
    private int port;

    @Autowired
    ApplicationManagement applications;

    @Autowired
    UserDetailsService users;

    private ChromeDriver driver;

    @BeforeAll
    static void startBrowser() throws IOException {
        chromium = HeadlessChromium.start("EditorAutosaveBrowserTests");
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
    void noWordIsLostWhenSavesOverlapTheNetworkDropsOrTheSessionExpires() throws IOException {
        SilkGrantUser leader = user();
        long id = applications.create(leader, "2023-SCO", "自动保存测试").id();
        signIn();
        open("/applications/" + id);

        // 1. Three sections left one after the other at once: their saves overlap, every one is saved.
        type("narrative-objectives", "建立中俄阿尔泰联合实验室");
        type("basics-summary", "面向阿尔泰山区的生态监测合作");
        type("agreement-scienceInput", "协议第3条");
        click(driver.findElement(By.id("narrative-rationale")));
        waitForSaved("narrative");
        waitForSaved("basics");
        waitForSaved("agreement");
        ApplicationView saved = applications.get(leader, id);
        assertThat(saved.sections().get("narrative").get("objectives").asString()).isEqualTo("建立中俄阿尔泰联合实验室");
        assertThat(saved.sections().get("basics").get("summary").asString()).isEqualTo("面向阿尔泰山区的生态监测合作");
        assertThat(saved.sections().get("agreement").get("scienceInput").asString()).isEqualTo("协议第3条");

        // 2. The network drops while typing: not saved, and the state line says why; back online, it is saved.
        offline(true);
        type("narrative-rationale", "双方优势互补");
        click(driver.findElement(By.id("narrative-content")));
        WebElement offlineState = chromium.waiting().until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#status-narrative [data-outcome='offline']")));
        assertThat(offlineState.getText()).contains("尚未保存", "无法连接服务器", "暂存在本浏览器");
        WebElement summary = driver.findElement(By.id("save-summary"));
        assertThat(summary.isDisplayed()).as("the note of what is not saved, in view wherever the person is").isTrue();
        assertThat(summary.getText()).contains("1 个部分尚未保存", "无法连接服务器");
        assertThat(kept("narrative")).as("the change kept in this browser").contains("双方优势互补");
        assertThat(applications.get(leader, id).sections().get("narrative").get("rationale").isNull()).isTrue();
        screenshot("autosave-offline-zh.png", "narrative");
        offline(false);
        waitForSaved("narrative", Duration.ofSeconds(40));
        assertThat(applications.get(leader, id).sections().get("narrative").get("rationale").asString())
                .isEqualTo("双方优势互补");
        assertThat(kept("narrative")).as("nothing kept once the server has it").isNull();
        chromium.waiting().until(d -> !d.findElement(By.id("save-summary")).isDisplayed());

        // 3. The session expires while typing: signing in again in another tab saves what waited.
        for (Cookie cookie : driver.manage().getCookies()) {
            if (!cookie.getName().startsWith("silkgrant-lang")) {
                driver.manage().deleteCookie(cookie);
            }
        }
        type("narrative-content", "联合开展野外观测");
        click(driver.findElement(By.id("narrative-channels")));
        WebElement sessionState = chromium.waiting().until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#status-narrative [data-outcome='session']")));
        assertThat(sessionState.getText()).contains("登录已过期", "在新标签页中重新登录");
        type("narrative-channels", "双方研究所互访");
        screenshot("autosave-session-zh.png", "narrative");
        assertThat(applications.get(leader, id).sections().get("narrative").get("content").isNull()).isTrue();
        String editorTab = driver.getWindowHandle();
        driver.switchTo().newWindow(WindowType.TAB);
        signIn();
        driver.close();
        driver.switchTo().window(editorTab);
        waitForSaved("narrative", Duration.ofSeconds(40));
        ApplicationView afterSignIn = applications.get(leader, id);
        assertThat(afterSignIn.sections().get("narrative").get("content").asString()).isEqualTo("联合开展野外观测");
        assertThat(afterSignIn.sections().get("narrative").get("channels").asString()).isEqualTo("双方研究所互访");

        // 4. Offline again, two team rows added and typed below the leader the application starts with, the browser
        //    closed: the next opening restores and saves them.
        offline(true);
        WebElement team = driver.findElement(By.id("section-team"));
        click(team.findElement(By.cssSelector("[data-add-row]")));
        click(team.findElement(By.cssSelector("[data-add-row]")));
        var names = team.findElements(By.cssSelector("input[data-field='fullName']"));
        assertThat(names).hasSize(3);
        names.get(1).sendKeys("王芳");
        names.get(names.size() - 1).sendKeys("赵磊");
        click(driver.findElement(By.id("narrative-plan")));
        chromium.waiting().until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#status-team [data-outcome='offline']")));
        assertThat(kept("team")).contains("王芳", "赵磊");
        // The browser is closed before anything reached the server, and opened again: the person signs in, and the
        // editor restores the row and saves it.
        // As when the computer is switched off, the page sends nothing more: a save still waiting in htmx's typing
        // delay must not slip out while the browser shuts down (which ends the offline emulation first).
        driver.executeScript("XMLHttpRequest.prototype.send = function () {};");
        chromium.restart();
        driver = chromium.driver();
        assertThat(applications.get(leader, id).sections().get("team").get("members")).as("nothing of the rows saved yet")
                .hasSize(1);
        signIn();
        open("/applications/" + id);
        waitForSaved("team", Duration.ofSeconds(40));
        assertThat(driver.findElements(By.cssSelector("#section-team input[data-field='fullName']"))).hasSize(names.size());
        var members = applications.get(leader, id).sections().get("team").get("members");
        assertThat(members.size()).isEqualTo(3);
        assertThat(members.get(0).get("fullName").asString()).isEqualTo(leader.fullName());
        assertThat(members.get(1).get("fullName").asString()).isEqualTo("王芳");
        assertThat(members.get(2).get("fullName").asString()).isEqualTo("赵磊");

        // 5. Another window saves the narrative; this page saves the basics meanwhile, then its narrative save is
        //    still a conflict (each section keeps the version its text started from), nothing is overwritten.
        applications.saveSection(leader, id, "narrative", JsonNodeFactory.instance.objectNode()
                .put("objectives", "另一个窗口保存的目标"), applications.get(leader, id).version());
        type("basics-summary", "，并共享数据");
        click(driver.findElement(By.id("narrative-expectedResults")));
        waitForSaved("basics");
        type("narrative-expectedResults", "发表论文三篇");
        click(driver.findElement(By.id("agreement-divisionOfWork")));
        WebElement conflict = chromium.waiting().until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#status-narrative [data-outcome='conflict']")));
        assertThat(conflict.getText()).contains("另一个窗口保存的目标");
        assertThat(applications.get(leader, id).sections().get("narrative").get("objectives").asString())
                .isEqualTo("另一个窗口保存的目标");

        screenshot("autosave-conflict-zh.png", null);
        click(conflict.findElement(By.cssSelector("[data-take-theirs]")));
        chromium.waitForPage();
        assertThat(kept("narrative")).as("taking the other save drops what waited here").isNull();
        assertThat(driver.findElement(By.id("narrative-objectives")).getDomProperty("value")).isEqualTo("另一个窗口保存的目标");

        // 6. The not-saved state in English and Russian, and at phone width.
        String[][] languages = {{"en", "Not saved yet"}, {"ru", "Ещё не сохранено"}, {"zh-CN", "尚未保存"}};
        for (String[] language : languages) {
            open("/applications/" + id + "?lang=" + language[0]);
            if ("zh-CN".equals(language[0])) {
                driver.manage().window().setSize(new Dimension(390, 844));
            }
            offline(true);
            type("narrative-plan", "—" + language[0]);
            click(driver.findElement(By.id("narrative-expectedResults")));
            WebElement state = chromium.waiting().until(ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector("#status-narrative [data-outcome='offline']")));
            assertThat(state.getText()).contains(language[1]);
            inView(state);
            screenshot("zh-CN".equals(language[0]) ? "autosave-offline-phone-zh.png"
                    : "autosave-offline-" + language[0] + ".png", "narrative");
            offline(false);
            waitForSaved("narrative", Duration.ofSeconds(40));
        }
        driver.manage().window().setSize(new Dimension(1280, 1600));
        assertThat(applications.get(leader, id).sections().get("narrative").get("plan").asString())
                .isEqualTo("—en—ru—zh-CN");
    }

    // ------------------------------------------------------------------ helpers

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void offline(boolean offline) {
        driver.executeCdpCommand("Network.enable", Map.of());
        driver.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", offline, "latency", 0,
                "downloadThroughput", -1, "uploadThroughput", -1));
    }

    private String kept(String section) {
        Object value = driver.executeScript("var editor = document.getElementById('application-editor');"
                + "return localStorage.getItem('silkgrant.pending.' + editor.getAttribute('data-user') + '.'"
                + " + editor.getAttribute('data-application') + '.' + arguments[0]);", section);
        return value == null ? null : value.toString();
    }

    private void type(String fieldId, String text) {
        WebElement field = driver.findElement(By.id(fieldId));
        inView(field).click();
        field.sendKeys(text);
    }

    private WebElement inView(WebElement element) {
        driver.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", element);
        return element;
    }

    private void click(WebElement element) {
        inView(element).click();
    }

    private void waitForSaved(String section) {
        waitForSaved(section, HeadlessChromium.WAIT);
    }

    private void waitForSaved(String section, Duration within) {
        WebDriverWait wait = new WebDriverWait(driver, within);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#status-" + section
                + " [data-outcome='saved']")));
        wait.until(d -> Boolean.TRUE.equals(driver.executeScript("return !document.querySelector('.htmx-request');")));
    }

    /**
     * The whole page to target/screenshots/; for the docs the window with the section that shows the state at its top
     * (and the note of what is not saved, which stays in view).
     */
    private void screenshot(String name, String docsSection) throws IOException {
        chromium.screenshot(name);
        if (docsSection != null) {
            driver.executeScript("arguments[0].scrollIntoView({block: 'start', behavior: 'instant'});",
                    driver.findElement(By.id("section-" + docsSection)));
            Files.createDirectories(DOCS);
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), DOCS.resolve(name),
                    StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private SilkGrantUser user() {
        return (SilkGrantUser) users.loadUserByUsername("uni-leader");
    }

    private void signIn() {
        open("/login");
        driver.findElement(By.id("username")).sendKeys("uni-leader");
        driver.findElement(By.id("password")).sendKeys(SilkGrantTest.DEMO_PASSWORD);
        driver.findElement(By.cssSelector("main form button[type='submit']")).click();
        chromium.waiting().until(ExpectedConditions.urlContains("/dashboard"));
        chromium.waitForPage();
    }

    private void open(String path) {
        chromium.open("http://localhost:" + port + path);
    }
}
