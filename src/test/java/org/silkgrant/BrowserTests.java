package org.silkgrant;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * End to end in a real headless Chromium: the public pages of the demo call in Chinese (the default), then English
 * and Russian chosen through the language menu the way a person does, the choice kept by a cookie, and the 404 page.
 * Screenshots go to {@code target/screenshots/}. Needs {@code /usr/bin/chromium} and {@code /usr/bin/chromedriver};
 * skipped without them, except on CI ({@code CI=true}) where their absence fails the test.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class BrowserTests {

    private static final File CHROMIUM = new File("/usr/bin/chromium");
    private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");
    private static final String SKIP_REASON =
            "Chromium not installed (apt-get install chromium chromium-driver): browser tests skipped";
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private static final String CALL_TITLE_ZH = "2023年自治区上海合作组织科技伙伴计划及国际科技合作计划";
    private static final String CALL_PATH = "/calls/2023-SCO";

    private static ChromeDriver driver;
    private static ChromeDriverService service;
    private static Path userDataDir;

    @LocalServerPort
    private int port;

    /** What is missing of Chromium and its driver, or null when both are there. */
    private static String missingBrowser;

    @BeforeAll
    static void startBrowser() throws IOException {
        if (!CHROMIUM.canExecute() || !CHROMEDRIVER.canExecute()) {
            missingBrowser = ((CHROMIUM.canExecute() ? "" : CHROMIUM + " ") + (CHROMEDRIVER.canExecute() ? "" : CHROMEDRIVER)).strip();
            if ("true".equals(System.getenv("CI"))) {
                Assertions.fail("CI=true but the browser tests cannot run, missing: " + missingBrowser
                        + ". Install them on the CI image: apt-get install chromium chromium-driver");
            }
            // skipped per test in requireBrowser(): an abort here would hide the skip from the test counts
            return;
        }
        userDataDir = Files.createTempDirectory("silkgrant-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.getPath());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1280,1600", "--user-data-dir=" + userDataDir.toAbsolutePath());
        service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER).usingAnyFreePort().build();
        try {
            driver = new ChromeDriver(service, options);
        } catch (RuntimeException e) {
            service.stop();
            deleteUserDataDir();
            throw e;
        }
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    @BeforeEach
    void requireBrowser() {
        if (missingBrowser != null) {
            System.out.println("[BrowserTests] " + SKIP_REASON + " (missing: " + missingBrowser + ")");
            Assumptions.abort(SKIP_REASON);
        }
    }

    @AfterAll
    static void stopBrowser() {
        try {
            if (driver != null) {
                driver.quit();
            }
        } catch (RuntimeException e) {
            System.out.println("[BrowserTests] quitting the browser failed: " + e);
        } finally {
            driver = null;
            if (service != null) {
                service.stop();
                service = null;
            }
            deleteUserDataDir();
        }
    }

    @Test
    void callPagesInChineseEnglishAndRussian() throws IOException {
        // Chinese by default
        open("/");
        assertThat(driver.findElement(By.tagName("html")).getDomAttribute("lang"))
                .as("language of the home page without a cookie").isEqualTo("zh-CN");
        WebElement card = driver.findElement(By.cssSelector("article.call-card"));
        assertThat(card.getText()).as("call card on the home page").contains(CALL_TITLE_ZH);
        WebElement countdown = card.findElement(By.cssSelector(".countdown"));
        assertThat(countdown.isDisplayed()).as("countdown of the demo call is visible").isTrue();
        assertThat(countdown.getText()).as("countdown text in Chinese").contains("天");

        WebElement link = card.findElement(By.cssSelector("a[href='" + CALL_PATH + "']"));
        link.click();
        new WebDriverWait(driver, WAIT).until(ExpectedConditions.urlContains(CALL_PATH));
        waitForPage();
        String zh = bodyText();
        assertThat(zh).as("call page in Chinese")
                .contains(CALL_TITLE_ZH, "科研助理岗位", "0991-3680709", "K5", "G9", "阿尔泰边疆区");
        assertThat(driver.findElements(By.id("demo-notice"))).as("demo notice on the demo call's page").hasSize(1);
        screenshot("call-zh.png");

        // English through the language menu
        chooseLanguage("en");
        String en = bodyText();
        assertThat(en.toLowerCase()).as("call page in English").contains("research assistant");
        assertThat(en).as("call page in English").contains("International Cooperation Division");
        screenshot("call-en.png");

        // the cookie keeps English
        open("/");
        assertThat(driver.findElement(By.tagName("html")).getDomAttribute("lang"))
                .as("language of the home page after choosing English").isEqualTo("en");
        assertThat(driver.findElement(By.tagName("h1")).getText()).as("home page heading in English")
                .contains("Apply for international S&T cooperation projects");
        screenshot("home-en.png");

        // Russian
        chooseLanguage("ru");
        open(CALL_PATH);
        assertThat(driver.findElement(By.tagName("html")).getDomAttribute("lang"))
                .as("language of the call page after choosing Russian").isEqualTo("ru");
        assertThat(bodyText()).as("call page in Russian").contains("научного ассистента");
        screenshot("call-ru.png");

        // unknown call: the 404 page in the chosen language
        open("/calls/NO-SUCH");
        assertThat(bodyText()).as("404 page in Russian").contains("Страница не найдена");
        screenshot("not-found-ru.png");
    }

    private void open(String path) {
        driver.get("http://localhost:" + port + path);
        waitForPage();
    }

    private static void waitForPage() {
        new WebDriverWait(driver, WAIT).until(d -> "complete".equals(((JavascriptExecutor) d)
                .executeScript("return document.readyState")));
    }

    /** Opens the language menu in the navigation bar and picks a language, then waits for the page in it. */
    private static void chooseLanguage(String tag) {
        WebDriverWait wait = new WebDriverWait(driver, WAIT);
        By item = By.cssSelector("#language-switch a[data-lang='" + tag + "']");
        driver.findElement(By.cssSelector("#language-switch .dropdown-toggle")).click();
        wait.until(ExpectedConditions.elementToBeClickable(item)).click();
        wait.ignoring(StaleElementReferenceException.class)
                .withMessage(() -> "<html lang> did not become '" + tag + "' after choosing it in the language menu")
                .until(d -> tag.equals(d.findElement(By.tagName("html")).getDomAttribute("lang")));
        waitForPage();
    }

    private static String bodyText() {
        return driver.findElement(By.tagName("body")).getText();
    }

    /** The whole page (beyond the 1280×1600 window when it is longer), or the window when that is not possible. */
    private static void screenshot(String name) throws IOException {
        reportHorizontalOverflow(name);
        Files.createDirectories(SCREENSHOTS);
        Path target = SCREENSHOTS.resolve(name);
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> size = (Map<String, Object>) driver.executeScript(
                    "return {w: document.documentElement.scrollWidth, h: document.documentElement.scrollHeight};");
            long width = ((Number) size.get("w")).longValue();
            long height = Math.min(((Number) size.get("h")).longValue(), 16000);
            Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of(
                    "format", "png", "captureBeyondViewport", true,
                    "clip", Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
            Files.write(target, Base64.getDecoder().decode((String) shot.get("data")));
        } catch (WebDriverException | ClassCastException | NullPointerException e) {
            File file = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            Files.copy(file.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /**
     * Prints (does not fail on) the elements that stick out of the window on the right, so a layout that overflows
     * in one language is visible in the console next to its screenshot.
     */
    private static void reportHorizontalOverflow(String name) {
        Object found = driver.executeScript("""
                const limit = document.documentElement.clientWidth;
                const out = [];
                document.querySelectorAll('body *').forEach(el => {
                  const r = el.getBoundingClientRect();
                  if (r.width > 0 && r.right > limit + 1 && !(el.parentElement && el.parentElement.getBoundingClientRect().right > limit + 1)) {
                    const id = el.id ? '#' + el.id : '';
                    const cls = el.classList.length ? '.' + [...el.classList].join('.') : '';
                    out.push(el.tagName.toLowerCase() + id + cls + ' right=' + Math.round(r.right) + ' "' + (el.innerText || '').replace(/\\s+/g, ' ').trim().slice(0, 40) + '"');
                  }
                });
                return 'page ' + document.documentElement.scrollWidth + 'px wide, window ' + limit + 'px'
                    + (out.length ? '; sticking out: ' + out.join('; ') : '');
                """);
        String report = String.valueOf(found);
        if (report.contains("sticking out")) {
            System.out.println("[BrowserTests] " + name + ": horizontal overflow, " + report);
        }
    }

    private static void deleteUserDataDir() {
        if (userDataDir == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(userDataDir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.out.println("[BrowserTests] could not delete " + userDataDir + ": " + e);
        }
        userDataDir = null;
    }
}
