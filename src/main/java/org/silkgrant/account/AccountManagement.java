package org.silkgrant.account;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.silkgrant.account.internal.LoginEvent;
import org.silkgrant.account.internal.LoginEventRepository;
import org.silkgrant.account.internal.PasswordPolicy;
import org.silkgrant.account.internal.UserAccount;
import org.silkgrant.account.internal.UserAccountRepository;
import org.silkgrant.shared.FieldViolationException;
import org.silkgrant.shared.FieldViolationException.Violation;
import org.silkgrant.shared.IdNumber;
import org.silkgrant.shared.InvalidIdentifierException;
import org.silkgrant.shared.NotFoundException;
import org.silkgrant.shared.PersonalDataCipher;
import org.springframework.context.ApplicationEventPublisher;
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

    AccountManagement(UserAccountRepository users, LoginEventRepository logins, PasswordPolicy policy,
            PasswordEncoder encoder, PersonalDataCipher cipher, ApplicationEventPublisher events, Clock clock) {
        this.users = users;
        this.logins = logins;
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

    @Transactional
    public void unlock(Long userId, String actor, String clientAddress) {
        UserAccount user = require(userId);
        user.unlock();
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
        if (roles.stream().filter(Role.ADMIN_DUTIES::contains).count() > 1) {
            violations.add(new Violation("roles", "SEPARATION_OF_DUTIES", "account.roles.SEPARATION_OF_DUTIES"));
        }
        Set<Role> allowed = organizationId == null ? Role.STAFF_ROLES : Role.ORGANIZATION_ROLES;
        if (!allowed.containsAll(roles)) {
            EnumSet<Role> wrong = EnumSet.copyOf(roles);
            wrong.removeAll(allowed);
            violations.add(new Violation("roles", organizationId == null ? "NOT_STAFF" : "NOT_ORGANIZATION",
                    organizationId == null ? "account.roles.NOT_STAFF" : "account.roles.NOT_ORGANIZATION", wrong.toString()));
        }
        return violations;
    }

    private UserAccount require(Long userId) {
        return users.findById(userId).orElseThrow(() -> new NotFoundException("account.notFound"));
    }

    private AccountView view(UserAccount u) {
        return new AccountView(u.id(), u.username(), u.fullName(), u.email(), u.phone(), u.organizationId(), u.roles(),
                u.enabled(), u.isLocked(clock.instant()), u.idNumberMasked(), u.createdAt());
    }

    private static String normalized(String username) {
        return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
