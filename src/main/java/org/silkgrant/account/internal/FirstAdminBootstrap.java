package org.silkgrant.account.internal;

import java.io.PrintStream;

import org.silkgrant.account.AccountManagement;
import org.silkgrant.account.AccountManagement.Bootstrapped;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The production first start (docs/operations.md): {@code --silkgrant.bootstrap.admin=<user name>} migrates the
 * database, creates the first system admin with a one-time password, prints it once on the terminal (never to the
 * log) and exits; it refuses, with a line saying why and exit code 2, when any staff account exists. The admin
 * enrols the second factor and changes the password at the first sign-in, then creates the other staff.
 */
@Component
@Order(5)
@ConditionalOnProperty(name = "silkgrant.bootstrap.admin")
class FirstAdminBootstrap implements ApplicationRunner {

    /** Exit code of a refusal. */
    static final int REFUSED = 2;

    private static final Logger log = LoggerFactory.getLogger(FirstAdminBootstrap.class);

    private final AccountManagement accounts;
    private final ConfigurableApplicationContext context;
    private final String username;
    private final String fullName;
    private final String email;
    private final String baseUrl;
    private final boolean exit;
    /** Where the one-time password goes: the operator's terminal, not a logger. */
    private final PrintStream terminal;
    private int exitCode;

    FirstAdminBootstrap(AccountManagement accounts, ConfigurableApplicationContext context,
            @Value("${silkgrant.bootstrap.admin}") String username,
            @Value("${silkgrant.bootstrap.full-name:}") String fullName,
            @Value("${silkgrant.bootstrap.email:}") String email,
            @Value("${silkgrant.mail.base-url:http://localhost:8080}") String baseUrl,
            @Value("${silkgrant.bootstrap.exit:true}") boolean exit) {
        this.accounts = accounts;
        this.context = context;
        this.username = username;
        this.fullName = fullName;
        this.email = email;
        this.baseUrl = baseUrl;
        this.exit = exit;
        this.terminal = System.out;
    }

    @Override
    public void run(ApplicationArguments args) {
        try {
            Bootstrapped done = accounts.bootstrapFirstAdmin(username, fullName, email);
            log.info("Bootstrap: created the first system admin '{}' (one-time password printed on the terminal only)",
                    done.admin().username());
            terminal.printf("%nSilkGrant first start: system admin '%s' created.%n"
                    + "  One-time password (shown this once, not stored in clear, not logged): %s%n"
                    + "  Start the service without --silkgrant.bootstrap.admin, sign in at %s/login, enrol an"
                    + " authenticator app (TOTP) and choose a new password.%n"
                    + "  Then create the security admin, the audit admin and the program officers at /admin/staff.%n%n",
                    done.admin().username(), done.oneTimePassword(), baseUrl);
            terminal.flush();
            exitCode = 0;
        } catch (AccountManagement.BootstrapRefused e) {
            log.warn("Bootstrap refused: {}", e.getMessage());
            System.err.printf("%nSilkGrant first start REFUSED: %s%nNothing was changed.%n%n", e.getMessage());
            System.err.flush();
            exitCode = REFUSED;
        } catch (org.springframework.dao.DataIntegrityViolationException e) {
            log.warn("Bootstrap refused: another bootstrap wrote first");
            System.err.printf("%nSilkGrant first start REFUSED: another bootstrap ran at the same time.%n"
                    + "Nothing was changed by this one.%n%n");
            exitCode = REFUSED;
        }
        if (exit) {
            int code = exitCode;
            System.exit(SpringApplication.exit(context, () -> code));
        }
    }

    /** What the last run would exit with (for tests, which keep the JVM). */
    int exitCode() {
        return exitCode;
    }
}
