package org.silkgrant.account.internal;

import java.util.List;

import org.silkgrant.account.Role;
import org.silkgrant.shared.DemoMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * The demonstration accounts, one per role, written only in demo mode. The password is printed once at start-up
 * (never logged otherwise); set it with {@code silkgrant.demo.password}.
 */
@Component
class DemoAccounts {

    private static final Logger log = LoggerFactory.getLogger(DemoAccounts.class);

    /** A demo account: its user name, role and what it shows. */
    record Account(String username, Role role, String description) {
    }

    static final List<Account> ACCOUNTS = List.of(
            new Account("officer", Role.PROGRAM_OFFICER, "program officer, International Cooperation Division"),
            new Account("uni-leader", Role.APPLICANT, "project leader at a demo university"),
            new Account("uni-admin", Role.ORG_ADMIN, "organisation admin of the demo university"),
            new Account("ent-leader", Role.APPLICANT, "project leader at a demo enterprise"),
            new Account("ent-admin", Role.ORG_ADMIN, "organisation admin of the demo enterprise"),
            new Account("recommender", Role.RECOMMENDER, "recommending department"),
            new Account("expert", Role.EXPERT, "review expert"),
            new Account("sysadmin", Role.SYSTEM_ADMIN, "system administrator"),
            new Account("secadmin", Role.SECURITY_ADMIN, "security administrator"),
            new Account("auditadmin", Role.AUDIT_ADMIN, "audit administrator"));

    private final DemoMode demo;
    private final PasswordEncoder encoder;

    DemoAccounts(DemoMode demo, PasswordEncoder encoder) {
        this.demo = demo;
        this.encoder = encoder;
    }

    List<UserDetails> users() {
        if (!demo.isActive()) {
            return List.of();
        }
        String hash = encoder.encode(demo.password());
        return ACCOUNTS.stream()
                .map(a -> User.withUsername(a.username()).password(hash).roles(a.role().name()).build())
                .map(UserDetails.class::cast).toList();
    }

    @EventListener(ApplicationReadyEvent.class)
    void print() {
        if (!demo.isActive()) {
            return;
        }
        StringBuilder out = new StringBuilder("\n\nSilkGrant demo accounts (password for all: ")
                .append(demo.password()).append(")\n");
        ACCOUNTS.forEach(a -> out.append(String.format("  %-12s %-16s %s%n", a.username(), a.role(), a.description())));
        log.info(out.toString());
    }
}
