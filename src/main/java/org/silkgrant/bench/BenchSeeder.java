package org.silkgrant.bench;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.silkgrant.shared.CreditCode;
import org.silkgrant.shared.DivisionCode;
import org.silkgrant.shared.Divisions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The seeding command of the deadline-rush benchmark: {@code --silkgrant.seed.organizations=10000} writes that many
 * verified organisations with an admin and a project leader each, straight into the database with JDBC batches (the
 * UI would take hours), opens the call, starts a draft for every other leader, and exits. Accounts are
 * {@code bench-00001-u} (leader, university or research institute), {@code bench-00004-e} (leader, enterprise: every
 * fourth) and {@code bench-00001-admin}; all share one password, hashed once.
 */
@Component
@Order(100)
@ConditionalOnProperty(name = "silkgrant.seed.organizations")
class BenchSeeder implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(BenchSeeder.class);
    private static final int BATCH = 1000;
    /** Where the benchmark's users find an open call; the office can move it afterwards like any other. */
    private static final Duration OPEN_FOR = Duration.ofDays(30);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final PasswordEncoder passwords;
    private final Clock clock;
    private final ConfigurableApplicationContext context;
    private final int organizations;
    private final String password;
    private final String callCode;
    private final String divisionPrefix;
    private final boolean exit;

    BenchSeeder(JdbcTemplate jdbc, TransactionTemplate transactions, PasswordEncoder passwords, Clock clock,
            ConfigurableApplicationContext context, @Value("${silkgrant.seed.organizations}") int organizations,
            @Value("${silkgrant.seed.password:Bench#Rush2026}") String password,
            @Value("${silkgrant.seed.call:2023-SCO}") String callCode,
            @Value("${silkgrant.region.division-prefix}") String divisionPrefix,
            @Value("${silkgrant.seed.exit:true}") boolean exit) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.passwords = passwords;
        this.clock = clock;
        this.context = context;
        this.organizations = organizations;
        this.password = password;
        this.callCode = callCode;
        this.divisionPrefix = divisionPrefix;
        this.exit = exit;
    }

    /** The leader's user name for the n-th organisation (from 1); the simulation derives the same names. */
    static String leader(int n) {
        return String.format("bench-%05d-%s", n, enterprise(n) ? "e" : "u");
    }

    /** Every fourth organisation is an enterprise (its leaders need 2:1 matching funds). */
    static boolean enterprise(int n) {
        return n % 4 == 0;
    }

    @Override
    public void run(ApplicationArguments args) {
        long started = System.nanoTime();
        Integer existing = jdbc.queryForObject("select count(*) from user_account where username like 'bench-%'",
                Integer.class);
        if (existing != null && existing > 0) {
            log.warn("Seeding skipped: {} bench accounts exist already (seed a fresh database)", existing);
        } else {
            seed();
            log.info("Seeded {} organisations, {} leaders, {} admins and {} drafts in {} ms", organizations,
                    organizations, organizations, organizations / 2, (System.nanoTime() - started) / 1_000_000);
            System.out.printf("Seeded %d organisations in %.1f s%n", organizations, (System.nanoTime() - started) / 1e9);
        }
        if (exit) {
            System.exit(SpringApplication.exit(context, () -> 0));
        }
    }

    private void seed() {
        Instant now = clock.instant();
        Timestamp at = Timestamp.from(now);
        // One hash for all: hashing 20,000 passwords at bcrypt strength would take minutes and prove nothing.
        String hash = passwords.encode(password);
        List<DivisionCode> divisions = Divisions.load(divisionPrefix).all().stream()
                .filter(d -> !d.code().endsWith("0000")).toList();
        transactions.executeWithoutResult(status -> {
            int opened = jdbc.update("update grant_call set opens_at = ?, deadline = ? where code = ?",
                    Timestamp.from(now.minus(Duration.ofDays(1))), Timestamp.from(now.plus(OPEN_FOR)), callCode);
            if (opened != 1) {
                throw new IllegalStateException("No call " + callCode + " to open");
            }
        });
        for (int from = 1; from <= organizations; from += BATCH) {
            int to = Math.min(organizations, from + BATCH - 1);
            int first = from;
            transactions.executeWithoutResult(status -> batch(first, to, divisions, hash, at));
        }
    }

    private void batch(int from, int to, List<DivisionCode> divisions, String hash, Timestamp at) {
        List<Object[]> orgs = new ArrayList<>();
        List<Object[]> users = new ArrayList<>();
        List<Object[]> roles = new ArrayList<>();
        List<Object[]> drafts = new ArrayList<>();
        List<Object[]> basics = new ArrayList<>();
        for (int n = from; n <= to; n++) {
            DivisionCode division = divisions.get(n % divisions.size());
            boolean enterprise = enterprise(n);
            String first17 = (enterprise ? "91" : "12") + division.code() + String.format("%09d", n);
            String code = first17 + CreditCode.checkCharacter(first17);
            String name = (enterprise ? "压测科技有限公司" : "压测研究院") + n;
            orgs.add(new Object[] {name, code, enterprise ? "ENTERPRISE" : (n % 2 == 0 ? "RESEARCH_INSTITUTE" : "UNIVERSITY"),
                    division.code(), division.name() + "测试路 " + n + " 号", at, at});
            String leader = leader(n);
            String admin = String.format("bench-%05d-admin", n);
            users.add(new Object[] {leader, hash, "负责人" + n, leader + "@bench.silkgrant.org", at, at, code});
            users.add(new Object[] {admin, hash, "管理员" + n, admin + "@bench.silkgrant.org", at, at, code});
            roles.add(new Object[] {"APPLICANT", leader});
            roles.add(new Object[] {"ORG_ADMIN", admin});
            if (n % 2 == 1) {
                String title = "阿尔泰区域生态监测联合研究 " + n;
                drafts.add(new Object[] {callCode, title, at, at, name, "负责人" + n, leader});
                basics.add(new Object[] {"{\"title\":\"" + title + "\"}", at, leader, leader});
            }
        }
        jdbc.batchUpdate("insert into organization (name, credit_code, type, division_code, address, status, decided_by, "
                + "decided_at, registered_at, version) values (?, ?, ?, ?, ?, 'VERIFIED', 'bench-seed', ?, ?, 0)", orgs);
        jdbc.batchUpdate("insert into user_account (username, password_hash, full_name, email, organization_id, enabled, "
                + "failed_attempts, mfa_enabled, created_at, password_changed_at, version) "
                + "select ?, ?, ?, ?, id, true, 0, false, ?, ?, 0 from organization where credit_code = ?", users);
        jdbc.batchUpdate("insert into user_role (user_id, role) select id, ? from user_account where username = ?", roles);
        // The organisation type of the draft is read back from the organisation, as the application does.
        jdbc.batchUpdate("insert into application (call_code, organization_id, leader_id, title, status, created_at, "
                + "updated_at, version, organization_name, organization_type, leader_name) "
                + "select ?, u.organization_id, u.id, ?, 'DRAFT', ?, ?, 0, ?, o.type, ? from user_account u "
                + "join organization o on o.id = u.organization_id where u.username = ?", drafts);
        jdbc.batchUpdate("insert into application_section (application_id, name, content, changed_in_version, updated_at, "
                + "updated_by) select a.id, 'basics', ?, 0, ?, ? from application a join user_account u on u.id = a.leader_id "
                + "where u.username = ?", basics);
    }
}
