package org.silkgrant.application.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
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
 * The editor in a real headless Chromium, in Chinese: a project leader starts an application from the list, types
 * into the narrative and sees it saved without pressing anything, adds a team row (the checklist follows), reloads
 * and finds everything; when the same section was saved elsewhere meanwhile, the conflict box shows the other text
 * and "keep mine" saves; the editor in Russian. Screenshots go to {@code target/screenshots/}; see
 * {@link HeadlessChromium} for when the test is skipped.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ApplicationEditorBrowserTests {

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
        chromium = HeadlessChromium.start("ApplicationEditorBrowserTests");
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
    void aLeaderWritesTheApplicationAndEverySaveHappensByItself() throws IOException {
        signIn("uni-leader");

        // 1. the list, empty, and the form that starts an application
        open("/applications");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("我的申报书");
        driver.findElement(By.id("title")).sendKeys("阿尔泰区域生态监测联合研究");
        driver.findElement(By.cssSelector("#new-application button[type='submit']")).click();
        chromium.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("application-editor")));
        chromium.waitForPage();
        long id = Long.parseLong(driver.findElement(By.id("application-editor")).getDomAttribute("data-application"));
        assertThat(driver.findElement(By.id("application-title")).getText()).isEqualTo("阿尔泰区域生态监测联合研究");

        // 2. the checklist arrives by itself: one line per rule
        chromium.waiting().until(d -> d.findElements(By.cssSelector("#checklist [data-rule]")).size() == 19);
        assertThat(rule("RESEARCH_ASSISTANT_POSITION").getDomAttribute("data-passed")).isEqualTo("false");
        chromium.screenshot("application-editor-zh.png");

        // 3. typing into the narrative saves it, and the narrative's form moves to the new version (the others keep
        //    the version their text started from)
        long before = applications.get(user(), id).version();
        WebElement objectives = driver.findElement(By.id("narrative-objectives"));
        inView(objectives).sendKeys("建立中俄阿尔泰联合实验室");
        waitForSaved("narrative");
        long version = applications.get(user(), id).version();
        assertThat(driver.findElement(By.id("version-narrative")).getDomProperty("value"))
                .as("the narrative form's version after its save").isEqualTo(String.valueOf(version));
        assertThat(driver.findElement(By.id("version-basics")).getDomProperty("value"))
                .as("another form's version after the narrative's save").isEqualTo(String.valueOf(before));
        assertThat(driver.findElement(By.id("status-narrative")).getText()).contains("版本 " + version);

        // 4. a team row: the research assistant makes the checklist line pass
        WebElement team = driver.findElement(By.id("section-team"));
        click(team.findElement(By.cssSelector("[data-add-row]")));
        List<WebElement> names = team.findElements(By.cssSelector("input[data-field='fullName']"));
        assertThat(names).hasSize(2);
        assertThat(names.get(1).getDomAttribute("name")).isEqualTo("members[1].fullName");
        // The first row is the leader already: the account holder, as a new application starts.
        assertThat(names.get(0).getDomProperty("value")).isEqualTo(user().fullName());
        assertThat(new Select(team.findElements(By.cssSelector("select[data-field='role']")).get(0))
                .getFirstSelectedOption().getDomAttribute("value")).isEqualTo("LEADER");
        inView(names.get(1)).sendKeys("王芳");
        new Select(team.findElements(By.cssSelector("select[data-field='role']")).get(1)).selectByValue("RESEARCH_ASSISTANT");
        waitForSaved("team");
        chromium.waiting().until(d -> "true".equals(rule("RESEARCH_ASSISTANT_POSITION").getDomAttribute("data-passed")));

        // 5. after a reload everything is there
        driver.navigate().refresh();
        chromium.waitForPage();
        assertThat(driver.findElement(By.id("narrative-objectives")).getDomProperty("value")).isEqualTo("建立中俄阿尔泰联合实验室");
        assertThat(driver.findElement(By.name("members[1].fullName")).getDomProperty("value")).isEqualTo("王芳");
        assertThat(applications.get(user(), id).sections().get("team").get("members").size()).isEqualTo(2);

        // 6. someone saves the narrative elsewhere: this page's next save of it is a conflict, nothing is lost
        applications.saveSection(user(), id, "narrative",
                JsonNodeFactory.instance.objectNode().put("objectives", "另一个窗口保存的目标"),
                applications.get(user(), id).version());
        WebElement rationale = driver.findElement(By.id("narrative-rationale"));
        inView(rationale).sendKeys("双方优势互补");
        WebElement conflict = chromium.waiting().until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#status-narrative [data-outcome='conflict']")));
        assertThat(conflict.getText()).contains("另一个窗口保存的目标", "保留我的内容", "采用对方的内容");
        assertThat(applications.get(user(), id).sections().get("narrative").get("objectives").asString())
                .isEqualTo("另一个窗口保存的目标");
        chromium.screenshot("application-conflict-zh.png");
        click(conflict.findElement(By.cssSelector("[data-keep-mine]")));
        waitForSaved("narrative");
        ApplicationView kept = applications.get(user(), id);
        assertThat(kept.sections().get("narrative").get("objectives").asString()).isEqualTo("建立中俄阿尔泰联合实验室");
        assertThat(kept.sections().get("narrative").get("rationale").asString()).isEqualTo("双方优势互补");

        // 7. the list with the application, then the editor in Russian
        open("/applications");
        assertThat(driver.findElement(By.id("applications")).getText()).contains("阿尔泰区域生态监测联合研究", "草稿");
        chromium.screenshot("applications-list-zh.png");
        open("/applications/" + id);
        chromium.chooseLanguage("ru");
        chromium.waiting().until(d -> d.findElements(By.cssSelector("#checklist [data-rule]")).size() == 19);
        assertThat(chromium.bodyText()).contains("Основные сведения", "Проверка соответствия").doesNotContain("??");
        chromium.screenshot("application-editor-ru.png");
        chromium.chooseLanguage("zh-CN");

        // 8. the organisation's admin reads it: no forms, the checklist still there
        click(driver.findElement(By.cssSelector("#main-nav form[action='/logout'] button")));
        chromium.waiting().until(ExpectedConditions.urlContains("/login"));
        signIn("uni-admin");
        open("/applications/" + id);
        assertThat(driver.findElement(By.id("read-only-notice")).getText()).contains("只有项目负责人可以修改申报书");
        assertThat(driver.findElements(By.cssSelector("form.section-form"))).isEmpty();
        assertThat(chromium.bodyText()).contains("建立中俄阿尔泰联合实验室", "王芳", "科研助理");
        chromium.waiting().until(d -> d.findElements(By.cssSelector("#checklist [data-rule]")).size() == 19);
        chromium.screenshot("application-readonly-zh.png");
    }

    /** Bootstrap scrolls smoothly; a click must wait for nothing, so the element is brought into view at once. */
    private WebElement inView(WebElement element) {
        driver.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", element);
        return element;
    }

    private void click(WebElement element) {
        inView(element).click();
    }

    private WebElement rule(String id) {
        return driver.findElement(By.cssSelector("#checklist [data-rule='" + id + "']"));
    }

    private void waitForSaved(String section) {
        chromium.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("status-" + section), "已保存"));
        // and no save is still on its way (htmx marks the element that sent it)
        chromium.waiting().until(d -> Boolean.TRUE.equals(driver.executeScript("return !document.querySelector('.htmx-request');")));
    }

    private SilkGrantUser user() {
        return (SilkGrantUser) users.loadUserByUsername("uni-leader");
    }

    private void signIn(String username) {
        open("/login");
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(SilkGrantTest.DEMO_PASSWORD);
        driver.findElement(By.cssSelector("main form button[type='submit']")).click();
        chromium.waiting().until(ExpectedConditions.urlContains("/dashboard"));
        chromium.waitForPage();
    }

    private void open(String path) {
        chromium.open("http://localhost:" + port + path);
    }
}
