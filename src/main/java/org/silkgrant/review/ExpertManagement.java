package org.silkgrant.review;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.silkgrant.account.AccountManagement;
import org.silkgrant.account.AccountView;
import org.silkgrant.account.NewAccount;
import org.silkgrant.account.Role;
import org.silkgrant.call.CallDefinition;
import org.silkgrant.call.CallManagement;
import org.silkgrant.call.CallView;
import org.silkgrant.document.FileStore;
import org.silkgrant.document.StoredFile;
import org.silkgrant.shared.CreditCode;
import org.silkgrant.shared.FieldViolationException;
import org.silkgrant.shared.FieldViolationException.Violation;
import org.silkgrant.shared.InvalidIdentifierException;
import org.silkgrant.shared.LikePattern;
import org.silkgrant.shared.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The expert registry: the program office creates, imports (Excel), edits, searches and deactivates experts; each
 * expert keeps their own profile and declares conflicts of interest. Every expert is an account with the EXPERT
 * role created through {@link AccountManagement}; every change is published as an audited {@link ExpertEvent}.
 */
@Service
public class ExpertManagement {

    /** The media type an import must be by content. */
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    /** An import file's size limit; a few thousand rows are far below it. */
    static final long MAX_IMPORT_BYTES = 5L * 1024 * 1024;
    static final int MAX_KEYWORDS = 20;
    static final int MAX_KEYWORD_LENGTH = 50;

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final Set<String> LANGUAGES = Set.of(Locale.getISOLanguages());
    private static final String PASSWORD_UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final String PASSWORD_LOWER = "abcdefghijkmnpqrstuvwxyz";
    private static final String PASSWORD_DIGITS = "23456789";
    private static final String OFFICER = Role.PROGRAM_OFFICER.name();
    private static final String EXPERT = Role.EXPERT.name();

    private final ExpertRepository experts;
    private final AccountManagement accounts;
    private final CallManagement calls;
    private final FileStore files;
    private final ExpertWorkbook workbook;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    ExpertManagement(ExpertRepository experts, AccountManagement accounts, CallManagement calls, FileStore files,
            ExpertWorkbook workbook, ApplicationEventPublisher events, Clock clock) {
        this.experts = experts;
        this.accounts = accounts;
        this.calls = calls;
        this.files = files;
        this.workbook = workbook;
        this.events = events;
        this.clock = clock;
    }

    // ----------------------------------------------------------------------------------------------------------
    // Reading

    @Transactional(readOnly = true)
    public Optional<ExpertView> find(Long id) {
        return id == null ? Optional.empty() : experts.findById(id).map(this::view);
    }

    /** The expert, or not found. */
    @Transactional(readOnly = true)
    public ExpertView get(Long id) {
        return find(id).orElseThrow(() -> new NotFoundException("expert.notFound"));
    }

    /** The profile of the expert signed in with this account, when there is one. */
    @Transactional(readOnly = true)
    public Optional<ExpertView> findByUser(Long userId) {
        return userId == null ? Optional.empty() : experts.findByUserId(userId).map(this::view);
    }

    /** The office's search, by name then id. */
    @Transactional(readOnly = true)
    public Page<ExpertView> search(ExpertFilter filter, int page, int size) {
        ExpertFilter f = filter == null ? ExpertFilter.all() : filter;
        String organization = blankToNull(f.organization());
        return experts.search(LikePattern.containing(blankToNull(f.name())), LikePattern.containing(organization),
                        organization,
                        f.country() == null || f.country().isBlank() ? null : f.country().strip().toUpperCase(Locale.ROOT),
                        f.active(), blankToNull(f.field()), LikePattern.containing(blankToNull(f.keyword())),
                        PageRequest.of(Math.max(page, 0), Math.min(Math.max(size, 1), 100), Sort.by("fullName", "id")))
                .map(this::view);
    }

    /** Every active expert with fields, keywords and declared conflicts: the pool an assignment draws from. */
    @Transactional(readOnly = true)
    public List<ExpertView> activeExperts() {
        return experts.findByActiveTrueOrderById().stream().map(this::view).toList();
    }

    /** The fields experts may name: those of every call, each code once, in the calls' order. */
    @Transactional(readOnly = true)
    public List<CallDefinition.Item> fields() {
        Map<String, CallDefinition.Item> fields = new LinkedHashMap<>();
        for (CallView call : calls.calls()) {
            for (CallDefinition.Item item : call.definition().fields()) {
                fields.putIfAbsent(item.code(), item);
            }
        }
        return List.copyOf(fields.values());
    }

