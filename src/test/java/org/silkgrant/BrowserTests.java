package org.silkgrant;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * End to end in a real headless Chromium: the public pages of the demo call in Chinese (the default), then English
 * and Russian chosen through the language menu the way a person does, the choice kept by a cookie, and the 404 page.
 * Screenshots go to {@code target/screenshots/}. Needs {@code /usr/bin/chromium} and {@code /usr/bin/chromedriver};
 * skipped without them, except on CI ({@code CI=true}) where their absence fails the test (see {@link HeadlessChromium}).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class BrowserTests {

    private static final String CALL_TITLE_ZH = "2023年自治区上海合作组织科技伙伴计划及国际科技合作计划";
    private static final String CALL_PATH = "/calls/2023-SCO";

    private static HeadlessChromium chromium;

    @LocalServerPort
    private int port;

    @BeforeAll
    static void startBrowser() throws IOException {
        chromium = HeadlessChromium.start("BrowserTests");
    }

    @BeforeEach
    void requireBrowser() {
        chromium.requireBrowser();
    }

    @AfterAll
    static void stopBrowser() {
        if (chromium != null) {
            chromium.quit();
            chromium = null;
        }
    }

    @Test
    void callPagesInChineseEnglishAndRussian() throws IOException {
        ChromeDriver driver = chromium.driver();

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
        chromium.waiting().until(ExpectedConditions.urlContains(CALL_PATH));
        chromium.waitForPage();
        String zh = chromium.bodyText();
        assertThat(zh).as("call page in Chinese")
                .contains(CALL_TITLE_ZH, "科研助理岗位", "0991-3680709", "K5", "G9", "阿尔泰边疆区");
        assertThat(driver.findElements(By.id("demo-notice"))).as("demo notice on the demo call's page").hasSize(1);
        chromium.screenshot("call-zh.png");

        // English through the language menu
        chromium.chooseLanguage("en");
        String en = chromium.bodyText();
        assertThat(en.toLowerCase()).as("call page in English").contains("research assistant");
        assertThat(en).as("call page in English").contains("International Cooperation Division");
        chromium.screenshot("call-en.png");

        // the cookie keeps English
        open("/");
        assertThat(driver.findElement(By.tagName("html")).getDomAttribute("lang"))
                .as("language of the home page after choosing English").isEqualTo("en");
        assertThat(driver.findElement(By.tagName("h1")).getText()).as("home page heading in English")
                .contains("Apply for international S&T cooperation projects");
        chromium.screenshot("home-en.png");

        // Russian
        chromium.chooseLanguage("ru");
        open(CALL_PATH);
        assertThat(driver.findElement(By.tagName("html")).getDomAttribute("lang"))
                .as("language of the call page after choosing Russian").isEqualTo("ru");
        assertThat(chromium.bodyText()).as("call page in Russian").contains("научного ассистента");
        chromium.screenshot("call-ru.png");

        // unknown call: the 404 page in the chosen language
        open("/calls/NO-SUCH");
        assertThat(chromium.bodyText()).as("404 page in Russian").contains("Страница не найдена");
        chromium.screenshot("not-found-ru.png");
    }

    private void open(String path) {
        chromium.open("http://localhost:" + port + path);
    }
}
