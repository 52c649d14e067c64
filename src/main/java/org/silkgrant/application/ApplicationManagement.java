package org.silkgrant.application;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.silkgrant.account.AccountManagement;
import org.silkgrant.account.Role;
import org.silkgrant.account.SilkGrantUser;
import org.silkgrant.application.rules.EligibilityRules;
import org.silkgrant.call.CallDefinition;
import org.silkgrant.call.CallManagement;
import org.silkgrant.call.CallStatus;
import org.silkgrant.call.CallView;
import org.silkgrant.document.FileStore;
import org.silkgrant.document.ReceiptSigner;
import org.silkgrant.document.StoredFile;
import org.silkgrant.integrity.IntegrityList;
import org.silkgrant.organization.OrganizationManagement;
import org.silkgrant.organization.OrganizationView;
import org.silkgrant.shared.FieldViolationException;
import org.silkgrant.shared.NotFoundException;
import org.silkgrant.shared.StateConflictException;
import org.silkgrant.shared.StrictJson;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Applications: created by a project leader for an open call, written section by section without ever
 * overwriting someone else's save, and checked against every rule of the call.
 */
@Service
public class ApplicationManagement {

    /** The most applications one page of the list holds. */
    public static final int MAX_LIST_SIZE = 100;

    private final ApplicationRepository applications;
    private final SectionRepository sections;
    private final CallManagement calls;
    private final OrganizationManagement organizations;
    private final AttachmentRepository attachments;
    private final FileStore files;
    private final JsonMapper json;
    /** For what writers send: {@link #json} with the strict reading of client input. */
    private final JsonMapper strict;
    private final Clock clock;
    private final SubmissionRepository submissions;
    private final ReceiptNumbers receiptNumbers;
    private final ReceiptSigner signer;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final IntegrityList integrity;
    private final AccountManagement accounts;
    private final ApplicationHistory history;
    private final java.util.List<ReadGrants> readGrants;