    // ----------------------------------------------------------------------------------------------------------
    // The office's registry

    /**
     * The office creates one expert and their EXPERT account. {@code username} and {@code password} may be blank:
     * the user name is then made from the e-mail address and a password generated, both returned to hand over.
     * All field errors come at once; nothing is saved unless every field passes.
     */
    @Transactional
    public CreatedExpert create(ExpertForm form, String username, String password, String actor, String clientAddress) {
        List<Violation> violations = new ArrayList<>();
        ExpertForm.Normalized profile = normalize(form, knownFieldCodes(), null, violations);
        boolean generatedName = username == null || username.isBlank();
        String name = generatedName ? (profile == null || profile.email() == null ? "" : usernameFrom(profile.email(), Set.of()))
                : username.strip();
        boolean generatedPassword = password == null || password.isEmpty();
        String secret = generatedPassword ? generatedPassword() : password;
        accounts.check(new NewAccount(name, secret, form.fullName(), form.email(), null, null, Set.of(Role.EXPERT), null))
                .stream()
                .filter(v -> !(v.field().equals("email") || v.field().equals("fullName")))
                .filter(v -> !(generatedName && v.field().equals("username") && profile == null))
                .forEach(violations::add);
        if (!violations.isEmpty()) {
            throw new FieldViolationException(violations);
        }
        Expert expert = createChecked(profile, name, secret, actor, clientAddress, "created");
        return new CreatedExpert(view(expert), name, generatedPassword ? secret : null);
    }

    /** The office changes an expert's profile; {@code expectedVersion} is the version the change started from. */
    @Transactional
    public ExpertView update(Long id, ExpertForm form, long expectedVersion, String actor, String clientAddress) {
        Expert expert = require(id);
        return change(expert, form, expectedVersion, actor, OFFICER, clientAddress);
    }

    /** Takes the expert out of future assignments; the account still signs in to finish what it holds. */
    @Transactional
    public ExpertView deactivate(Long id, String actor, String clientAddress) {
        return setActive(id, false, actor, clientAddress);
    }

    /** Brings a deactivated expert back into the pool. */
    @Transactional
    public ExpertView reactivate(Long id, String actor, String clientAddress) {
        return setActive(id, true, actor, clientAddress);
    }

    private ExpertView setActive(Long id, boolean active, String actor, String clientAddress) {
        Expert expert = require(id);
        if (expert.active() != active) {
            expert.active(active, clock.instant());
            events.publishEvent(new ExpertEvent(actor, OFFICER, active ? "EXPERT_REACTIVATED" : "EXPERT_DEACTIVATED",
                    expert.id(), clientAddress, "SUCCESS", null));
        }
        return view(experts.saveAndFlush(expert));
    }

    // ----------------------------------------------------------------------------------------------------------
    // Excel import

    /** The import template: the header row, an example sheet and the call's field codes. */
    @Transactional(readOnly = true)
    public byte[] template(String callCode, Locale locale) {
        return workbook.template(importCall(callCode), locale);
    }

