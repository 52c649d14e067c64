package org.silkgrant.account.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.silkgrant.account.AccountManagement;
import org.silkgrant.account.AccountView;
import org.silkgrant.account.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import dev.samstevens.totp.code.DefaultCodeGenerator;

/**
 * The production first start on an empty database (no demo data, so no staff and the second factor required): the
 * bootstrap creates the first system admin once, prints the one-time password once and nowhere else, refuses when
 * staff exists; the admin enrols the second factor, is held on the account page until the password is changed, and
 * then creates the security admin, the audit admin and a program officer from the staff page.
 */
@SpringBootTest(properties = "silkgrant.demo.enabled=false")
@AutoConfigureMockMvc
@ActiveProfiles("test")
@DirtiesContext
@ExtendWith(OutputCaptureExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FirstAdminBootstrapTests {

    private static final Pattern ONE_TIME = Pattern.compile("One-time password \\(shown this once[^)]*\\): (\\S+)");
    private static final Pattern SECRET = Pattern.compile("id=\"mfa-secret\">([A-Z2-7]+)<");

    /** Kept between the ordered steps. */
    private static String oneTimePassword;

    @Autowired
    MockMvc mvc;

    @Autowired
    AccountManagement accounts;

    @Autowired
    UserAccountRepository users;

    @Autowired
    ConfigurableApplicationContext context;

    private FirstAdminBootstrap command(String username) {
        return new FirstAdminBootstrap(accounts, context, username, "", "first.admin@example.org",
                "https://grants.example.gov.cn", false);
    }

    @Test
    @Order(1)
    void onAnEmptyDatabaseItCreatesTheFirstSystemAdminAndPrintsThePasswordOnce(CapturedOutput output) throws Exception {
        assertThat(users.countByOrganizationIdIsNull()).as("no staff before").isZero();

        FirstAdminBootstrap command = command("First.Admin");
        command.run(null);

        assertThat(command.exitCode()).isZero();
        Matcher printed = ONE_TIME.matcher(output.getOut());
        assertThat(printed.find()).as("the one-time password on the terminal").isTrue();
        oneTimePassword = printed.group(1);
        assertThat(oneTimePassword).hasSize(20);
        assertThat(output.getAll().split(Pattern.quote(oneTimePassword), -1)).as("printed once, logged nowhere").hasSize(2);
        assertThat(output.getOut()).contains("https://grants.example.gov.cn/login", "/admin/staff");

        AccountView admin = accounts.findByUsername("first.admin").orElseThrow();
        assertThat(admin.roles()).containsExactly(Role.SYSTEM_ADMIN);
        assertThat(admin.organizationId()).isNull();
        UserAccount stored = users.findByUsernameIgnoreCase("first.admin").orElseThrow();
        assertThat(stored.mustChangePassword()).isTrue();
        assertThat(stored.passwordHash()).doesNotContain(oneTimePassword).startsWith("{bcrypt}");
    }

    @Test
    @Order(2)
    void withAStaffAccountPresentItRefusesAndChangesNothing(CapturedOutput output) {
        long before = users.count();
        FirstAdminBootstrap command = command("second.admin");
        command.run(null);

        assertThat(command.exitCode()).isEqualTo(FirstAdminBootstrap.REFUSED);
        assertThat(output.getErr()).contains("REFUSED", "1 staff account(s) exist already");
        assertThat(users.count()).isEqualTo(before);
        assertThat(accounts.findByUsername("second.admin")).isEmpty();
        assertThatThrownBy(() -> accounts.bootstrapFirstAdmin("third.admin", null, null))
                .isInstanceOf(AccountManagement.BootstrapRefused.class);
    }

    @Test
    @Order(3)
    void theFirstSignInEnrolsTheSecondFactorAndChangesThePasswordBeforeAnythingElse() throws Exception {
        assertThat(oneTimePassword).as("step 1 ran").isNotNull();
        MockHttpSession session = (MockHttpSession) mvc.perform(post("/login").param("username", "first.admin")
                        .param("password", oneTimePassword).with(csrf()))
                .andExpect(redirectedUrl("/dashboard"))
                .andReturn().getRequest().getSession(false);

        // First the second factor: nothing else opens, the account page neither.
        mvc.perform(get("/admin/staff").session(session)).andExpect(redirectedUrl("/mfa"));
        mvc.perform(get("/account").session(session)).andExpect(redirectedUrl("/mfa"));
        String page = mvc.perform(get("/mfa").session(session)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        Matcher secret = SECRET.matcher(page);
        assertThat(secret.find()).isTrue();
        String code = new DefaultCodeGenerator().generate(secret.group(1), Math.floorDiv(Instant.now().getEpochSecond(), 30));
        mvc.perform(post("/mfa").session(session).with(csrf()).param("code", code)).andExpect(redirectedUrl("/dashboard"));

        // Then the password: every page leads to the account page, which says why.
        mvc.perform(get("/dashboard").session(session)).andExpect(redirectedUrl("/account?changePassword"));
        mvc.perform(get("/admin/staff").session(session)).andExpect(redirectedUrl("/account?changePassword"));
        mvc.perform(get("/account").session(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"must-change-password\"")))
                .andExpect(content().string(containsString("一次性密码")));
        mvc.perform(post("/account/password").session(session).with(csrf()).param("currentPassword", oneTimePassword)
                        .param("newPassword", "Tianchi#Lake2026").param("repeatPassword", "Tianchi#Lake2026"))
                .andExpect(redirectedUrl("/account"));
        mvc.perform(get("/account").session(session))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("id=\"must-change-password\""))));
        assertThat(users.findByUsernameIgnoreCase("first.admin").orElseThrow().mustChangePassword()).isFalse();

        // The three duties and the first program officer, from the staff page.
        mvc.perform(get("/admin/staff").session(session)).andExpect(status().isOk());
        for (String[] staff : new String[][] {{"security.admin", "SECURITY_ADMIN"}, {"audit.admin", "AUDIT_ADMIN"},
                {"first.officer", "PROGRAM_OFFICER"}}) {
            mvc.perform(post("/admin/staff").session(session).with(csrf()).param("username", staff[0])
                            .param("fullName", "新同事 " + staff[0]).param("email", staff[0] + "@example.org")
                            .param("password", "Bogda#Peak2026").param("role", staff[1]))
                    .andExpect(redirectedUrl("/admin/staff"));
            assertThat(accounts.findByUsername(staff[0]).orElseThrow().roles()).containsExactly(Role.valueOf(staff[1]));
        }

        // The old one-time password is gone.
        mvc.perform(post("/login").param("username", "first.admin").param("password", oneTimePassword).with(csrf()))
                .andExpect(redirectedUrl("/login?error"));
    }
}
