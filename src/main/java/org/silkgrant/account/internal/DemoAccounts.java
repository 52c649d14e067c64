package org.silkgrant.account.internal;

import java.util.List;
import java.util.Set;

import org.silkgrant.account.AccountManagement;
import org.silkgrant.account.NewAccount;
import org.silkgrant.account.Role;
import org.silkgrant.shared.DemoMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The office's demonstration accounts, written only in demo mode into an empty account table; the organisations
 * add their own people. At start-up every demo account is printed with the demo password (never logged otherwise).
 */
@Component
@Order(10)
class DemoAccounts implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoAccounts.class);

    /** A staff demo account. */
    record Staff(String username, String fullName, Role role, String department) {

        Staff(String username, String fullName, Role role) {
            this(username, fullName, role, null);
        }
    }

    static final List<Staff> STAFF = List.of(
            new Staff("officer", "国际合作处 王处长", Role.PROGRAM_OFFICER),
            new Staff("recommender", "乌鲁木齐市科技局 推荐人", Role.RECOMMENDER, "650100"),
            new Staff("expert", "评审专家 陈教授", Role.EXPERT),
            new Staff("sysadmin", "系统管理员", Role.SYSTEM_ADMIN),
            new Staff("secadmin", "安全管理员", Role.SECURITY_ADMIN),
            new Staff("auditadmin", "审计管理员", Role.AUDIT_ADMIN));

    private final DemoMode demo;
    /** Whether this start wrote the accounts, so the password printed is theirs. */
    private boolean seededNow;
    private final AccountManagement accounts;
    private final UserAccountRepository users;

    DemoAccounts(DemoMode demo, AccountManagement accounts, UserAccountRepository users) {
        this.demo = demo;
        this.accounts = accounts;
        this.users = users;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (!demo.isActive() || users.count() > 0) {
            return;
        }
        seededNow = true;
        for (Staff staff : STAFF) {
            var created = accounts.create(new NewAccount(staff.username(), demo.password(), staff.fullName(),
                    staff.username() + "@demo.silkgrant.org", null, null, Set.of(staff.role()), null), "system", null);
            if (staff.department() != null) {
                accounts.assignDepartment(created.id(), staff.department(), "system", null);
            }
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    @Transactional(readOnly = true)
    public void print() {
        if (!demo.isActive()) {
            return;
        }
        String password = seededNow || demo.passwordConfigured() ? demo.password()
                : "as printed when they were created, or set silkgrant.demo.password and use a fresh data-dir";
        StringBuilder out = new StringBuilder("\n\nSilkGrant demo accounts (password for all: ")
                .append(password).append(")\n");
        users.findAll().stream().sorted(java.util.Comparator.comparing(UserAccount::id)).forEach(u ->
                out.append(String.format("  %-12s %-16s %s%n", u.username(), u.roles().iterator().next(), u.fullName())));
        log.info(out.toString());
    }
}