    /**
     * Imports the experts of an Excel file (checked by its content to be .xlsx) against the fields of a call
     * (the first listed when {@code callCode} is blank). Every row is checked first; when any row is bad, every bad
     * row is reported with its reasons and nothing is imported. The refusal itself is audited.
     *
     * @throws ExpertImportException                           with every bad row
     * @throws org.silkgrant.document.UnsupportedFileTypeException when the content is not .xlsx, whatever its name
     * @throws org.silkgrant.document.FileTooLargeException       beyond {@value #MAX_IMPORT_BYTES} bytes
     */
    @Transactional(noRollbackFor = ExpertImportException.class)
    public ImportResult importWorkbook(InputStream content, String fileName, String callCode, String actor,
            String clientAddress) {
        CallView call = importCall(callCode);
        StoredFile file = files.store(content, fileName, MAX_IMPORT_BYTES, Set.of(XLSX));
        List<ExpertWorkbook.Row> rows;
        try (InputStream in = files.open(file.sha256())) {
            rows = workbook.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ExpertImportException e) {
            refused(e, file, actor, clientAddress);
            throw e;
        }
        Set<String> known = fieldCodesOf(call);
        List<ExpertImportException.RowError> errors = new ArrayList<>();
        List<ExpertForm.Normalized> profiles = new ArrayList<>();
        Map<String, Integer> emailRows = new HashMap<>();
        for (ExpertWorkbook.Row row : rows) {
            List<Violation> violations = new ArrayList<>();
            ExpertForm.Normalized profile = normalize(row.form(), known, null, violations);
            String email = normalizedEmail(row.form().email());
            if (email != null && EMAIL.matcher(email).matches()) {
                Integer first = emailRows.putIfAbsent(email, row.number());
                if (first != null) {
                    violations.add(new Violation("email", "DUPLICATE_IN_FILE", "expert.email.DUPLICATE_IN_FILE", first));
                }
            }
            violations.forEach(v -> errors.add(new ExpertImportException.RowError(row.number(), v.field(), v.code(),
                    v.messageKey(), v.arguments())));
            profiles.add(profile);
        }
        if (rows.isEmpty()) {
            errors.add(new ExpertImportException.RowError(2, "file", "EMPTY", "expertImport.file.EMPTY"));
        }
        if (!errors.isEmpty()) {
            ExpertImportException refusal = new ExpertImportException(errors);
            refused(refusal, file, actor, clientAddress);
            throw refusal;
        }
        List<CreatedExpert> created = new ArrayList<>();
        Set<String> taken = new HashSet<>();
        for (ExpertForm.Normalized profile : profiles) {
            String username = usernameFrom(profile.email(), taken);
            taken.add(username);
            String password = generatedPassword();
            Expert expert = createChecked(profile, username, password, actor, clientAddress,
                    "imported from " + file.sha256());
            created.add(new CreatedExpert(view(expert), username, password));
        }
        events.publishEvent(new ExpertEvent(actor, OFFICER, "EXPERTS_IMPORTED", null, clientAddress, "SUCCESS",
                created.size() + " experts from " + file.sha256() + " (call " + call.code() + ")"));
        return new ImportResult(created, file.sha256());
    }

    private void refused(ExpertImportException e, StoredFile file, String actor, String clientAddress) {
        long badRows = e.errors().stream().mapToInt(ExpertImportException.RowError::row).distinct().count();
        events.publishEvent(new ExpertEvent(actor, OFFICER, "EXPERTS_IMPORTED", null, clientAddress, "FAILURE",
                badRows + " bad rows in " + file.sha256()));
    }

    private CallView importCall(String callCode) {
        if (callCode != null && !callCode.isBlank()) {
            return calls.get(callCode.strip());
        }
        return calls.calls().stream().findFirst().orElseThrow(() -> new NotFoundException("call.notFound", ""));
    }

    // ----------------------------------------------------------------------------------------------------------
    // The expert's own profile

    /** The profile of the signed-in expert; not found when the account has none. */
    @Transactional(readOnly = true)
    public ExpertView ownProfile(Long userId) {
        return findByUser(userId).orElseThrow(() -> new NotFoundException("expert.notFound"));
    }

    /** The expert changes their own profile. */
    @Transactional
    public ExpertView updateOwnProfile(Long userId, ExpertForm form, long expectedVersion, String username,
            String clientAddress) {
        Expert expert = experts.findByUserId(userId).orElseThrow(() -> new NotFoundException("expert.notFound"));
        return change(expert, form, expectedVersion, username, EXPERT, clientAddress);
    }

