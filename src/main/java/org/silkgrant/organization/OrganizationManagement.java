package org.silkgrant.organization;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.silkgrant.account.AccountManagement;
import org.silkgrant.account.AccountView;
import org.silkgrant.account.NewAccount;
import org.silkgrant.account.Role;
import org.silkgrant.account.SecurityProperties;
import org.silkgrant.shared.CreditCode;
import org.silkgrant.shared.DivisionCode;
import org.silkgrant.shared.Divisions;
import org.silkgrant.shared.FieldViolationException;
import org.silkgrant.shared.FieldViolationException.Violation;
import org.silkgrant.shared.InvalidIdentifierException;
import org.silkgrant.shared.LikePattern;
import org.silkgrant.shared.NotFoundException;
import org.silkgrant.shared.StateConflictException;
import org.silkgrant.shared.TooManyRequestsException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registration of organisations (condition C1: enterprises and public institutions registered in the region),
 * their verification by the program office, and the office's queue.
 */
@Service
public class OrganizationManagement {

    private final OrganizationRepository organizations;
    private final AccountManagement accounts;
    private final Divisions divisions;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    /** Registrations accepted per client address and hour. */
    private final Quota<String> registrations;
    /** Taken user names an unverified organisation's admin has been told of, per day. */
    private final Quota<Long> takenNames;

    OrganizationManagement(OrganizationRepository organizations, AccountManagement accounts,
            RegionProperties region, ApplicationEventPublisher events, Clock clock, SecurityProperties security) {
        this.registrations = new Quota<>(security.registration().addressMaxPerHour(), Duration.ofHours(1), clock);
        this.takenNames = new Quota<>(security.registration().unverifiedTakenNames(), Duration.ofDays(1), clock);
        this.organizations = organizations;
        this.accounts = accounts;
        this.divisions = Divisions.load(region.divisionPrefix());
        this.events = events;
        this.clock = clock;
    }

    /** The region's divisions, for the registration form. */
    public Divisions divisions() {
        return divisions;
    }

    /** Registers in Chinese, with no client address (the demo seed). */
    @Transactional
    public OrganizationView register(Registration registration, String clientAddress) {
        return register(registration, clientAddress, "zh-CN");
    }

    /**
     * Registers an organisation and its first admin after checking every field; all problems are reported at once
     * and nothing is saved unless everything passes. The answer never depends on whether the admin's user name is
     * taken (docs/security.md, "No user enumeration"): when it is free the account is created at once; when it is
     * taken the organisation is registered all the same, the admin's account waits, and a single-use link to choose
     * another name is mailed to the address given. Only the checks of the input itself are field errors — and the
     * duplicate credit code, which concerns the organisation, a public register's entry, not an account.
     *
     * @param language the language of the registration, for the mail (zh-CN, en or ru)
     */
    @Transactional
    public OrganizationView register(Registration registration, String clientAddress, String language) {
        if (registrations.exhausted(clientAddress)) {
            throw new TooManyRequestsException("register.throttled");
        }
        List<Violation> violations = new ArrayList<>();
        if (registration.name() == null || registration.name().isBlank()) {
            violations.add(new Violation("name", "REQUIRED", "organization.name.REQUIRED"));
        }
        if (registration.type() == null) {
            violations.add(new Violation("type", "REQUIRED", "organization.type.REQUIRED"));
        }
        CreditCode code = null;
        try {
            code = CreditCode.parse(registration.creditCode());
        } catch (InvalidIdentifierException e) {
            violations.add(new Violation("creditCode", e.code(), e.messageKey()));
        }
        if (code != null) {
            if (!code.registeredIn(divisions.prefix())) {
                violations.add(new Violation("creditCode", "NOT_IN_REGION", "organization.creditCode.NOT_IN_REGION",
                        code.divisionCode()));
            } else if (registration.type() != null && !registration.type().fits(code.category())) {
                violations.add(new Violation("creditCode", "TYPE_MISMATCH", "organization.creditCode.TYPE_MISMATCH",
                        code.category(), registration.type().creditCategory()));
            } else if (organizations.existsByCreditCode(code.value())) {
                violations.add(new Violation("creditCode", "DUPLICATE", "organization.creditCode.DUPLICATE"));
            }
        }
        DivisionCode division = null;
        try {
            division = divisions.require(registration.divisionCode() == null ? null : registration.divisionCode().strip());
        } catch (InvalidIdentifierException e) {
            violations.add(new Violation("divisionCode", e.code(), e.messageKey()));
        }
        if (division != null && code != null && code.registeredIn(divisions.prefix()) && !divisions.agrees(division, code)) {
            violations.add(new Violation("divisionCode", "MISMATCH", "organization.divisionCode.MISMATCH",
                    code.divisionCode()));
        }
        if (registration.address() == null || registration.address().isBlank()) {
            violations.add(new Violation("address", "REQUIRED", "organization.address.REQUIRED"));
        }
        Registration.Admin admin = registration.admin() == null
                ? new Registration.Admin(null, null, null, null, null) : registration.admin();
        if (admin.email() == null || admin.email().isBlank()) {
            // The address is where a taken user name is resolved, so registration needs it.
            violations.add(new Violation("admin.email", "REQUIRED", "organization.admin.email.REQUIRED"));
        }
        NewAccount adminAccount = new NewAccount(admin.username(), admin.password(), admin.fullName(), admin.email(),
                admin.phone(), Long.MIN_VALUE, Set.of(Role.ORG_ADMIN), null);
        boolean nameTaken = false;
        for (Violation v : accounts.check(adminAccount)) {
            if ("username".equals(v.field()) && "DUPLICATE".equals(v.code())) {
                nameTaken = true;
            } else {
                violations.add(new Violation("admin." + v.field(), v.code(), v.messageKey(), v.arguments()));
            }
        }
        if (!violations.isEmpty()) {
            throw new FieldViolationException(violations);
        }
        Organization organization = organizations.save(new Organization(registration.name().strip(), code.value(),
                registration.type(), division.code(), registration.address().strip(), clock.instant()));
        NewAccount account = new NewAccount(admin.username(), admin.password(), admin.fullName(), admin.email(),
                admin.phone(), organization.id(), Set.of(Role.ORG_ADMIN), null);
        String lang = "en".equals(language) || "ru".equals(language) ? language : "zh-CN";
        if (nameTaken) {
            AccountManagement.PendingToken token = accounts.holdPending(account, clientAddress);
            events.publishEvent(new RegistrationReceived(organization.id(), organization.name(), admin.email().strip(),
                    admin.fullName().strip(), lang, null, token.token(), token.expiresAt()));
        } else {
            AccountView created = accounts.create(account, admin.username(), clientAddress);
            events.publishEvent(new RegistrationReceived(organization.id(), organization.name(), admin.email().strip(),
                    admin.fullName().strip(), lang, created.username(), null, null));
        }
        events.publishEvent(new OrganizationEvent(nameTaken ? "anonymous" : admin.username(), "ORGANIZATION_REGISTERED",
                organization.id(), organization.name(), organization.status(),
                nameTaken ? "admin account waits for its e-mail confirmation" : null, clientAddress));
        registrations.record(clientAddress);
        return view(organization);
    }

