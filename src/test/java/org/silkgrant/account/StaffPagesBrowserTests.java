package org.silkgrant.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.silkgrant.HeadlessChromium;
import org.silkgrant.SilkGrantTest;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The three separated admin duties in a real browser: each signs in and reaches only their own page (system
 * admin: staff accounts; security admin: roles and settings; audit admin: the audit record, where the sign-ins
 * just made appear); a project leader sees their own sign-in history.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class StaffPagesBrowserTests {

    private static HeadlessChromium chromium;

    @LocalServerPort
    int port;

    @BeforeAll
    static void startBrowser() throws IOException {
        chromium = HeadlessChromium.start("StaffPagesBrowserTests");
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

    private void open(String path) {
        chromium.open("http://localhost:" + port + path);
    }

    private void signInAs(String username) {
        chromium.driver().manage().deleteAllCookies();
        open("/login");
        chromium.driver().findElement(By.id("username")).sendKeys(username);
        chromium.driver().findElement(By.id("password")).sendKeys(SilkGrantTest.DEMO_PASSWORD);
        chromium.driver().findElement(By.cssSelector("main form button[type='submit']")).click();
        chromium.waiting().until(ExpectedConditions.urlContains("/dashboard"));
        chromium.waitForPage();
    }

    private String heading() {
        return chromium.driver().findElement(By.tagName("h1")).getText();
    }

    @Test
    void eachAdminDutyReachesItsOwnPageOnly() throws IOException {
        signInAs("sysadmin");
        open("/admin/staff");
        assertThat(heading()).isEqualTo("工作人员账号");
        assertThat(chromium.bodyText()).contains("officer", "auditadmin");
        chromium.screenshot("admin-staff-zh.png");
        open("/audit");
        assertThat(heading()).isEqualTo("无权访问");

        signInAs("secadmin");
        open("/admin/security");
        assertThat(heading()).isEqualTo("安全管理");
        chromium.screenshot("admin-security-zh.png");
        open("/admin/staff");
        assertThat(heading()).isEqualTo("无权访问");

        signInAs("auditadmin");
        open("/audit");
        assertThat(heading()).isEqualTo("审计日志");
        assertThat(chromium.bodyText()).contains("LOGIN", "sysadmin", "secadmin");
        chromium.screenshot("audit-zh.png");
        chromium.chooseLanguage("en");
        chromium.screenshot("audit-en.png");
        chromium.chooseLanguage("zh-CN");
    }

    @Test
    void aProjectLeaderSeesTheirSignInHistory() throws IOException {
        signInAs("uni-leader");
        signInAs("uni-leader");
        open("/account");
        assertThat(heading()).isEqualTo("我的账号");
        assertThat(chromium.bodyText()).contains("uni-leader", "上次登录", "最近 10 次登录");
        chromium.screenshot("account-zh.png");
        chromium.chooseLanguage("ru");
        assertThat(chromium.bodyText()).doesNotContain("??");
        chromium.screenshot("account-ru.png");
        chromium.chooseLanguage("zh-CN");
    }
}