    /** The expert declares a conflict of interest. */
    @Transactional
    public DeclaredConflict declareConflict(Long userId, NewDeclaredConflict conflict, String username,
            String clientAddress) {
        Expert expert = experts.findByUserId(userId).orElseThrow(() -> new NotFoundException("expert.notFound"));
        List<Violation> violations = new ArrayList<>();
        DeclaredConflict.Kind kind = conflict == null ? null : conflict.kind();
        String organizationName = conflict == null ? null : blankToNull(conflict.organizationName());
        String personName = conflict == null ? null : blankToNull(conflict.personName());
        String reason = conflict == null ? null : blankToNull(conflict.reason());
        String code = null;
        if (kind == null) {
            violations.add(new Violation("kind", "REQUIRED", "expert.conflict.kind.REQUIRED"));
        }
        if (conflict != null && conflict.organizationCode() != null && !conflict.organizationCode().isBlank()) {
            try {
                code = CreditCode.parse(conflict.organizationCode()).value();
            } catch (InvalidIdentifierException e) {
                violations.add(new Violation("organizationCode", e.code(), e.messageKey()));
            }
        }
        if (kind == DeclaredConflict.Kind.ORGANIZATION && organizationName == null && code == null
                && (conflict.organizationCode() == null || conflict.organizationCode().isBlank())) {
            violations.add(new Violation("organizationName", "REQUIRED", "expert.conflict.organization.REQUIRED"));
        }
        if (kind == DeclaredConflict.Kind.PERSON) {
            if (personName == null) {
                violations.add(new Violation("personName", "REQUIRED", "expert.conflict.personName.REQUIRED"));
            }
            if (organizationName == null) {
                violations.add(new Violation("organizationName", "REQUIRED", "expert.conflict.personOrganization.REQUIRED"));
            }
        }
        tooLong(violations, "organizationName", organizationName, 200);
        tooLong(violations, "personName", personName, 100);
        if (reason == null) {
            violations.add(new Violation("reason", "REQUIRED", "expert.conflict.reason.REQUIRED"));
        }
        tooLong(violations, "reason", reason, 1000);
        if (!violations.isEmpty()) {
            throw new FieldViolationException(violations);
        }
        ExpertDeclaredConflict declared = expert.declare(kind, organizationName, code,
                kind == DeclaredConflict.Kind.PERSON ? personName : null, reason, clock.instant());
        // Flushed, not saved: merging would persist a copy and leave this declaration without its id.
        experts.flush();
        events.publishEvent(new ExpertEvent(username, EXPERT, "EXPERT_CONFLICT_DECLARED", expert.id(), clientAddress,
                "SUCCESS", kind + " #" + declared.id()));
        return declared.view();
    }

    /** The expert withdraws one of their declarations; another's is not found. */
    @Transactional
    public void withdrawConflict(Long userId, Long conflictId, String username, String clientAddress) {
        Expert expert = experts.findByUserId(userId).orElseThrow(() -> new NotFoundException("expert.notFound"));
        if (!expert.withdraw(conflictId, clock.instant())) {
            throw new NotFoundException("expert.conflict.notFound");
        }
        experts.saveAndFlush(expert);
        events.publishEvent(new ExpertEvent(username, EXPERT, "EXPERT_CONFLICT_WITHDRAWN", expert.id(), clientAddress,
                "SUCCESS", "#" + conflictId));
    }

    // ----------------------------------------------------------------------------------------------------------
    // Demo data

    /** Gives an existing EXPERT account a profile (the demo data's {@code expert}); nothing if it has one. */
    @Transactional
    ExpertView profileForExistingAccount(Long userId, ExpertForm form, String actor) {
        Optional<Expert> existing = experts.findByUserId(userId);
        if (existing.isPresent()) {
            return view(existing.get());
        }
        List<Violation> violations = new ArrayList<>();
        ExpertForm.Normalized profile = normalize(form, knownFieldCodes(), null, violations);
        if (!violations.isEmpty()) {
            throw new FieldViolationException(violations);
        }
        Expert expert = experts.saveAndFlush(new Expert(userId, profile, clock.instant()));
        events.publishEvent(new ExpertEvent(actor, null, "EXPERT_CREATED", expert.id(), null, "SUCCESS",
                "profile for an existing account"));
        return view(expert);
    }

    // ----------------------------------------------------------------------------------------------------------

    private Expert createChecked(ExpertForm.Normalized profile, String username, String password, String actor,
            String clientAddress, String how) {
        AccountView account = accounts.create(new NewAccount(username, password, profile.fullName(), profile.email(),
                null, null, Set.of(Role.EXPERT), null), actor, clientAddress);
        Expert expert = experts.saveAndFlush(new Expert(account.id(), profile, clock.instant()));
        events.publishEvent(new ExpertEvent(actor, OFFICER, "EXPERT_CREATED", expert.id(), clientAddress, "SUCCESS",
                how));
        return expert;
    }

    private ExpertView change(Expert expert, ExpertForm form, long expectedVersion, String actor, String role,
            String clientAddress) {
        if (expert.version() != expectedVersion) {
            throw new ObjectOptimisticLockingFailureException(Expert.class, expert.id());
        }
        List<Violation> violations = new ArrayList<>();
        Set<String> known = new HashSet<>(knownFieldCodes());
        // A field a call no longer lists may stay on a profile that already had it.
        known.addAll(expert.fields());
        ExpertForm.Normalized profile = normalize(form, known, expert.id(), violations);
        if (!violations.isEmpty()) {
            throw new FieldViolationException(violations);
        }
        String changed = changedParts(expert, profile);
        expert.change(profile, clock.instant());
        Expert saved = experts.saveAndFlush(expert);
        events.publishEvent(new ExpertEvent(actor, role, "EXPERT_PROFILE_CHANGED", saved.id(), clientAddress,
                "SUCCESS", changed));
        return view(saved);
    }

