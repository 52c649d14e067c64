package org.silkgrant.organization;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.concurrent.ThreadLocalRandom;

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
import org.silkgrant.shared.CreditCode;
import org.silkgrant.shared.IdNumber;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.silkgrant.notification.Smtp;

/**
 * An organisation's way in, in a real headless Chromium and in Chinese (the default), as people do it: the
 * registration form refuses a credit code from outside the region and keeps what was typed, a valid registration is
 * submitted, the program officer verifies it from the queue, the organisation's admin sees the notice and opens an
 * account for a project leader, who finds an empty dashboard and switches it to Russian. A registration whose admin
 * user name is taken ends on the very same page; the mail (GreenMail) brings the single-use link to choose another
 * name, in Chinese, and on a phone. Screenshots go to {@code target/screenshots/}; see {@link HeadlessChromium} for
 * when the test is skipped.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class RegistrationFlowBrowserTests {

    private static final String DEMO_PASSWORD = "Test#Demo2026";
    private static final String BEIJING_CREDIT_CODE = "91110000600037341L";
    private static final String ORGANIZATION_NAME = "新疆浏览器测试科技有限公司";
    private static final String ADDRESS = "乌鲁木齐市天山区解放北路 1 号";
    private static final String ADMIN_PASSWORD = "Browser#Pass2026";
    private static final String ADMIN_FULL_NAME = "张三";
    private static final String APPLICANT_PASSWORD = "Leader#Pass2026";
    private static final String APPLICANT_FULL_NAME = "王五";

    private static HeadlessChromium chromium;
    private static final Smtp SMTP = new Smtp();

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        SMTP.register(registry);
    }

    @LocalServerPort
    private int port;

    private ChromeDriver driver;

    @BeforeAll
    static void startBrowser() throws IOException {
        chromium = HeadlessChromium.start("RegistrationFlowBrowserTests");
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
    void organizationRegistersIsVerifiedAndOpensAnAccountForItsProjectLeader() throws IOException {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String first17 = "91650100" + String.format("%08d", random.nextInt(100_000_000)) + "8";
        String creditCode = first17 + CreditCode.checkCharacter(first17);
        String adminUsername = "brw" + String.format("%08d", random.nextInt(100_000_000));
        String applicantUsername = "leader" + String.format("%08d", random.nextInt(100_000_000));
        String idFirst17 = "650102" + "19900307" + "123";
        String idNumber = idFirst17 + IdNumber.checkCharacter(idFirst17);
        String idNumberMasked = idNumber.substring(0, 4) + "**********" + idNumber.substring(14);

        // 1. the registration form, from the navigation bar, in Chinese
        open("/");
        assertThat(lang()).as("language without a cookie").isEqualTo("zh-CN");
        driver.findElement(By.cssSelector("#main-nav a[href='/register']")).click();
        chromium.waiting().until(ExpectedConditions.urlContains("/register"));
        chromium.waitForPage();
        assertThat(driver.findElement(By.tagName("h1")).getText()).as("registration page heading").isEqualTo("申报单位注册");
        assertThat(chromium.bodyText()).as("registration page").contains("单位信息", "单位管理员账号", "统一社会信用代码", "提交注册");
        assertThat(driver.findElements(By.cssSelector(".invalid-feedback"))).as("no errors before submitting").isEmpty();
        chromium.screenshot("register-zh.png");

        // a credit code registered in Beijing: refused, everything else typed stays (but the password)
        fillRegistration(BEIJING_CREDIT_CODE, adminUsername);
        submit();
        WebElement creditCodeErrors = chromium.waiting()
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("creditCode-errors")));
        assertThat(creditCodeErrors.getText()).as("credit code error").contains("110000", "自治区");
        assertThat(driver.findElement(By.cssSelector("[role='alert']")).getText()).as("form error summary")
                .contains("提交的内容有误");
        assertThat(driver.findElement(By.id("creditCode")).getDomAttribute("class")).as("credit code field marked")
                .contains("is-invalid");
        assertThat(driver.findElements(By.cssSelector(".invalid-feedback"))).as("only the credit code is wrong").hasSize(1);
        assertThat(value("name")).as("name kept").isEqualTo(ORGANIZATION_NAME);
        assertThat(value("creditCode")).as("credit code kept").isEqualTo(BEIJING_CREDIT_CODE);
        assertThat(new Select(driver.findElement(By.id("type"))).getFirstSelectedOption().getDomAttribute("value"))
                .as("type kept").isEqualTo("ENTERPRISE");
        assertThat(new Select(driver.findElement(By.id("divisionCode"))).getFirstSelectedOption().getDomAttribute("value"))
                .as("division kept").isEqualTo("650102");
        assertThat(value("address")).as("address kept").isEqualTo(ADDRESS);
        assertThat(value("adminUsername")).as("admin user name kept").isEqualTo(adminUsername);
        assertThat(value("adminFullName")).as("admin full name kept").isEqualTo(ADMIN_FULL_NAME);
        assertThat(value("adminEmail")).as("admin e-mail kept").isEqualTo(adminUsername + "@example.org");
        assertThat(value("adminPassword")).as("password not sent back").isEmpty();
        chromium.screenshot("register-error-zh.png");

        // 2. a valid registration of the region: correct the code, type the password again
        type("creditCode", creditCode);
        type("adminPassword", ADMIN_PASSWORD);
        submit();
        chromium.waiting().until(ExpectedConditions.urlContains("/register/done"));
        chromium.waitForPage();
        assertThat(driver.findElement(By.tagName("h1")).getText()).as("registered page heading").isEqualTo("注册已提交");
        assertThat(chromium.bodyText()).as("registered page").contains("“" + ORGANIZATION_NAME + "”的注册已提交，等待国际合作处审核。");
        chromium.screenshot("registered-zh.png");

        // 3. the program officer verifies it from the queue
        signIn("officer", DEMO_PASSWORD);
        driver.findElement(By.cssSelector("#work a[href*='/office/organizations']")).click();
        chromium.waiting().until(ExpectedConditions.urlContains("/office/organizations"));
        chromium.waitForPage();
        assertThat(driver.findElement(By.tagName("h1")).getText()).as("queue heading").isEqualTo("申报单位注册审核");
        WebElement query = driver.findElement(By.id("q"));
        query.clear();
        query.sendKeys(creditCode);
        driver.findElement(By.cssSelector("form[role='search'] button[type='submit']")).click();
        chromium.waiting().until(ExpectedConditions.urlContains("q=" + creditCode));
        chromium.waitForPage();
        WebElement row = driver.findElement(By.xpath("//table[@id='queue']//tr[td[contains(., '" + creditCode + "')]]"));
        assertThat(row.getText()).as("the new organisation in the queue").contains(ORGANIZATION_NAME, "企业", "天山区", "待审核");
        chromium.screenshot("queue-zh.png");
        row.findElement(By.linkText(ORGANIZATION_NAME)).click();
        chromium.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("decision")));
        chromium.waitForPage();
        assertThat(driver.findElement(By.id("organization-card")).getText()).as("organisation under review")
                .contains(ORGANIZATION_NAME, creditCode, "企业", "650102 天山区", ADDRESS);
        assertThat(driver.findElement(By.id("organization-status")).getText()).as("status before the decision").isEqualTo("待审核");
        assertThat(chromium.bodyText()).as("the admin among the organisation's accounts")
                .contains(ADMIN_FULL_NAME + "（" + adminUsername + "）");
        chromium.screenshot("review-zh.png");
        WebElement verify = driver.findElement(By.cssSelector("#decision button[value='VERIFIED']"));
        assertThat(verify.getText()).isEqualTo("审核通过");
        verify.click();
        chromium.waiting().until(ExpectedConditions.textToBe(By.id("organization-status"), "已审核通过"));
        chromium.waitForPage();
        assertThat(chromium.bodyText()).as("review page after verifying").contains("已审核通过，该单位管理员下次登录时将看到通知。");
        assertThat(driver.findElements(By.id("decision"))).as("no second decision").isEmpty();
        chromium.screenshot("review-verified-zh.png");
        signOut();

        // 4. the organisation's admin sees the notice and opens an account for a project leader
        signIn(adminUsername, ADMIN_PASSWORD);
        WebElement notice = chromium.waiting().until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#notices .alert")));
        assertThat(notice.getText()).as("verification notice on the admin's dashboard")
                .contains("“" + ORGANIZATION_NAME + "”的注册已通过国际合作处审核");
        assertThat(driver.findElement(By.id("notices")).getText()).contains("已通过");
        assertThat(driver.findElement(By.tagName("h1")).getText()).as("greeting").isEqualTo(ADMIN_FULL_NAME + "，您好");
        assertThat(driver.findElement(By.id("organization-status")).getText()).as("organisation status").isEqualTo("已审核通过");
        assertThat(chromium.bodyText()).as("no 'not verified' warning").doesNotContain("尚未通过国际合作处审核");
        assertThat(driver.findElements(By.id("my-applications"))).as("no applications panel for the admin").isEmpty();
        chromium.screenshot("dashboard-admin-zh.png");

        driver.findElement(By.cssSelector("#work a[href='/organization/users']")).click();
        chromium.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("new-member")));
        chromium.waitForPage();
        assertThat(driver.findElement(By.tagName("h1")).getText()).as("members page heading").isEqualTo("本单位人员");
        type("username", applicantUsername);
        type("fullName", APPLICANT_FULL_NAME);
        type("password", APPLICANT_PASSWORD);
        type("email", applicantUsername + "@example.org");
        type("idNumber", idNumber);
        driver.findElement(By.cssSelector("#new-member button[type='submit']")).click();
        WebElement member = chromium.waiting().until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#members tr[data-user='" + applicantUsername + "']")));
        chromium.waitForPage();
        assertThat(driver.findElement(By.cssSelector(".alert-success")).getText()).as("created notice")
                .isEqualTo("已创建账号 " + applicantUsername + "。");
        assertThat(member.getText()).as("the new member's row")
                .contains(applicantUsername, APPLICANT_FULL_NAME, "项目负责人", idNumberMasked, "正常");
        assertThat(driver.getPageSource()).as("the full ID number is never shown").doesNotContain(idNumber);
        assertThat(driver.findElement(By.cssSelector("#members tr[data-user='" + adminUsername + "']")).getText())
                .as("the admin's row").contains(ADMIN_FULL_NAME);
        assertThat(value("username")).as("form emptied after creating").isEmpty();
        chromium.screenshot("members-zh.png");
        signOut();

        // 5. the project leader: an empty dashboard, then in Russian
        signIn(applicantUsername, APPLICANT_PASSWORD);
        assertThat(driver.findElement(By.tagName("h1")).getText()).as("greeting").isEqualTo(APPLICANT_FULL_NAME + "，您好");
        // The panel is loaded by htmx after the page.
        chromium.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("my-applications"), "暂无申报书。"));
        WebElement applications = driver.findElement(By.id("my-applications"));
        assertThat(applications.getText()).as("my applications").contains("我的申报书", "暂无申报书。");
        assertThat(driver.findElements(By.cssSelector("#work a[href='/organization/users']")))
                .as("no member management for a project leader").isEmpty();
        assertThat(driver.findElement(By.id("organization-card")).getText()).as("own organisation")
                .contains(ORGANIZATION_NAME, "已审核通过");
        waitForNoticesLoaded();
        chromium.screenshot("dashboard-applicant-zh.png");

        chromium.chooseLanguage("ru");
        assertThat(driver.getCurrentUrl()).as("still on the dashboard").contains("/dashboard");
        chromium.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("my-applications"), "Заявок пока нет."));
        assertThat(driver.findElement(By.id("my-applications")).getText()).as("my applications in Russian")
                .contains("Мои заявки", "Заявок пока нет.");
        assertThat(driver.findElement(By.tagName("h1")).getText()).as("greeting in Russian")
                .isEqualTo("Здравствуйте, " + APPLICANT_FULL_NAME);
        assertThat(driver.findElement(By.id("main-nav")).getText()).as("navigation in Russian").contains("Рабочий стол", "Выйти");
        waitForNoticesLoaded();
        chromium.screenshot("dashboard-applicant-ru.png");
    }

    @Test
    void anAdminWhoseUserNameIsTakenSeesTheSamePageAndChoosesAnotherFromTheMailedLink() throws IOException {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String first17 = "91650100" + String.format("%08d", random.nextInt(100_000_000)) + "8";
        String creditCode = first17 + CreditCode.checkCharacter(first17);
        String email = "taken" + String.format("%08d", random.nextInt(100_000_000)) + "@example.org";
        String chosen = "brw" + String.format("%08d", random.nextInt(100_000_000));

        // 1. register with the user name of the demo program officer: the same page as any registration
        open("/");
        driver.manage().deleteAllCookies();
        open("/register");
        fillRegistration(creditCode, "officer");
        type("adminEmail", email);
        submit();
        chromium.waiting().until(ExpectedConditions.urlContains("/register/done"));
        chromium.waitForPage();
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("注册已提交");
        assertThat(chromium.bodyText()).contains("“" + ORGANIZATION_NAME + "”的注册已提交，等待国际合作处审核。",
                "我们已向 " + email + " 发送一封邮件").doesNotContain("已被使用");
        chromium.screenshot("registered-taken-zh.png");

        // 2. the mail carries the link; open it
        var mail = org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
                .until(() -> SMTP.to(email, "/register/confirm"), list -> !list.isEmpty()).get(0);
        assertThat(Smtp.subject(mail)).isEqualTo("请为“" + ORGANIZATION_NAME + "”的单位管理员另选用户名");
        java.util.regex.Matcher link = java.util.regex.Pattern.compile("/register/confirm\\?token=([A-Za-z0-9_-]{43})")
                .matcher(Smtp.body(mail));
        assertThat(link.find()).isTrue();
        open("/register/confirm?token=" + link.group(1));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("设置单位管理员用户名");
        assertThat(driver.findElement(By.id("confirm-lead")).getText()).contains(ORGANIZATION_NAME, "北京时间", "还可尝试 3 次");
        chromium.screenshot("confirm-zh.png");

        // 3. another taken name is refused beside the field, a free one opens the account
        type("username", "expert");
        driver.findElement(By.cssSelector("#confirm-form button[type='submit']")).click();
        chromium.waitForPage();
        assertThat(driver.findElement(By.id("username-errors")).getText()).isEqualTo("该用户名已被使用。");
        assertThat(driver.findElement(By.id("confirm-lead")).getText()).contains("还可尝试 2 次");
        chromium.screenshot("confirm-error-zh.png");
        type("username", chosen);
        driver.findElement(By.cssSelector("#confirm-form button[type='submit']")).click();
        chromium.waiting().until(ExpectedConditions.urlContains("/register/confirmed"));
        chromium.waitForPage();
        assertThat(driver.findElement(By.id("confirmed")).getText()).contains("单位管理员账号 " + chosen + " 已开通");
        chromium.screenshot("confirmed-zh.png");

        // 4. the admin signs in with the chosen name and the password given at registration
        signIn(chosen, ADMIN_PASSWORD);
        assertThat(driver.findElement(By.id("organization-card")).getText()).contains(ORGANIZATION_NAME);
        signOut();

        // The registration page on a phone, in English
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        try {
            open("/register?lang=en");
            assertThat(driver.findElement(By.id("adminEmail-help")).getText())
                    .isEqualTo("The outcome of the registration and any further step are sent to this address.");
            chromium.screenshot("register-phone-en.png");
            open("/register/confirm?token=" + link.group(1));
            assertThat(driver.findElement(By.id("confirm-invalid")).getText()).contains("has been used");
            chromium.screenshot("confirm-used-phone-en.png");
        } finally {
            driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1600));
            open("/?lang=zh-CN");
        }
    }

    private void fillRegistration(String creditCode, String adminUsername) {
        type("name", ORGANIZATION_NAME);
        type("creditCode", creditCode);
        new Select(driver.findElement(By.id("type"))).selectByValue("ENTERPRISE");
        new Select(driver.findElement(By.id("divisionCode"))).selectByValue("650102");
        type("address", ADDRESS);
        type("adminUsername", adminUsername);
        type("adminPassword", ADMIN_PASSWORD);
        type("adminFullName", ADMIN_FULL_NAME);
        type("adminEmail", adminUsername + "@example.org");
    }

    private void submit() {
        driver.findElement(By.cssSelector("main form button[type='submit']")).click();
        chromium.waitForPage();
    }

    private void signIn(String username, String password) {
        open("/login");
        assertThat(driver.findElement(By.tagName("h1")).getText()).as("sign-in page").isEqualTo("登录");
        type("username", username);
        type("password", password);
        driver.findElement(By.cssSelector("main form button[type='submit']")).click();
        chromium.waiting().until(ExpectedConditions.urlContains("/dashboard"));
        chromium.waitForPage();
        assertThat(driver.findElement(By.cssSelector("#main-nav a[href='/account']")).getText())
                .as("signed in as").isEqualTo(username);
    }

    /** The navigation bar's sign-out button. */
    private void signOut() {
        driver.findElement(By.cssSelector("#main-nav form[action='/logout'] button")).click();
        chromium.waiting().until(ExpectedConditions.urlContains("/login?logout"));
        chromium.waitForPage();
        assertThat(chromium.bodyText()).as("signed out").contains("您已安全退出。");
        assertThat(driver.findElements(By.cssSelector("#main-nav form[action='/logout']"))).as("no sign-out button").isEmpty();
    }

    /** htmx has answered the dashboard's request for notices (the applicant's organisation has one). */
    private void waitForNoticesLoaded() {
        chromium.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#notices .alert")));
    }

    private void type(String id, String text) {
        WebElement field = driver.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    private String value(String id) {
        return driver.findElement(By.id(id)).getDomProperty("value");
    }

    private String lang() {
        return driver.findElement(By.tagName("html")).getDomAttribute("lang");
    }

    private void open(String path) {
        chromium.open("http://localhost:" + port + path);
    }
}