    /**
     * The organisation admin opens an account for one of its people. An admin of an organisation the office has
     * not verified yet — anyone can register one — is told that a user name is taken only a few times a day, so
     * account creation cannot serve to list the names that exist.
     */
    @Transactional
    public AccountView addMember(Long organizationId, NewAccount account, String actor, String clientAddress) {
        boolean verified = isVerified(organizationId);
        if (!verified && takenNames.exhausted(organizationId)) {
            throw new TooManyRequestsException("members.takenNamesExhausted");
        }
        try {
            return accounts.create(account, actor, clientAddress);
        } catch (FieldViolationException e) {
            if (!verified && e.violations().stream().anyMatch(v -> "username".equals(v.field())
                    && "DUPLICATE".equals(v.code()))) {
                takenNames.record(organizationId);
            }
            throw e;
        }
    }

    /** The program office's decision on a pending registration. */
    @Transactional
    public OrganizationView decide(Long id, OrganizationStatus decision, String comment, String officer,
            String clientAddress) {
        Organization organization = require(id);
        try {
            organization.decide(decision, comment, officer, clock.instant());
        } catch (IllegalStateException e) {
            throw new StateConflictException("organization.alreadyDecided",
                    org.silkgrant.shared.Label.of("organization.status.", organization.status()));
        }
        events.publishEvent(new OrganizationEvent(officer, decision == OrganizationStatus.VERIFIED
                ? "ORGANIZATION_VERIFIED" : "ORGANIZATION_REJECTED", organization.id(), organization.name(),
                organization.status(), organization.decisionComment(), clientAddress));
        return view(organization);
    }

    @Transactional(readOnly = true)
    public Optional<OrganizationView> find(Long id) {
        return id == null ? Optional.empty() : organizations.findById(id).map(this::view);
    }

    /** The organisation, or not found. */
    public OrganizationView get(Long id) {
        return find(id).orElseThrow(() -> new NotFoundException("organization.notFound"));
    }

    public boolean isVerified(Long id) {
        return find(id).map(OrganizationView::verified).orElse(false);
    }

    /** The office's queue: filtered by status and by a search in name or credit code, oldest registration first. */
    @Transactional(readOnly = true)
    public Page<OrganizationView> search(OrganizationStatus status, String query, int page, int size) {
        String q = query == null || query.isBlank() ? null : query.strip();
        return organizations.search(status, LikePattern.containing(q), PageRequest.of(Math.max(page, 0),
                Math.min(Math.max(size, 1), 100), Sort.by("registeredAt", "id"))).map(this::view);
    }

    private Organization require(Long id) {
        return organizations.findById(id).orElseThrow(() -> new NotFoundException("organization.notFound"));
    }

    private OrganizationView view(Organization o) {
        String divisionName = divisions.find(o.divisionCode()).map(DivisionCode::name).orElse(o.divisionCode());
        return new OrganizationView(o.id(), o.name(), o.creditCode(), o.type(), o.divisionCode(), divisionName,
                o.address(), o.status(), o.decisionComment(), o.decidedBy(), o.decidedAt(), o.registeredAt(), o.version());
    }
}