    /** The names of the parts that change, for the audit record (no values: they are personal data). */
    private static String changedParts(Expert e, ExpertForm.Normalized p) {
        List<String> parts = new ArrayList<>();
        if (!e.fullName().equals(p.fullName())) parts.add("fullName");
        if (!e.organizationName().equals(p.organizationName())) parts.add("organizationName");
        if (!java.util.Objects.equals(e.organizationCode(), p.organizationCode())) parts.add("organizationCode");
        if (!e.country().equals(p.country())) parts.add("country");
        if (!java.util.Objects.equals(e.title(), p.title())) parts.add("title");
        if (!new TreeSet<>(e.fields()).equals(new TreeSet<>(p.fields()))) parts.add("fields");
        if (!new TreeSet<>(e.keywords()).equals(new TreeSet<>(p.keywords()))) parts.add("keywords");
        if (!new TreeSet<>(e.languages()).equals(new TreeSet<>(p.languages()))) parts.add("languages");
        if (!e.email().equals(p.email())) parts.add("email");
        return parts.isEmpty() ? "no change" : "changed " + String.join(", ", parts);
    }

    /**
     * Checks a profile, adding one violation per broken rule to {@code violations}; the normalised profile, or null
     * when something is wrong. {@code self} is the expert being changed (its own e-mail is no duplicate).
     */
    ExpertForm.Normalized normalize(ExpertForm form, Set<String> knownFields, Long self, List<Violation> violations) {
        int before = violations.size();
        String fullName = blankToNull(form.fullName());
        required(violations, "fullName", fullName);
        tooLong(violations, "fullName", fullName, 100);
        String organizationName = blankToNull(form.organizationName());
        required(violations, "organizationName", organizationName);
        tooLong(violations, "organizationName", organizationName, 200);
        String country = blankToNull(form.country()) == null ? null : form.country().strip().toUpperCase(Locale.ROOT);
        if (country == null) {
            violations.add(new Violation("country", "REQUIRED", "expert.country.REQUIRED"));
        } else if (!COUNTRIES.contains(country)) {
            violations.add(new Violation("country", "UNKNOWN", "expert.country.UNKNOWN", country));
        }
        String rawCode = blankToNull(form.organizationCode());
        String organizationCode = null;
        if ("CN".equals(country) || (rawCode != null && country != null && !COUNTRIES.contains(country))) {
            try {
                organizationCode = CreditCode.parse(rawCode).value();
            } catch (InvalidIdentifierException e) {
                violations.add(new Violation("organizationCode", e.code(), e.messageKey()));
            }
        } else if (rawCode != null && country != null) {
            violations.add(new Violation("organizationCode", "FOREIGN", "expert.organizationCode.FOREIGN"));
        }
        String title = blankToNull(form.title());
        tooLong(violations, "title", title, 100);

        Set<String> fields = new LinkedHashSet<>();
        Set<String> unknownFields = new TreeSet<>();
        for (String code : form.fields()) {
            String c = code.strip().toUpperCase(Locale.ROOT);
            if (c.isEmpty()) {
                continue;
            }
            (knownFields.contains(c) ? fields : unknownFields).add(c);
        }
        if (!unknownFields.isEmpty()) {
            violations.add(new Violation("fields", "UNKNOWN", "expert.fields.UNKNOWN", String.join(", ", unknownFields)));
        } else if (fields.isEmpty()) {
            violations.add(new Violation("fields", "REQUIRED", "expert.fields.REQUIRED"));
        }

        Map<String, String> keywords = new LinkedHashMap<>();
        for (String keyword : form.keywords()) {
            String k = keyword.strip().replaceAll("\\s+", " ");
            if (k.isEmpty()) {
                continue;
            }
            if (k.length() > MAX_KEYWORD_LENGTH) {
                violations.add(new Violation("keywords", "TOO_LONG", "expert.keywords.TOO_LONG", k, MAX_KEYWORD_LENGTH));
            }
            keywords.putIfAbsent(k.toLowerCase(Locale.ROOT), k);
        }
        if (keywords.size() > MAX_KEYWORDS) {
            violations.add(new Violation("keywords", "TOO_MANY", "expert.keywords.TOO_MANY", MAX_KEYWORDS));
        }

        Set<String> languages = new TreeSet<>();
        Set<String> unknownLanguages = new TreeSet<>();
        for (String language : form.languages()) {
            String l = language.strip().toLowerCase(Locale.ROOT);
            if (l.isEmpty()) {
                continue;
            }
            (LANGUAGES.contains(l) ? languages : unknownLanguages).add(l);
        }
        if (!unknownLanguages.isEmpty()) {
            violations.add(new Violation("languages", "UNKNOWN", "expert.languages.UNKNOWN",
                    String.join(", ", unknownLanguages)));
        } else if (languages.isEmpty()) {
            violations.add(new Violation("languages", "REQUIRED", "expert.languages.REQUIRED"));
        }

        String email = normalizedEmail(form.email());
        if (email == null) {
            violations.add(new Violation("email", "REQUIRED", "expert.email.REQUIRED"));
        } else if (!EMAIL.matcher(email).matches() || email.length() > 200) {
            violations.add(new Violation("email", "FORMAT", "expert.email.FORMAT"));
        } else if (self == null ? experts.existsByEmail(email) : experts.existsByEmailAndIdNot(email, self)) {
            violations.add(new Violation("email", "DUPLICATE", "expert.email.DUPLICATE"));
        }
        if (violations.size() > before) {
            return null;
        }
        return new ExpertForm.Normalized(fullName, organizationName, organizationCode, country, title,
                List.copyOf(fields), List.copyOf(keywords.values()), List.copyOf(languages), email);
    }