    ApplicationManagement(ApplicationRepository applications, SectionRepository sections, CallManagement calls,
            OrganizationManagement organizations, AttachmentRepository attachments, FileStore files, JsonMapper json,
            Clock clock, SubmissionRepository submissions, ReceiptNumbers receiptNumbers, ReceiptSigner signer,
            ApplicationEventPublisher events, PlatformTransactionManager transactions, IntegrityList integrity,
            AccountManagement accounts, ApplicationHistory history,
            org.springframework.beans.factory.ObjectProvider<ReadGrants> readGrants) {
        this.history = history;
        this.readGrants = readGrants.orderedStream().toList();
        this.integrity = integrity;
        this.accounts = accounts;
        this.submissions = submissions;
        this.receiptNumbers = receiptNumbers;
        this.signer = signer;
        this.events = events;
        this.transaction = new TransactionTemplate(transactions);
        this.applications = applications;
        this.attachments = attachments;
        this.files = files;
        this.sections = sections;
        this.calls = calls;
        this.organizations = organizations;
        // A draft section is saved as typed. Questions not answered yet are null (never "no": the ethics triggers are
        // Booleans for that); a primitive a future section may add is read leniently rather than refused.
        this.json = json.rebuild().disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES).build();
        this.strict = StrictJson.strict(this.json);
        this.clock = clock;
    }

    /**
     * A leader starts an application to an open call; the title opens the basics section, and the team starts with
     * the leader as 项目负责人 (name, organisation and e-mail as on the account), which LEADER_IS_APPLICANT expects.
     */
    @Transactional
    public ApplicationView create(SilkGrantUser leader, String callCode, String title) {
        if (leader.organizationId() == null || !leader.hasRole(Role.APPLICANT)) {
            throw new StateConflictException("application.onlyLeaders");
        }
        CallView call = calls.get(callCode == null ? "" : callCode);
        if (call.status() != CallStatus.OPEN) {
            throw new StateConflictException("application.callNotOpen", call.code());
        }
        String cleanTitle = checkedTitle(title, call.definition());
        OrganizationView organization = organizations.get(leader.organizationId());
        Application application = applications.saveAndFlush(new Application(call.code(), leader.organizationId(),
                leader.id(), cleanTitle, clock.instant(), organization.name(), organization.type().name(),
                leader.fullName()));
        Section basics = new Section(application.id(), SectionName.BASICS);
        basics.save(json.writeValueAsString(json.createObjectNode().put("title", cleanTitle)), application.version(),
                leader.getUsername(), clock.instant());
        sections.save(basics);
        Section team = new Section(application.id(), SectionName.TEAM);
        team.save(json.writeValueAsString(leaderRow(leader, organization)), application.version(), leader.getUsername(),
                clock.instant());
        sections.save(team);
        return view(application);
    }

    /** The team section of a new application: its leader, as the account and the organisation have it. */
    private ApplicationContent.Team leaderRow(SilkGrantUser leader, OrganizationView organization) {
        String email = accounts.find(leader.id()).map(org.silkgrant.account.AccountView::email).orElse(null);
        return new ApplicationContent.Team(List.of(new ApplicationContent.Member(leader.fullName(),
                ApplicationContent.MemberRole.LEADER, null, organization.name(), email, null)));
    }

    /** The application, when the user may see it: its leader, and its organisation's admin. */
    @Transactional(readOnly = true)
    public ApplicationView get(SilkGrantUser user, Long id) {
        return view(visible(user, id), user);
    }

    /**
     * An application waiting for someone, as reminders and queues need it.
     *
     * @param deadline the deadline of the step it waits at (after a return the revision deadline, with the office's
     *                 extension); null when that step has none
     */
    public record Pending(Long applicationId, String callCode, String title, Long leaderId, Long organizationId,
            String recommendingDepartment, ApplicationStatus status, Instant deadline) {
    }

    /** Every application of a call in one of the states, oldest first (for reminders; no user's view). */
    @Transactional(readOnly = true)
    public List<Pending> inStatus(String callCode, java.util.Collection<ApplicationStatus> statuses) {
        CallView call = calls.get(callCode);
        boolean recommendingStep = !call.definition().recommendingDepartments().isEmpty();
        return applications.findByCallCodeAndStatusInOrderById(callCode, statuses).stream()
                .map(a -> new Pending(a.id(), a.callCode(), a.title(), a.leaderId(), a.organizationId(),
                        a.recommendingDepartment(), a.status(), switch (a.status()) {
                            case DRAFT, RETURNED -> Deadlines.submission(call, a);
                            case SUBMITTED -> Deadlines.orgSignOff(call, a);
                            case ORG_APPROVED -> recommendingStep ? Deadlines.recommendation(call, a) : null;
                            default -> null;
                        }))
                .toList();
    }

    /** The applications the user may see, newest first. */
    @Transactional(readOnly = true)
    public Page<ApplicationView> list(SilkGrantUser user, String callCode, ApplicationStatus status, int page, int size) {
        PageRequest request = org.silkgrant.shared.Paging.of(page, size, MAX_LIST_SIZE,
                Sort.by(Sort.Direction.DESC, "updatedAt", "id"));
        Long leader = user.hasRole(Role.ORG_ADMIN) ? null : user.id();
        if (user.organizationId() == null) {
            return Page.empty(request);
        }
        return applications.search(leader, user.organizationId(), blankToNull(callCode), status, request).map(this::view);
    }

    /**
     * Saves one section. {@code ifMatch} is the application version the writer started from: when someone saved
     * this section since, nothing is written and the writer gets the current section; saves of other sections in
     * between do not stand in the way. Two writers racing from the same version: exactly one wins.
     *
     * @return the application's new version
     */
    @Transactional
    public long saveSection(SilkGrantUser user, Long id, String name, JsonNode body, long ifMatch) {
        Application application = lockedVisible(user, id);
        if (!Objects.equals(application.leaderId(), user.id())) {
            throw new AccessDeniedException("only the application's leader edits it");
        }
        SectionName section = SectionName.of(name).orElseThrow(() -> new NotFoundException("application.section.unknown", name));
        Object content = bind(section, body);
        Optional<Section> saved = sections.findById(new Section.Key(id, section.path()));
        if (ifMatch != application.version() && saved.isPresent() && saved.get().changedInVersion() > ifMatch) {
            throw new SectionConflictException(application.version(), section.path(), read(saved.get().content()),
                    saved.get().updatedBy());
        }
        String newTitle = null;
        if (content instanceof ApplicationContent.Basics basics && basics.title() != null) {
            newTitle = checkedTitle(basics.title(), calls.get(application.callCode()).definition());
        }
        application.edited(newTitle, clock.instant());
        applications.saveAndFlush(application);
        Section target = saved.orElseGet(() -> new Section(id, section));
        target.save(json.writeValueAsString(content), application.version(), user.getUsername(), clock.instant());
        sections.save(target);
        events.publishEvent(new ApplicationActivity(user.getUsername(), roleOf(user, application),
                ApplicationActivity.SECTION_SAVED, id, section.path() + " v" + application.version(),
                org.silkgrant.shared.ClientAddress.current()));
        return application.version();
    }

    /**
     * Attaches a file under one of the call's attachment kinds; its type is decided by content and its size
     * limited as the call says (415 and 413 otherwise).
     */
    @Transactional
    public AttachmentView attach(SilkGrantUser user, Long id, String kind, String fileName, InputStream content) {
        Application application = lockedVisible(user, id);
        if (!Objects.equals(application.leaderId(), user.id())) {
            throw new AccessDeniedException("only the application's leader attaches files");
        }
        CallDefinition.AttachmentKind attachmentKind = calls.get(application.callCode()).definition().attachmentKinds()
                .stream().filter(k -> k.code().equals(kind)).findFirst()
                .orElseThrow(() -> new FieldViolationException("kind", "UNKNOWN", "application.attachment.kind.UNKNOWN"));
        application.edited(null, clock.instant());
        StoredFile stored = files.store(content, fileName, attachmentKind.maxBytes(), Set.copyOf(attachmentKind.mediaTypes()));
        applications.saveAndFlush(application);
        AttachmentView saved = attachments.save(new Attachment(id, attachmentKind.code(), stored, user.getUsername(),
                clock.instant())).view();
        events.publishEvent(new ApplicationActivity(user.getUsername(), roleOf(user, application),
                ApplicationActivity.FILE_UPLOADED, id, attachmentKind.code() + " #" + saved.id() + " sha256=" + saved.sha256(),
                org.silkgrant.shared.ClientAddress.current()));
        return saved;
    }

    /** A file of the application, for those who may see the application. */
    @Transactional(readOnly = true)
    public Download download(SilkGrantUser user, Long id, Long attachmentId) {
        Application application = visible(user, id);
        Attachment attachment = attachments.findById(attachmentId).filter(a -> a.applicationId().equals(id))
                .orElseThrow(() -> new NotFoundException("application.notFound"));
        events.publishEvent(new ApplicationActivity(user.getUsername(), roleOf(user, application),
                ApplicationActivity.FILE_DOWNLOADED, id, "#" + attachmentId, org.silkgrant.shared.ClientAddress.current()));
        return new Download(attachment.fileName(), attachment.mediaType(), files.open(attachment.sha256()));
    }

    /** A file to send: its name, type and content. */
    public record Download(String fileName, String mediaType, InputStream content) {
    }

    /**
     * The leader submits: only before the deadline (the call's, or the revision period after a return, or the
     * office's extension), only when every blocking rule passes (the organisation's verification is one of them).
     * The application is frozen as a canonical JSON snapshot, numbered from the call's sequence, digested with SM3
     * and the receipt line signed with SM2. Each submission is a new version; submitting a version that is already
     * submitted returns its receipt.
     */
    public Receipt submit(SilkGrantUser user, Long id) {
        return submit(user, id, null);
    }

    /**
     * {@link #submit(SilkGrantUser, Long)} of exactly what the leader confirmed: when the application has changed
     * since the confirmation page showed version {@code confirmedVersion} (a save in another tab, an upload), nothing
     * is submitted ({@code 409}) and the leader confirms again. {@code null} skips the comparison (the JSON API).
     */
    public Receipt submit(SilkGrantUser user, Long id, Long confirmedVersion) {
        Application found = visible(user, id);
        if (!Objects.equals(found.leaderId(), user.id())) {
            throw new AccessDeniedException("only the application's leader submits it");
        }
        receiptNumbers.prepare(found.callCode());
        return transaction.execute(status -> {
            Application application = lockedVisible(user, id);
            if (application.status() == ApplicationStatus.SUBMITTED) {
                // A second click on "submit": the same receipt, nothing new.
                return submissions.findTopByApplicationIdOrderByVersionNumberDesc(id).map(Submission::receipt)
                        .orElseThrow(() -> new StateConflictException("application.notEditable", ApplicationStatus.label(application.status())));
            }
            if (!ApplicationStatus.EDITABLE.contains(application.status())) {
                throw new StateConflictException("application.notEditable", ApplicationStatus.label(application.status()));
            }
            if (confirmedVersion != null && confirmedVersion != application.version()) {
                // As text: a version number is an identifier, not an amount to print with thousands separators.
                throw new StateConflictException("application.submit.changedSinceConfirmation",
                        String.valueOf(confirmedVersion), String.valueOf(application.version()));
            }
            CallView call = calls.get(application.callCode());
            // To the microsecond the database keeps: the receipt read back must be the very line that was signed.
            Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
            Instant deadline = Deadlines.submission(call, application);
            if (deadline == null || !now.isBefore(deadline)) {
                throw new StateConflictException("application.deadlinePassed", deadline == null ? "-"
                        : call.local(deadline).toLocalDateTime().toString().replace('T', ' '));
            }
            Checklist checklist = checklist(application, call);
            if (!checklist.ready()) {
                throw new NotReadyException(checklist);
            }
            ApplicationContent content = content(application);
            checkDepartment(call.definition(), content);
            ApplicationStatus from = application.status();
            String number = receiptNumbers.next(call.code());
            application.submitted(now, number, content);
            applications.saveAndFlush(application);
            int versionNumber = application.submittedVersions();
            byte[] snapshot = canonical(json, snapshot(application, checklist, number, now, versionNumber));
            String digest = signer.sm3Hex(snapshot);
            String signature = signer.sign(Receipt.signedLine(number, now, digest).getBytes(StandardCharsets.UTF_8));
            Submission submission = submissions.save(new Submission(id, versionNumber, number, now, user.getUsername(),
                    new String(snapshot, StandardCharsets.UTF_8), digest, signature));
            history.record(application, user, Role.APPLICANT, Action.SUBMIT, from, null, Map.of(), null, now,
                    Deadlines.orgSignOff(call, application));
            return submission.receipt();
        });
    }

    /**
     * What submitting now would freeze, for the leader to confirm first: the version, every section with when and by
     * whom it was last saved (absent: never saved), the attachments with their digests, and the checklist as it
     * stands. Only the leader of an editable application sees it (others: 404 or 403, a submitted one 409).
     */
    @Transactional(readOnly = true)
    public SubmissionPreview submissionPreview(SilkGrantUser user, Long id) {
        Application application = visible(user, id);
        if (!Objects.equals(application.leaderId(), user.id())) {
            throw new AccessDeniedException("only the application's leader submits it");
        }
        if (!ApplicationStatus.EDITABLE.contains(application.status())) {
            throw new StateConflictException("application.notEditable", application.status());
        }
        Map<String, Section> saved = new LinkedHashMap<>();
        sections.findByKeyApplicationId(id).forEach(s -> saved.put(s.name(), s));
        List<SubmissionPreview.SectionState> states = java.util.Arrays.stream(SectionName.values()).map(name -> {
            Section section = saved.get(name.path());
            return section == null ? new SubmissionPreview.SectionState(name.path(), null, null, null)
                    : new SubmissionPreview.SectionState(name.path(), read(section.content()), section.updatedAt(),
                            section.updatedBy());
        }).toList();
        return new SubmissionPreview(application.version(), application.submittedVersions() + 1, states,
                attachments.findByApplicationIdOrderById(id).stream().map(Attachment::view).toList(),
                checklist(application, calls.get(application.callCode())));
    }

    /** The PDF of the application was produced for someone: the audit record keeps who read which version. */
    @Transactional
    public void pdfViewed(SilkGrantUser user, ApplicationView view) {
        Application application = visible(user, view.id());
        events.publishEvent(new ApplicationActivity(user.getUsername(), roleOf(user, application),
                ApplicationActivity.PDF_VIEWED, view.id(), view.submittedVersion() == 0 ? "working copy"
                        : "v" + view.submittedVersion(), org.silkgrant.shared.ClientAddress.current()));
    }

    /** The role in which a reader reads an application, for the audit record. */
    static String roleOf(SilkGrantUser user, Application application) {
        if (Objects.equals(application.leaderId(), user.id())) {
            return Role.APPLICANT.name();
        }
        if (user.hasRole(Role.ORG_ADMIN) && Objects.equals(application.organizationId(), user.organizationId())) {
            return Role.ORG_ADMIN.name();
        }
        if (user.hasRole(Role.PROGRAM_OFFICER)) {
            return Role.PROGRAM_OFFICER.name();
        }
        return user.hasRole(Role.RECOMMENDER) ? Role.RECOMMENDER.name() : null;
    }

    /** When the call has a recommending step, the applicant must have chosen one of its departments. */
    private static void checkDepartment(CallDefinition call, ApplicationContent content) {
        if (call.recommendingDepartments().isEmpty()) {
            return;
        }
        String chosen = content.basics() == null ? null : content.basics().recommendingDepartment();
        if (chosen == null || chosen.isBlank()) {
            throw new FieldViolationException("basics.recommendingDepartment", "REQUIRED",
                    "application.recommendingDepartment.REQUIRED");
        }
        if (call.recommendingDepartments().stream().noneMatch(d -> d.code().equals(chosen))) {
            throw new FieldViolationException("basics.recommendingDepartment", "UNKNOWN",
                    "application.recommendingDepartment.UNKNOWN");
        }
    }

    /** The receipt of the latest submitted version, if there is one. */
    @Transactional(readOnly = true)
    public Optional<Receipt> receipt(SilkGrantUser user, Long id) {
        visible(user, id);
        return submissions.findTopByApplicationIdOrderByVersionNumberDesc(id).map(Submission::receipt);
    }

    /** The public key that checks receipt signatures (PEM). */
    public String receiptPublicKey() {
        return signer.publicKeyPem();
    }

    private ObjectNode snapshot(Application application, Checklist checklist, String number, Instant now,
            int versionNumber) {
        ObjectNode root = json.createObjectNode();
        root.put("receiptNumber", number).put("submittedAt", now.toString()).put("applicationId", application.id())
                .put("versionNumber", versionNumber)
                .put("callCode", application.callCode()).put("title", application.title())
                .put("organizationId", application.organizationId()).put("leaderId", application.leaderId());
        ObjectNode content = root.putObject("sections");
        sections.findByKeyApplicationId(application.id()).forEach(s -> content.set(s.name(), read(s.content())));
        var files = root.putArray("attachments");
        attachments.findByApplicationIdOrderById(application.id()).forEach(a -> files.add(json.valueToTree(a.view())));
        var results = root.putArray("checklist");
        checklist.results().forEach(r -> results.addObject().put("rule", r.rule()).put("passed", r.passed()));
        return root;
    }

    /**
     * Canonical JSON: keys sorted at every level, no spaces, UTF-8 — the same content always gives the same bytes.
     * Package-private for the snapshot benchmark (src/jmh).
     */
    static byte[] canonical(JsonMapper json, JsonNode node) {
        return json.writeValueAsString(sorted(json, node)).getBytes(StandardCharsets.UTF_8);
    }

    private static JsonNode sorted(JsonMapper json, JsonNode node) {
        if (node.isObject()) {
            ObjectNode out = json.createObjectNode();
            new java.util.TreeSet<>(node.propertyNames()).forEach(name -> out.set(name, sorted(json, node.get(name))));
            return out;
        }
        if (node.isArray()) {
            var out = json.createArrayNode();
            node.forEach(element -> out.add(sorted(json, element)));
            return out;
        }
        return node;
    }

    /** Every rule the call runs, judged now. */
    @Transactional(readOnly = true)
    public Checklist checklist(SilkGrantUser user, Long id) {
        Application application = visible(user, id);
        return checklist(application, calls.get(application.callCode()));
    }

    private Checklist checklist(Application application, CallView call) {
        return checklist(application, call, content(application),
                attachments.findByApplicationIdOrderById(application.id()).stream().map(Attachment::reference).toList(),
                clock.instant());
    }

    private Checklist checklist(Application application, CallView call, ApplicationContent content,
            List<RuleContext.AttachmentRef> files, Instant at) {
        OrganizationView organization = organizations.get(application.organizationId());
        RuleContext context = new RuleContext(
                new RuleContext.ApplicantOrganization(organization.creditCode(), organization.type(),
                        organization.divisionCode(), organization.verified()),
                files, at, Deadlines.submissionWithoutExtension(call, application), application.extendedUntil(),
                (int) applications.countByLeaderIdAndIdNotAndStatusIn(application.leaderId(), application.id(),
                        ApplicationStatus.COUNTS_FOR_LIMIT),
                integrity.organizationListed(organization.creditCode()),
                accounts.idNumberOf(application.leaderId()).map(integrity::personListed).orElse(false), null,
                accountHolder(application));
        return Checklist.evaluate(content, call.definition(), context, EligibilityRules.all());
    }

    /** The name on the leader's account now (what the PDF's cover prints), or the one stored when it was created. */
    private String accountHolder(Application application) {
        return accounts.find(application.leaderId()).map(org.silkgrant.account.AccountView::fullName)
                .filter(name -> !name.isBlank()).orElse(application.leaderName());
    }

    private ApplicationContent content(Application application) {
        Map<String, Section> byName = new LinkedHashMap<>();
        sections.findByKeyApplicationId(application.id()).forEach(s -> byName.put(s.name(), s));
        return new ApplicationContent(
                section(byName, SectionName.BASICS, ApplicationContent.Basics.class),
                section(byName, SectionName.NARRATIVE, ApplicationContent.Narrative.class),
                section(byName, SectionName.TEAM, ApplicationContent.Team.class),
                section(byName, SectionName.PARTNERS, ApplicationContent.Partners.class),
                section(byName, SectionName.CO_APPLICANTS, ApplicationContent.CoApplicants.class),
                section(byName, SectionName.BUDGET, ApplicationContent.Budget.class),
                section(byName, SectionName.INDICATORS, ApplicationContent.Indicators.class),
                section(byName, SectionName.ETHICS, ApplicationContent.Ethics.class),
                section(byName, SectionName.AGREEMENT, ApplicationContent.Agreement.class));
    }

    private <T> T section(Map<String, Section> byName, SectionName name, Class<T> type) {
        Section section = byName.get(name.path());
        return section == null ? null : json.readValue(section.content(), type);
    }

    /**
     * The section's record from what the writer sent, read strictly ({@link StrictJson}): an unknown field is refused
     * naming its path ({@code team.members[0].fulName}, 400), a value of the wrong kind, a control character or a
     * date outside 1900–2200 too (422), so nothing saved can later fail the checklist or the PDF.
     */
    private Object bind(SectionName section, JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new FieldViolationException(section.path(), "NOT_AN_OBJECT", "application.section.notAnObject");
        }
        return StrictJson.bind(strict, body, section.type(), section.path());
    }

    private String checkedTitle(String title, CallDefinition call) {
        if (title == null || title.isBlank()) {
            throw new FieldViolationException("title", "REQUIRED", "application.title.REQUIRED");
        }
        String clean = title.strip();
        int max = call.rules().titleMaxLength();
        if (clean.codePointCount(0, clean.length()) > max) {
            throw new FieldViolationException("title", "TOO_LONG", "application.title.TOO_LONG", max);
        }
        return clean;
    }

    /**
     * For deciding before a request's body is read (docs/security.md "Authorisation before validation"): true when the
     * user leads the application and so may write it, false when they may see it but not write it (403);
     * {@link NotFoundException} when they may not see it (404).
     */
    @Transactional(readOnly = true)
    public boolean editableBy(SilkGrantUser user, Long id) {
        return id != null && Objects.equals(visible(user, id).leaderId(), user.id());
    }

    /** True when the user may see the application; {@link NotFoundException} otherwise (before a body is read). */
    @Transactional(readOnly = true)
    public boolean visibleTo(SilkGrantUser user, Long id) {
        if (id == null) {
            throw new NotFoundException("application.notFound");
        }
        visible(user, id);
        return true;
    }

    /** The application, when the user may see it; otherwise not found (never "forbidden": its existence is private). */
    Application visible(SilkGrantUser user, Long id) {
        return readable(user, applications.findById(id));
    }

    /**
     * {@link #visible}, with the application's row locked for the rest of the transaction: for those who change it
     * (its version moves on), so that two changes at once wait for each other instead of one failing.
     */
    Application lockedVisible(SilkGrantUser user, Long id) {
        return readable(user, applications.findLocked(id));
    }

    private Application readable(SilkGrantUser user, Optional<Application> found) {
        Application application = found.orElseThrow(() -> new NotFoundException("application.notFound"));
        if (!mayRead(user, application) && !granted(user, application)) {
            throw new NotFoundException("application.notFound");
        }
        return application;
    }

    /** Read access another module grants (an expert's confirmed assignment), only ever on a submitted application. */
    private boolean granted(SilkGrantUser user, Application application) {
        if (application.submittedVersions() == 0) {
            return false;
        }
        for (ReadGrants grant : readGrants) {
            if (grant.mayRead(user, application.id())) {
                return true;
            }
        }
        return false;
    }

    /**
     * A submitted application as the expert review needs it: the applicant (name and credit code) and the latest
     * submitted snapshot's content — never a draft.
     */
    public record ForReview(Long id, String callCode, String title, ApplicationStatus status, Long organizationId,
            String organizationName, String organizationCreditCode, ApplicationContent content) {
    }

    /**
     * Every application of a call in one of the states, with its latest submitted snapshot, by id; for the review
     * module (no user's view: it checks the role). The snapshots are read in one query.
     */
    @Transactional(readOnly = true)
    public List<ForReview> forReview(String callCode, java.util.Collection<ApplicationStatus> statuses) {
        return withSnapshots(applications.findByCallCodeAndStatusInOrderById(callCode, statuses));
    }

    /**
     * The applications with these ids, in any state and in the order of their ids, each with its latest submitted
     * snapshot (the expert's view of who takes part before confirming no conflict); unknown ids are left out.
     */
    @Transactional(readOnly = true)
    public List<ForReview> forReview(java.util.Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<Application> found = new java.util.ArrayList<>(applications.findAllById(new java.util.TreeSet<>(ids)));
        found.sort(java.util.Comparator.comparing(Application::id));
        return withSnapshots(found);
    }

    private List<ForReview> withSnapshots(List<Application> found) {
        if (found.isEmpty()) {
            return List.of();
        }
        Map<Long, Submission> latest = new java.util.HashMap<>();
        submissions.findLatestOf(found.stream().map(Application::id).toList())
                .forEach(s -> latest.put(s.applicationId(), s));
        Map<Long, String> codes = new java.util.HashMap<>();
        List<ForReview> out = new java.util.ArrayList<>(found.size());
        for (Application a : found) {
            Submission submission = latest.get(a.id());
            ApplicationContent content = ApplicationContent.empty();
            String title = a.title();
            if (submission != null) {
                ApplicationView view = snapshotView(a, submission);
                content = contentOf(view.sections());
                title = view.title();
            }
            String code = a.organizationId() == null ? null : codes.computeIfAbsent(a.organizationId(),
                    org -> organizations.find(org).map(o -> o.creditCode()).orElse(null));
            out.add(new ForReview(a.id(), a.callCode(), title, a.status(), a.organizationId(), a.organizationName(),
                    code, content));
        }
        return out;
    }

    /**
     * Who reads an application: its leader and its organisation's admins always; the recommending department it
     * chose once its organisation has signed it off; the program office once it has been submitted.
     */
    static boolean mayRead(SilkGrantUser user, Application application) {
        if (Objects.equals(application.leaderId(), user.id())) {
            return true;
        }
        if (user.hasRole(Role.ORG_ADMIN) && Objects.equals(application.organizationId(), user.organizationId())) {
            return true;
        }
        if (application.submittedVersions() == 0) {
            return false;
        }
        if (user.hasRole(Role.PROGRAM_OFFICER)) {
            return true;
        }
        return user.hasRole(Role.RECOMMENDER) && user.departmentCode() != null
                && user.departmentCode().equals(application.recommendingDepartment())
                && application.orgApprovedAt() != null;
    }

    private ApplicationView view(Application application) {
        return view(application, null);
    }

    /**
     * The application as {@code reader} sees it: its leader, while it is editable, the sections as saved; everyone
     * else, and the leader once it is submitted, the latest submitted snapshot — what was signed, not what is being
     * revised.
     */
    ApplicationView view(Application application, SilkGrantUser reader) {
        boolean working = ApplicationStatus.EDITABLE.contains(application.status())
                && (reader == null || Objects.equals(reader.id(), application.leaderId()));
        Optional<Submission> latest = working || application.submittedVersions() == 0 ? Optional.empty()
                : submissions.findTopByApplicationIdOrderByVersionNumberDesc(application.id());
        if (latest.isPresent()) {
            return snapshotView(application, latest.get());
        }
        Map<String, JsonNode> content = new LinkedHashMap<>();
        Map<String, Section> saved = new LinkedHashMap<>();
        sections.findByKeyApplicationId(application.id()).forEach(s -> saved.put(s.name(), s));
        for (SectionName name : SectionName.values()) {
            Section section = saved.get(name.path());
            if (section != null) {
                content.put(name.path(), read(section.content()));
            }
        }
        return new ApplicationView(application.id(), application.callCode(), application.status(), application.version(),
                application.title(), application.organizationId(), application.leaderId(), application.createdAt(),
                application.updatedAt(), content,
                attachments.findByApplicationIdOrderById(application.id()).stream().map(Attachment::view).toList(), 0);
    }

    private ApplicationView snapshotView(Application application, Submission submission) {
        JsonNode snapshot = read(submission.snapshot());
        Map<String, JsonNode> content = new LinkedHashMap<>();
        for (SectionName name : SectionName.values()) {
            JsonNode section = snapshot.path("sections").get(name.path());
            if (section != null && !section.isNull()) {
                content.put(name.path(), section);
            }
        }
        List<AttachmentView> files = new java.util.ArrayList<>();
        for (JsonNode file : snapshot.path("attachments")) {
            files.add(json.treeToValue(file, AttachmentView.class));
        }
        String title = snapshot.path("title").isString() ? snapshot.path("title").asString() : application.title();
        return new ApplicationView(application.id(), application.callCode(), application.status(), application.version(),
                title, application.organizationId(), application.leaderId(), application.createdAt(),
                application.updatedAt(), content, files, submission.versionNumber());
    }

    /** One submitted version as its readers see it: the frozen snapshot. */
    @Transactional(readOnly = true)
    public ApplicationView version(SilkGrantUser user, Long id, int versionNumber) {
        Application application = visible(user, id);
        return submissions.findByApplicationIdAndVersionNumber(id, versionNumber)
                .map(s -> snapshotView(application, s))
                .orElseThrow(() -> new NotFoundException("application.version.notFound", versionNumber));
    }

    /** A submitted version in a list: its number and receipt. */
    public record VersionInfo(int number, String receiptNumber, Instant submittedAt, String submittedBy, String digest) {
    }

    @Transactional(readOnly = true)
    public List<VersionInfo> versions(SilkGrantUser user, Long id) {
        visible(user, id);
        return submissions.findByApplicationIdOrderByVersionNumber(id).stream()
                .map(s -> new VersionInfo(s.versionNumber(), s.receipt().number(), s.submittedAt(), s.submittedBy(),
                        s.receipt().digest()))
                .toList();
    }

    /** The receipt of one submitted version. */
    @Transactional(readOnly = true)
    public Receipt receipt(SilkGrantUser user, Long id, int versionNumber) {
        visible(user, id);
        return submissions.findByApplicationIdAndVersionNumber(id, versionNumber).map(Submission::receipt)
                .orElseThrow(() -> new NotFoundException("application.version.notFound", versionNumber));
    }

    /**
     * Field by field, what changed between two submitted versions (or a version and the leader's working copy when
     * {@code to} is 0 and the reader is the leader): every value by its path, before and after.
     */
    @Transactional(readOnly = true)
    public List<VersionDiff.Change> diff(SilkGrantUser user, Long id, int from, int to) {
        ApplicationView before = version(user, id, from);
        ApplicationView after = to == 0 ? get(user, id) : version(user, id, to);
        return VersionDiff.between(json.valueToTree(before.sections()), json.valueToTree(after.sections()),
                json.valueToTree(before.attachments()), json.valueToTree(after.attachments()));
    }

    /**
     * The checklist a submitted version was judged by: its own content, at the moment it was submitted (a PDF of it
     * printed after the deadline must not say the deadline had passed).
     */
    @Transactional(readOnly = true)
    public Checklist checklistOf(SilkGrantUser user, ApplicationView view) {
        Application application = visible(user, view.id());
        if (view.submittedVersion() == 0) {
            return checklist(application, calls.get(application.callCode()));
        }
        Submission submission = submissions.findByApplicationIdAndVersionNumber(view.id(), view.submittedVersion())
                .orElseThrow(() -> new NotFoundException("application.version.notFound", view.submittedVersion()));
        ApplicationContent content = contentOf(view.sections());
        return checklist(application, calls.get(application.callCode()), content,
                view.attachments().stream().map(a -> new RuleContext.AttachmentRef(a.kind(), a.fileName(), a.sha256()))
                        .toList(),
                submission.submittedAt().minusNanos(1));
    }

    private ApplicationContent contentOf(Map<String, JsonNode> sectionsByName) {
        return new ApplicationContent(
                convert(sectionsByName, SectionName.BASICS, ApplicationContent.Basics.class),
                convert(sectionsByName, SectionName.NARRATIVE, ApplicationContent.Narrative.class),
                convert(sectionsByName, SectionName.TEAM, ApplicationContent.Team.class),
                convert(sectionsByName, SectionName.PARTNERS, ApplicationContent.Partners.class),
                convert(sectionsByName, SectionName.CO_APPLICANTS, ApplicationContent.CoApplicants.class),
                convert(sectionsByName, SectionName.BUDGET, ApplicationContent.Budget.class),
                convert(sectionsByName, SectionName.INDICATORS, ApplicationContent.Indicators.class),
                convert(sectionsByName, SectionName.ETHICS, ApplicationContent.Ethics.class),
                convert(sectionsByName, SectionName.AGREEMENT, ApplicationContent.Agreement.class));
    }

    private <T> T convert(Map<String, JsonNode> sectionsByName, SectionName name, Class<T> type) {
        JsonNode node = sectionsByName.get(name.path());
        return node == null ? null : json.treeToValue(node, type);
    }

    private JsonNode read(String content) {
        return json.readTree(content);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
