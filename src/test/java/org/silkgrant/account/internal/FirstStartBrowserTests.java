package org.silkgrant.account.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Instant;

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
import org.silkgrant.account.AccountManagement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import dev.samstevens.totp.code.DefaultCodeGenerator;

/**
 * The first start as the first system admin lives it, in a real headless Chromium on an empty database (no demo data,
 * second factor required): sign in with the bootstrap's one-time password, enrol the authenticator from the page's
 * secret, be held on the account page until the password is changed, then create the security admin on the staff
 * page. Screenshots in {@code target/screenshots/}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "silkgrant.demo.enabled=false")
@ActiveProfiles("test")
class FirstStartBrowserTests {

    private static HeadlessChromium chromium;

    @LocalServerPort
    private int port;

    @Autowired
    AccountManagement accounts;

    private ChromeDriver driver;

    @BeforeAll
    static void startBrowser() throws IOException {
        chromium = HeadlessChromium.start("FirstStartBrowserTests");
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
    void theFirstSystemAdminEnrolsChangesTheOneTimePasswordAndCreatesTheSecurityAdmin() throws Exception {
        String oneTime = accounts.bootstrapFirstAdmin("wang.sysadmin", "王系统管理员", null).oneTimePassword();

        open("/login");
        type("username", "wang.sysadmin");
        type("password", oneTime);
        driver.findElement(By.cssSelector("main form button[type='submit']")).click();
        chromium.waiting().until(ExpectedConditions.urlContains("/mfa"));
        chromium.waitForPage();
        String secret = driver.findElement(By.id("mfa-secret")).getText();
        chromium.screenshot("first-start-mfa-zh.png");
        type("code", new DefaultCodeGenerator().generate(secret, Math.floorDiv(Instant.now().getEpochSecond(), 30)));
        driver.findElement(By.cssSelector("main form button[type='submit']")).click();

        chromium.waiting().until(ExpectedConditions.urlContains("/account?changePassword"));
        chromium.waitForPage();
        assertThat(driver.findElement(By.id("must-change-password")).getText())
                .isEqualTo("此账号的密码是他人设定的一次性密码，请先修改密码，然后才能使用其他功能。");
        chromium.screenshot("first-start-change-password-zh.png");
        open("/admin/staff");
        assertThat(driver.getCurrentUrl()).as("held on the account page").contains("/account?changePassword");

        type("currentPassword", oneTime);
        type("newPassword", "Tianchi#Lake2026");
        type("repeatPassword", "Tianchi#Lake2026");
        driver.findElement(By.cssSelector("#password form button[type='submit']")).click();
        chromium.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("notice")));
        assertThat(driver.findElements(By.id("must-change-password"))).isEmpty();

        open("/admin/staff");
        type("username", "zhao.secadmin");
        type("fullName", "赵安全管理员");
        type("email", "zhao.secadmin@example.gov.cn");
        type("password", "Bogda#Peak2026");
        new Select(driver.findElement(By.id("role"))).selectByValue("SECURITY_ADMIN");
        driver.findElement(By.cssSelector("main form button[type='submit']")).click();
        WebElement row = chromium.waiting().until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("tr[data-username='zhao.secadmin']")));
        chromium.waitForPage();
        assertThat(row.getText()).contains("赵安全管理员", "安全管理员");
        chromium.screenshot("first-start-staff-zh.png");
    }

    private void type(String id, String text) {
        WebElement field = driver.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    private void open(String path) {
        chromium.open("http://localhost:" + port + path);
    }
}