    private Set<String> knownFieldCodes() {
        Set<String> codes = new HashSet<>();
        fields().forEach(item -> codes.add(item.code()));
        return codes;
    }

    private static Set<String> fieldCodesOf(CallView call) {
        Set<String> codes = new HashSet<>();
        call.definition().fields().forEach(item -> codes.add(item.code()));
        return codes;
    }

    private static void required(List<Violation> violations, String field, String value) {
        if (value == null) {
            violations.add(new Violation(field, "REQUIRED", "expert." + field + ".REQUIRED"));
        }
    }

    private static void tooLong(List<Violation> violations, String field, String value, int max) {
        if (value != null && value.length() > max) {
            violations.add(new Violation(field, "TOO_LONG", "expert.value.TOO_LONG", max));
        }
    }

    /** A free user name from the e-mail's local part: letters, digits, dot, dash, underscore; a number when taken. */
    private String usernameFrom(String email, Collection<String> taken) {
        String local = email.substring(0, Math.max(email.indexOf('@'), 0)).toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9._-]", "");
        local = local.replaceAll("^[._-]+", "");
        if (local.length() < 3) {
            local = "expert" + local;
        }
        if (local.length() > 56) {
            local = local.substring(0, 56);
        }
        String candidate = local;
        for (int n = 2; taken.contains(candidate) || accounts.findByUsername(candidate).isPresent(); n++) {
            candidate = local + "-" + n;
        }
        return candidate;
    }

    /** A password meeting the policy (all four character classes), for the office to hand over. */
    private String generatedPassword() {
        List<Character> chars = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            chars.add(PASSWORD_UPPER.charAt(random.nextInt(PASSWORD_UPPER.length())));
            chars.add(PASSWORD_LOWER.charAt(random.nextInt(PASSWORD_LOWER.length())));
            chars.add(PASSWORD_DIGITS.charAt(random.nextInt(PASSWORD_DIGITS.length())));
        }
        chars.add('#');
        chars.add('!');
        java.util.Collections.shuffle(chars, random);
        StringBuilder out = new StringBuilder();
        chars.forEach(out::append);
        return out.toString();
    }

    private Expert require(Long id) {
        return experts.findById(id).orElseThrow(() -> new NotFoundException("expert.notFound"));
    }

    private ExpertView view(Expert e) {
        String username = accounts.find(e.userId()).map(AccountView::username).orElse(null);
        return new ExpertView(e.id(), e.userId(), username, e.fullName(), e.organizationName(), e.organizationCode(),
                e.country(), e.title(), List.copyOf(new TreeSet<>(e.fields())), e.keywords().stream().sorted().toList(),
                List.copyOf(new TreeSet<>(e.languages())),
                e.email(), e.active(), e.conflicts().stream().map(ExpertDeclaredConflict::view).toList(),
                e.createdAt(), e.updatedAt(), e.version());
    }

    private static String normalizedEmail(String email) {
        return email == null || email.isBlank() ? null : email.strip().toLowerCase(Locale.ROOT);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
