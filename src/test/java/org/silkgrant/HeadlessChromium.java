package org.silkgrant;

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

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Debian Chromium for the browser tests: {@code /usr/bin/chromium} driven by {@code /usr/bin/chromedriver}
 * with a fresh profile, full-page screenshots to {@code target/screenshots/}. Without them the tests are skipped
 * ({@link #requireBrowser()}), except on CI ({@code CI=true}) where {@link #start} fails.
 *
 * <pre>
 * static HeadlessChromium chromium;
 * &#64;BeforeAll static void startBrowser() throws IOException { chromium = HeadlessChromium.start("MyTests"); }
 * &#64;BeforeEach void requireBrowser() { chromium.requireBrowser(); }
 * &#64;AfterAll static void stopBrowser() { chromium.quit(); }
 * </pre>
 */
public final class HeadlessChromium {

    public static final File CHROMIUM = new File("/usr/bin/chromium");
    public static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");
    public static final Duration WAIT = Duration.ofSeconds(10);
    public static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private static final String SKIP_REASON =
            "Chromium not installed (apt-get install chromium chromium-driver): browser tests skipped";

    private final String label;
    /** What is missing of Chromium and its driver, or null when both are there. */
    private final String missingBrowser;
    private ChromeDriver driver;
    private ChromeDriverService service;
    private Path userDataDir;

    private HeadlessChromium(String label, String missingBrowser) {
        this.label = label;
        this.missingBrowser = missingBrowser;
    }

    /**
     * Starts the browser; when Chromium or its driver is missing, fails on CI and otherwise returns an instance whose
     * {@link #requireBrowser()} skips (an abort in {@code @BeforeAll} would hide the skip from the test counts).
     *
     * @param label the test class's name, the prefix of what this prints to the console
     */
    public static HeadlessChromium start(String label) throws IOException {
        if (!CHROMIUM.canExecute() || !CHROMEDRIVER.canExecute()) {
            String missing = ((CHROMIUM.canExecute() ? "" : CHROMIUM + " ")
                    + (CHROMEDRIVER.canExecute() ? "" : CHROMEDRIVER)).strip();
            if ("true".equals(System.getenv("CI"))) {
                Assertions.fail("CI=true but the browser tests cannot run, missing: " + missing
                        + ". Install them on the CI image: apt-get install chromium chromium-driver");
            }
            return new HeadlessChromium(label, missing);
        }
        HeadlessChromium chromium = new HeadlessChromium(label, null);
        chromium.userDataDir = Files.createTempDirectory("silkgrant-chromium-");
        chromium.launch();
        return chromium;
    }

    /**
     * Quits the browser and starts it again on the same profile, as a person who closed it and came back: what the
     * pages kept (localStorage) is there, the session cookie is not.
     */
    public void restart() {
        driver.quit();
        service.stop();
        launch();
    }

    private void launch() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.getPath());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1280,1600", "--user-data-dir=" + userDataDir.toAbsolutePath());
        service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER).usingAnyFreePort()
                .build();
        try {
            driver = new ChromeDriver(service, options);
        } catch (RuntimeException e) {
            service.stop();
            deleteUserDataDir();
            throw e;
        }
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    /** Skips the test (JUnit abort) when the browser is missing; call it in {@code @BeforeEach}. */
    public void requireBrowser() {
        if (missingBrowser != null) {
            System.out.println("[" + label + "] " + SKIP_REASON + " (missing: " + missingBrowser + ")");
            Assumptions.abort(SKIP_REASON);
        }
    }

    public ChromeDriver driver() {
        return driver;
    }

    /** A wait of {@link #WAIT}. */
    public WebDriverWait waiting() {
        return new WebDriverWait(driver, WAIT);
    }

    /** Opens a full address and waits until the page is loaded. */
    public void open(String url) {
        driver.get(url);
        waitForPage();
    }

    public void waitForPage() {
        waiting().until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
    }

    public String bodyText() {
        return driver.findElement(By.tagName("body")).getText();
    }

    /** Opens the language menu in the navigation bar and picks a language, then waits for the page in it. */
    public void chooseLanguage(String tag) {
        WebDriverWait wait = waiting();
        By item = By.cssSelector("#language-switch a[data-lang='" + tag + "']");
        driver.findElement(By.cssSelector("#language-switch .dropdown-toggle")).click();
        wait.until(ExpectedConditions.elementToBeClickable(item)).click();
        wait.ignoring(StaleElementReferenceException.class)
                .withMessage(() -> "<html lang> did not become '" + tag + "' after choosing it in the language menu")
                .until(d -> tag.equals(d.findElement(By.tagName("html")).getDomAttribute("lang")));
        waitForPage();
    }

    /** The whole page (beyond the 1280×1600 window when it is longer), or the window when that is not possible. */
    public void screenshot(String name) throws IOException {
        reportHorizontalOverflow(name);
        Files.createDirectories(SCREENSHOTS);
        Path target = SCREENSHOTS.resolve(name);
        try {
            // Captured beyond the window, a long page loses its scroll bar and is laid out as wide as the window:
            // the clip takes that width, not the narrower one measured beside the scroll bar.
            @SuppressWarnings("unchecked")
            Map<String, Object> size = (Map<String, Object>) driver.executeScript(
                    "return {w: Math.max(document.documentElement.scrollWidth, window.innerWidth),"
                    + " h: document.documentElement.scrollHeight};");
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
    private void reportHorizontalOverflow(String name) {
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
            System.out.println("[" + label + "] " + name + ": horizontal overflow, " + report);
        }
    }

    /** Quits the browser and its driver and deletes the profile; safe to call when nothing was started. */
    public void quit() {
        try {
            if (driver != null) {
                driver.quit();
            }
        } catch (RuntimeException e) {
            System.out.println("[" + label + "] quitting the browser failed: " + e);
        } finally {
            driver = null;
            if (service != null) {
                service.stop();
                service = null;
            }
            deleteUserDataDir();
        }
    }

    private void deleteUserDataDir() {
        if (userDataDir == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(userDataDir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.out.println("[" + label + "] could not delete " + userDataDir + ": " + e);
        }
        userDataDir = null;
    }
}
