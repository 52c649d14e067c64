package org.silkgrant.application.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.silkgrant.HeadlessChromium;
import org.silkgrant.SilkGrantTest;
import org.silkgrant.document.SampleFiles;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The editor's attachment form in a real browser: a PDF that runs JavaScript and a zip bomb named .docx are refused
 * with the reason in words, in Chinese and English and at phone width, and a clean agreement is listed under the name
 * it was uploaded with. Screenshots of the attachments card go to {@code target/screenshots/}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class UploadRefusalBrowserTests {

    private static HeadlessChromium chromium;

    @LocalServerPort
    int port;

    @BeforeAll
    static void startBrowser() throws IOException {
        chromium = HeadlessChromium.start("UploadRefusalBrowserTests");
    }

    @AfterAll
    static void stopBrowser() {
        if (chromium != null) {
            chromium.quit();
        }
    }

    @BeforeEach
    void browserPresent() {
        chromium.requireBrowser();
    }

    @Test
    void refusalsAreShownWithTheirReasonBesideTheUploadForm() throws Exception {
        long id = new RawUploads(port, SilkGrantTest.DEMO_PASSWORD).newApplication("uni-leader");
        chromium.driver().manage().window().setSize(new Dimension(1280, 1600));
        chromium.driver().manage().deleteAllCookies();
        chromium.open("http://localhost:" + port + "/login");
        chromium.driver().findElement(By.id("username")).sendKeys("uni-leader");
        chromium.driver().findElement(By.id("password")).sendKeys(SilkGrantTest.DEMO_PASSWORD);
        chromium.driver().findElement(By.cssSelector("main form button[type='submit']")).click();
        chromium.waiting().until(ExpectedConditions.urlContains("/dashboard"));
        chromium.open("http://localhost:" + port + "/applications/" + id);

        upload("COOPERATION_AGREEMENT", "合作协议.pdf", SampleFiles.onePagePdf());
        assertThat(error()).isNull();
        upload("COOPERATION_AGREEMENT", "合作协议（定稿）.pdf", SampleFiles.pdfWithJavaScriptOpenAction());
        assertThat(error()).contains("JavaScript", "不予接收");
        assertThat(chromium.driver().findElement(By.id("attachments")).getText()).contains("合作协议.pdf")
                .doesNotContain("定稿");
        card("upload-refused-zh.png");

        chromium.open("http://localhost:" + port + "/applications/" + id + "?lang=en");
        upload("OTHER", "budget.docx", SampleFiles.docxWithZeros("word/media/image1.png", 20 * 1024 * 1024));
        assertThat(error()).contains("zip bomb", "100:1").doesNotContain("Exception", "ZIP_RATIO");
        card("upload-refused-en.png");

        chromium.open("http://localhost:" + port + "/applications/" + id + "?lang=ru");
        chromium.driver().manage().window().setSize(new Dimension(390, 844));
        upload("OTHER", "scan.png", SampleFiles.pngHeaderThenHtml());
        assertThat(error()).contains("веб-страниц");
        phone("upload-refused-ru-phone.png");
        chromium.driver().manage().window().setSize(new Dimension(1280, 1600));
    }

    /** Chooses the kind and the file (written under its name) and submits the form; the page reloads. */
    private void upload(String kind, String name, byte[] content) throws IOException {
        Path dir = Files.createTempDirectory("upload-");
        Path file = dir.resolve(name);
        try {
            Files.write(file, content);
            WebElement select = chromium.driver().findElement(By.id("attachment-kind"));
            ((JavascriptExecutor) chromium.driver()).executeScript("arguments[0].scrollIntoView({block:'center'})", select);
            new Select(select).selectByValue(kind);
            chromium.driver().findElement(By.id("attachment-file")).sendKeys(file.toAbsolutePath().toString());
            WebElement button = chromium.driver().findElement(By.cssSelector("#section-attachments form button[type='submit']"));
            ((JavascriptExecutor) chromium.driver()).executeScript("arguments[0].click()", button);
            chromium.waiting().until(ExpectedConditions.stalenessOf(button));
            chromium.waitForPage();
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(dir);
        }
    }

    private String error() {
        return chromium.driver().findElements(By.cssSelector("#section-attachments .alert-danger")).stream()
                .findFirst().map(WebElement::getText).orElse(null);
    }

    /** A screenshot of the attachments card alone (the editor is long), cut from the page by the card's box. */
    private void card(String name) throws IOException {
        @SuppressWarnings("unchecked")
        java.util.Map<String, Object> box = (java.util.Map<String, Object>) ((JavascriptExecutor) chromium.driver())
                .executeScript("""
                        const r = document.getElementById('section-attachments').getBoundingClientRect();
                        return {x: r.left + window.scrollX, y: r.top + window.scrollY, w: r.width, h: r.height};""");
        java.util.Map<String, Object> clip = java.util.Map.of("x", box.get("x"), "y", box.get("y"), "width", box.get("w"),
                "height", box.get("h"), "scale", 1);
        java.util.Map<String, Object> shot = chromium.driver().executeCdpCommand("Page.captureScreenshot",
                java.util.Map.of("format", "png", "captureBeyondViewport", true, "clip", clip));
        Files.createDirectories(HeadlessChromium.SCREENSHOTS);
        Files.write(HeadlessChromium.SCREENSHOTS.resolve(name),
                java.util.Base64.getDecoder().decode((String) shot.get("data")));
    }

    /** The phone's screen with the attachments card scrolled to its top. */
    private void phone(String name) throws IOException {
        ((JavascriptExecutor) chromium.driver()).executeScript(
                "document.getElementById('section-attachments').scrollIntoView({block: 'start', behavior: 'instant'})");
        Files.createDirectories(HeadlessChromium.SCREENSHOTS);
        Files.write(HeadlessChromium.SCREENSHOTS.resolve(name),
                chromium.driver().getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
    }
}
