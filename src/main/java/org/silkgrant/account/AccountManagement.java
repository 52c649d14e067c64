package org.silkgrant.account;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.silkgrant.account.internal.BootstrapRecord;
import org.silkgrant.account.internal.BootstrapRecordRepository;
import org.silkgrant.account.internal.Lockouts;
import org.silkgrant.account.internal.LoginEvent;
import org.silkgrant.account.internal.LoginEventRepository;
import org.silkgrant.account.internal.PasswordPolicy;
import org.silkgrant.account.internal.PendingAccount;
import org.silkgrant.account.internal.PendingAccountRepository;
import org.silkgrant.account.internal.UserAccount;
import org.silkgrant.account.internal.UserAccountRepository;
import org.silkgrant.shared.FieldViolationException;
import org.silkgrant.shared.FieldViolationException.Violation;
import org.silkgrant.shared.IdNumber;
import org.silkgrant.shared.InvalidIdentifierException;
import org.silkgrant.shared.NotFoundException;
import org.silkgrant.shared.PersonalDataCipher;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Accounts: creating them (organisation people by their admin, staff by the system admin), passwords, roles,
 * deactivation and each user's sign-in history. Every change is published as an {@link AccountEvent}.
 */
@Service
public class AccountManagement {

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,63}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private final UserAccountRepository users;
    private final LoginEventRepository logins;
    private final PasswordPolicy policy;
    private final PasswordEncoder encoder;
    private final PersonalDataCipher cipher;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Lockouts lockouts;
    private final BootstrapRecordRepository bootstraps;
    private final PendingAccountRepository pendingAccounts;
    private final SecurityProperties.Registration registration;

    AccountManagement(UserAccountRepository users, LoginEventRepository logins, PasswordPolicy policy,
            PasswordEncoder encoder, PersonalDataCipher cipher, ApplicationEventPublisher events, Clock clock,
            Lockouts lockouts, BootstrapRecordRepository bootstraps, PendingAccountRepository pendingAccounts,
            SecurityProperties properties) {
        this.pendingAccounts = pendingAccounts;
        this.registration = properties.registration();
        this.bootstraps = bootstraps;
        this.users = users;
        this.logins = logins;
        this.lockouts = lockouts;
        this.policy = policy;
        this.encoder = encoder;
        this.cipher = cipher;
        this.events = events;
        this.clock = clock;
    }

    /** The field errors creating this account would meet; empty when it can be created. */
    @Transactional(readOnly = true)
    public List<Violation> check(NewAccount account) {
        List<Violation> violations = new ArrayList<>();
        String username = normalized(account.username());
        if (!USERNAME.matcher(username).matches()) {
            violations.add(new Violation("username", "FORMAT", "account.username.FORMAT"));
        } else if (users.existsByUsernameIgnoreCase(username)) {
            violations.add(new Violation("username", "DUPLICATE", "account.username.DUPLICATE"));
        }
        violations.addAll(policy.check("password", username, account.password()));
        if (account.fullName() == null || account.fullName().isBlank()) {
            violations.add(new Violation("fullName", "REQUIRED", "account.fullName.REQUIRED"));
        }
        if (account.email() != null && !account.email().isBlank() && !EMAIL.matcher(account.email().strip()).matches()) {
            violations.add(new Violation("email", "FORMAT", "account.email.FORMAT"));
        }
        violations.addAll(roleViolations(account.roles(), account.organizationId()));
        if (account.idNumber() != null && !account.idNumber().isBlank()) {
            try {
                IdNumber.parse(account.idNumber());
            } catch (InvalidIdentifierException e) {
                violations.add(new Violation("idNumber", e.code(), e.messageKey()));
            }
        }
        return violations;
    }

    /** Creates an account after checking every field; refuses with all field errors at once. */
    @Transactional
    public AccountView create(NewAccount account, String actor, String clientAddress) {
        List<Violation> violations = check(account);
        if (!violations.isEmpty()) {
            throw new FieldViolationException(violations);
        }
        String username = normalized(account.username());
        IdNumber idNumber = account.idNumber() == null || account.idNumber().isBlank() ? null
                : IdNumber.parse(account.idNumber());
        UserAccount user = new UserAccount(username, encoder.encode(account.password()), account.fullName().strip(),
                blankToNull(account.email()), blankToNull(account.phone()), account.organizationId(), account.roles(),
                clock.instant());
        if (idNumber != null) {
            user.idNumber(cipher.encrypt(idNumber.value()), idNumber.masked());
        }
        users.save(user);
        events.publishEvent(new AccountEvent(actor, "ACCOUNT_CREATED", user.id(), username, clientAddress,
                AccountEvent.SUCCESS, "roles=" + account.roles()));
        return view(user);
    }

    /** The first system admin and the password to give them, shown once. */
    public record Bootstrapped(AccountView admin, String oneTimePassword) {
    }

    /** Why the first-start bootstrap did nothing. */
    public static class BootstrapRefused extends RuntimeException {

        BootstrapRefused(String message) {
            super(message);
        }
    }

    /**
     * The production first start: creates the first system admin with a generated one-time password, which they
     * must change at their first sign-in (after enrolling the second factor). Refused when any account belonging to
     * no organisation (staff or expert) exists, when the bootstrap ran before, or when the name or address is wrong.
     */
    @Transactional
    public Bootstrapped bootstrapFirstAdmin(String username, String fullName, String email) {
        long staff = users.countByOrganizationIdIsNull();
        if (staff > 0) {
            throw new BootstrapRefused(staff + " staff account(s) exist already; the first system admin is created only "
                    + "in a database without staff. Further staff accounts are created by the system admin at /admin/staff.");
        }
        Optional<BootstrapRecord> earlier = bootstraps.findById(1);
        if (earlier.isPresent()) {
            throw new BootstrapRefused("the bootstrap ran already (" + earlier.get().username() + ", "
                    + earlier.get().createdAt() + ")");
        }
        String name = normalized(username);
        String password = oneTimePassword(name);
        NewAccount account = new NewAccount(name, password, fullName == null || fullName.isBlank() ? name : fullName,
                email, null, null, Set.of(Role.SYSTEM_ADMIN), null);
        List<Violation> violations = check(account);
        if (!violations.isEmpty()) {
            throw new BootstrapRefused("the account cannot be created: " + violations.stream()
                    .map(v -> v.field() + " " + v.code()).toList());
        }
        // Written and flushed first: a bootstrap running at the same time on another machine fails here.
        bootstraps.saveAndFlush(new BootstrapRecord(name, clock.instant()));
        AccountView created = create(account, "bootstrap", null);
        require(created.id()).requirePasswordChange();
        events.publishEvent(new AccountEvent("bootstrap", "ACCOUNT_BOOTSTRAPPED", created.id(), name, null,
                AccountEvent.SUCCESS, "first system admin, one-time password to be changed at first sign-in"));
        return new Bootstrapped(created, password);
    }

    private static final String UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final String LOWER = "abcdefghijkmnpqrstuvwxyz";
    private static final String DIGITS = "23456789";
    private static final String SYMBOLS = "#%+-=@";

    /** 20 characters of all four classes (about 120 bits), passing the password policy for this user name. */
    private String oneTimePassword(String username) {
        java.security.SecureRandom random = new java.security.SecureRandom();
        String all = UPPER + LOWER + DIGITS + SYMBOLS;
        while (true) {
            List<Character> chars = new ArrayList<>();
            for (String group : List.of(UPPER, LOWER, DIGITS, SYMBOLS)) {
                chars.add(group.charAt(random.nextInt(group.length())));
            }
            while (chars.size() < 20) {
                chars.add(all.charAt(random.nextInt(all.length())));
            }
            java.util.Collections.shuffle(chars, random);
            StringBuilder out = new StringBuilder();
            chars.forEach(out::append);
            if (policy.check("password", username, out.toString()).isEmpty()) {
                return out.toString();
            }
        }
    }

    /** The link's secret, to be mailed (it is kept only as a digest), and when it stops working. */
    public record PendingToken(String token, Instant expiresAt) {
    }

    /** What the page of a pending account may show its holder. */
    public record PendingView(Long organizationId, String fullName, Instant expiresAt, int attemptsLeft) {
    }

    /**
     * Keeps an account whose user name was taken until its holder chooses another through a single-use link: the
     * rest of {@code account} (password included) must already pass {@link #check}; its user name is not kept.
     */
    @Transactional
    public PendingToken holdPending(NewAccount account, String clientAddress) {
        if (account.roles() == null || account.roles().size() != 1 || account.email() == null
                || account.email().isBlank()) {
            throw new IllegalArgumentException("a pending account has one role and an e-mail address");
        }
        byte[] secret = new byte[32];
        new java.security.SecureRandom().nextBytes(secret);
        String token = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Instant now = clock.instant();
        Instant expires = now.plus(registration.confirmationValidity());
        PendingAccount pending = pendingAccounts.save(new PendingAccount(digest(token), encoder.encode(account.password()),
                account.fullName().strip(), account.email().strip(), blankToNull(account.phone()),
                account.organizationId(), account.roles().iterator().next(), now, expires));
        events.publishEvent(new AccountEvent("anonymous", "ACCOUNT_PENDING", null, "pending-" + pending.id(),
                clientAddress, AccountEvent.SUCCESS, "user name taken; a link to choose another was mailed"));
        return new PendingToken(token, expires);
    }

    /** The pending account of a link that still works. */
    @Transactional(readOnly = true)
    public Optional<PendingView> pending(String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return pendingAccounts.findByTokenHash(digest(token.strip()))
                .filter(p -> p.open(now, registration.nameAttempts()))
                .map(p -> new PendingView(p.organizationId(), p.fullName(), p.expiresAt(),
                        registration.nameAttempts() - p.attempts()));
    }

    /**
     * The holder of the link chooses the user name: the account is created with the password given at
     * registration. Each try counts, also a refused one, so one link cannot be used to probe many names.
     */
    @Transactional(noRollbackFor = FieldViolationException.class)
    public AccountView confirmPending(String token, String username, String clientAddress) {
        Instant now = clock.instant();
        PendingAccount pending = token == null || token.isBlank() || token.length() > 100 ? null
                : pendingAccounts.lockByTokenHash(digest(token.strip())).orElse(null);
        if (pending == null || !pending.open(now, registration.nameAttempts())) {
            throw new NotFoundException("account.pending.notFound");
        }
        pending.attempt();
        String name = normalized(username);
        if (!USERNAME.matcher(name).matches()) {
            throw new FieldViolationException("username", "FORMAT", "account.username.FORMAT");
        }
        if (users.existsByUsernameIgnoreCase(name)) {
            events.publishEvent(new AccountEvent("anonymous", "ACCOUNT_PENDING_NAME_TAKEN", null, "pending-" + pending.id(),
                    clientAddress, AccountEvent.FAILURE, "try " + pending.attempts() + " of " + registration.nameAttempts()));
            throw new FieldViolationException("username", "DUPLICATE", "account.username.DUPLICATE");
        }
        UserAccount user = users.save(new UserAccount(name, pending.passwordHash(), pending.fullName(), pending.email(),
                pending.phone(), pending.organizationId(), Set.of(pending.role()), now));
        pending.used(user.id(), now);
        events.publishEvent(new AccountEvent(name, "ACCOUNT_CREATED", user.id(), name, clientAddress,
                AccountEvent.SUCCESS, "roles=" + user.roles() + " after e-mail confirmation"));
        return view(user);
    }

    private static String digest(String token) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Transactional(readOnly = true)
    public Optional<AccountView> find(Long id) {
        return users.findById(id).map(this::view);
    }

    @Transactional(readOnly = true)
    public Optional<AccountView> findByUsername(String username) {
        return users.findByUsernameIgnoreCase(username).map(this::view);
    }

    /** The user's resident ID number, decrypted, for eligibility checks only; never to be shown or logged. */
    @Transactional(readOnly = true)
    public Optional<String> idNumberOf(Long userId) {
        return users.findById(userId).map(UserAccount::idNumberEncrypted).map(cipher::decrypt);
    }

    /** Someone to write to: their address and the language they read (zh-CN when not chosen). */
    public record Recipient(Long id, String username, String fullName, String email, String language) {
    }

    /** The recipient with this id, when the account exists and is enabled. */
    @Transactional(readOnly = true)
    public Optional<Recipient> recipient(Long userId) {
        return userId == null ? Optional.empty() : users.findById(userId).filter(UserAccount::enabled).map(this::recipient);
    }

    /** The enabled people holding a role; of one organisation when {@code organizationId} is given. */
    @Transactional(readOnly = true)
    public List<Recipient> recipientsWithRole(Role role, Long organizationId) {
        // By organisation in the query: with 10,000 organisations, loading every admin to keep one organisation's
        // filled the notification's persistence context with 10,000 accounts that every later flush checked
        // (15 % of the server's CPU in the deadline rush, docs/performance.md).
        return (organizationId == null ? users.findEnabledWithRole(role) : users.findEnabledWithRoleIn(role, organizationId))
                .stream()
                .sorted(java.util.Comparator.comparing(UserAccount::id)).map(this::recipient).toList();
    }

    /** The enabled recommenders acting for a recommending department. */
    @Transactional(readOnly = true)
    public List<Recipient> recommendersOf(String departmentCode) {
        if (departmentCode == null) {
            return List.of();
        }
        return users.findEnabledWithRoleForDepartment(Role.RECOMMENDER, departmentCode).stream()
                .sorted(java.util.Comparator.comparing(UserAccount::id)).map(this::recipient).toList();
    }

    /** The security admin names the recommending department a recommender acts for. */
    @Transactional
    public void assignDepartment(Long userId, String departmentCode, String actor, String clientAddress) {
        UserAccount user = require(userId);
        String before = user.departmentCode();
        user.department(departmentCode == null || departmentCode.isBlank() ? null : departmentCode.strip());
        events.publishEvent(new AccountEvent(actor, "DEPARTMENT_CHANGED", user.id(), user.username(), clientAddress,
                AccountEvent.SUCCESS, before + " -> " + user.departmentCode()));
    }

    /** The user chooses the language their mail is written in. */
    @Transactional
    public void chooseLanguage(Long userId, String languageTag) {
        require(userId).language(switch (languageTag == null ? "" : languageTag) {
            case "en", "ru" -> languageTag;
            default -> "zh-CN";
        });
    }

    private Recipient recipient(UserAccount user) {
        return new Recipient(user.id(), user.username(), user.fullName(), user.email(),
                user.language() == null ? "zh-CN" : user.language());
    }

    /** The people of one organisation. */
    @Transactional(readOnly = true)
    public List<AccountView> membersOf(Long organizationId) {
        return users.findByOrganizationIdOrderByUsername(organizationId).stream().map(this::view).toList();
    }

    /** The office's accounts: everyone who belongs to no organisation. */
    @Transactional(readOnly = true)
    public List<AccountView> staff() {
        return users.findByOrganizationIdIsNullOrderByUsername().stream().map(this::view).toList();
    }

    /** An admin sets a new password for someone else (who should change it after signing in). */
    @Transactional
    public void resetPassword(Long userId, String newPassword, String actor, String clientAddress) {
        UserAccount user = require(userId);
        List<Violation> violations = policy.check("password", user.username(), newPassword);
        if (!violations.isEmpty()) {
            throw new FieldViolationException(violations);
        }
        user.changePassword(encoder.encode(newPassword), clock.instant());
        user.unlock();
        lockouts.clear(userId);
        events.publishEvent(new AccountEvent(actor, "PASSWORD_RESET", user.id(), user.username(), clientAddress,
                AccountEvent.SUCCESS, null));
    }

    /**
     * A user changes their own password, proving the current one. A refusal changes nothing but is still audited,
     * so it must not roll back the audit entry written in this transaction.
     */
    @Transactional(noRollbackFor = FieldViolationException.class)
    public void changeOwnPassword(String username, String currentPassword, String newPassword, String clientAddress) {
        UserAccount user = users.findByUsernameIgnoreCase(username)
                .orElseThrow(() -> new NotFoundException("account.notFound"));
        if (currentPassword == null || !encoder.matches(currentPassword, user.passwordHash())) {
            events.publishEvent(new AccountEvent(username, "PASSWORD_CHANGE", user.id(), username, clientAddress,
                    AccountEvent.FAILURE, "current password wrong"));
            throw new FieldViolationException("currentPassword", "WRONG", "account.currentPassword.WRONG");
        }
        List<Violation> violations = new ArrayList<>(policy.check("newPassword", username, newPassword));
        if (violations.isEmpty() && encoder.matches(newPassword, user.passwordHash())) {
            violations.add(new Violation("newPassword", "SAME", "account.newPassword.SAME"));
        }
        if (!violations.isEmpty()) {
            throw new FieldViolationException(violations);
        }
        user.changePassword(encoder.encode(newPassword), clock.instant());
        events.publishEvent(new AccountEvent(username, "PASSWORD_CHANGE", user.id(), username, clientAddress,
                AccountEvent.SUCCESS, null));
    }

    @Transactional
    public void deactivate(Long userId, String actor, String clientAddress) {
        UserAccount user = require(userId);
        user.deactivate();
        events.publishEvent(new AccountEvent(actor, "ACCOUNT_DEACTIVATED", user.id(), user.username(), clientAddress,
                AccountEvent.SUCCESS, null));
    }

    /** The security admin changes a staff member's roles; admin duties stay separated. */
    @Transactional
    public AccountView assignRoles(Long userId, Set<Role> roles, String actor, String clientAddress) {
        UserAccount user = require(userId);
        List<Violation> violations = roleViolations(roles, user.organizationId());
        if (!violations.isEmpty()) {
            throw new FieldViolationException(violations);
        }
        Set<Role> before = user.roles();
        user.assignRoles(roles);
        events.publishEvent(new AccountEvent(actor, "ROLES_CHANGED", user.id(), user.username(), clientAddress,
                AccountEvent.SUCCESS, before + " -> " + roles));
        return view(user);
    }

    /** The security admin ends every lock of the account: for every address, and for the account as a whole. */
    @Transactional
    public void unlock(Long userId, String actor, String clientAddress) {
        UserAccount user = require(userId);
        user.unlock();
        lockouts.clear(userId);
        events.publishEvent(new AccountEvent(actor, "ACCOUNT_UNLOCKED", user.id(), user.username(), clientAddress,
                AccountEvent.SUCCESS, null));
    }

    /** The user's last ten successful sign-ins, newest first. */
    @Transactional(readOnly = true)
    public List<LoginRecord> recentSignIns(Long userId) {
        return logins.findTop10ByUserIdAndOutcomeOrderByAtDesc(userId, LoginEvent.Outcome.SUCCESS).stream()
                .map(e -> new LoginRecord(e.at(), e.clientAddress(), e.outcome().name())).toList();
    }

    /** The user's last ten failed attempts (wrong password, locked, wrong second factor), newest first. */
    @Transactional(readOnly = true)
    public List<LoginRecord> recentFailures(Long userId) {
        return logins.findTop10ByUserIdAndOutcomeNotOrderByAtDesc(userId, LoginEvent.Outcome.SUCCESS).stream()
                .map(e -> new LoginRecord(e.at(), e.clientAddress(), e.outcome().name())).toList();
    }

    private List<Violation> roleViolations(Set<Role> roles, Long organizationId) {
        List<Violation> violations = new ArrayList<>();
        if (roles == null || roles.isEmpty()) {
            violations.add(new Violation("roles", "REQUIRED", "account.roles.REQUIRED"));
            return violations;
        }
        Set<Role> allowed = organizationId == null ? Role.STAFF_ROLES : Role.ORGANIZATION_ROLES;
        roles.stream().filter(r -> !allowed.contains(r)).sorted().forEach(wrong -> violations.add(new Violation("roles",
                organizationId == null ? "NOT_STAFF" : "NOT_ORGANIZATION",
                organizationId == null ? "account.roles.NOT_STAFF" : "account.roles.NOT_ORGANIZATION", roleName(wrong))));
        for (SeparationOfDuties.Conflict conflict : SeparationOfDuties.conflicts(roles)) {
            violations.add(new Violation("roles", "SEPARATION_OF_DUTIES", "account.roles.SEPARATION_OF_DUTIES",
                    roleName(conflict.first()), roleName(conflict.second())));
        }
        return violations;
    }

    /** A role's name in the reader's language, resolved where the message is shown (never the enum's name). */
    private static MessageSourceResolvable roleName(Role role) {
        return new DefaultMessageSourceResolvable("role." + role.name());
    }

    private UserAccount require(Long userId) {
        return users.findById(userId).orElseThrow(() -> new NotFoundException("account.notFound"));
    }

    private AccountView view(UserAccount u) {
        Instant now = clock.instant();
        return new AccountView(u.id(), u.username(), u.fullName(), u.email(), u.phone(), u.organizationId(), u.roles(),
                u.enabled(), u.isLocked(now) || u.isPasswordLocked(now), u.idNumberMasked(), u.createdAt());
    }

    private static String normalized(String username) {
        return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
