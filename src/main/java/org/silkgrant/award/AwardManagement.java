package org.silkgrant.award;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonFormat;

import org.silkgrant.account.Role;
import org.silkgrant.account.SilkGrantUser;
import org.silkgrant.application.Action;
import org.silkgrant.application.ApplicationRouting;
import org.silkgrant.application.ApplicationRouting.Decidable;
import org.silkgrant.application.ApplicationStatus;
import org.silkgrant.call.CallDefinition;
import org.silkgrant.call.CallManagement;
import org.silkgrant.call.CallView;
import org.silkgrant.review.ReviewStandings;
import org.silkgrant.review.ReviewStandings.Standing;
import org.silkgrant.shared.ClientAddress;
import org.silkgrant.shared.FieldViolationException;
import org.silkgrant.shared.ForbiddenException;
import org.silkgrant.shared.NotFoundException;
import org.silkgrant.shared.StateConflictException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Decisions, the public notice and objections (docs/award.md). The office decides on applications UNDER_REVIEW and
 * may change a decision until it publishes the call's notice; each decision is summed per category against the call's
 * fiscal budget envelope, and an overrun or open score sheets need the officer's explicit confirmation. Publishing
 * makes the decisions final: the applications take FUND / DECLINE and the approved ones go on the notice for the
 * call's notice period. Applicants and organisation admins — and, where the call allows it, the public with a verified
 * e-mail — file objections while the notice runs; {@link #awardDue()} awards what the notice let through.
 */
@Service
public class AwardManagement {

    /** Longest note, objection or answer. */
    static final int TEXT_MAX = 2000;

    /** Money in 万元 has at most 4 decimals (whole yuan), as API.md and the budget have it. */
    static final int MONEY_SCALE = 4;

    /** The largest amount numeric(14, 4) holds. */
    static final BigDecimal MONEY_MAX = new BigDecimal("9999999999.9999");

    /** Roles that never object, whatever other role they also hold: staff, experts, the admins, partner contacts. */
    static final Set<Role> NEVER_OBJECT = EnumSet.of(Role.PROGRAM_OFFICER, Role.RECOMMENDER, Role.EXPERT,
            Role.PARTNER_CONTACT, Role.SYSTEM_ADMIN, Role.SECURITY_ADMIN, Role.AUDIT_ADMIN);

    /** Roles that object with their account: applicants (project leaders) and organisation admins. */
    static final Set<Role> OBJECTORS = EnumSet.of(Role.APPLICANT, Role.ORG_ADMIN);

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /**
     * A decision to record or change: APPROVED with the granted fiscal amount (万元), or NOT_FUNDED; an optional note;
     * and the officer's confirmations that the decision may take its category over the envelope and may be taken
     * while score sheets are unfinished or missing.
     */
    public record DecisionCommand(Decision decision, BigDecimal grantedAmount, String note, boolean confirmOverEnvelope,
            boolean confirmUnfinishedSheets) {

        public DecisionCommand(Decision decision, BigDecimal grantedAmount, String note) {
            this(decision, grantedAmount, note, false, false);
        }
    }

    /** A score sheet of the application that is not in yet: the expert and why (NOT_CONFIRMED, NOT_STARTED, DRAFT). */
    public record OpenSheet(String expertName, String state) {
    }

    /**
     * An application of the call as the office decides on it: its standing in the review (rank within its category
     * and scope, scores, disagreement, sheets in and open), the requested and granted fiscal funds, the decision once
     * taken, and the running total of approved funds of its category down the list (万元).
     */
    public record DecisionView(Long applicationId, String callCode, String title, String organizationName,
            String leaderName, String category, String scope, BigDecimal requestedFiscal, ApplicationStatus status,
            Decision decision, BigDecimal grantedAmount, String note, String decidedBy, Instant decidedAt,
            boolean onNotice, boolean heldBack, long openObjections, long upheldObjections,
            Integer rank, int sheets, int sheetsWanted, BigDecimal mean, BigDecimal trimmedMean,
            BigDecimal normalizedScore, boolean disagreement, List<OpenSheet> openSheets, int missingSheets,
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal overEnvelope, int changes, boolean published,
            boolean changeable, @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal runningTotal) {

        /** Every sheet the application should have is submitted. */
        public boolean sheetsComplete() {
            return openSheets.isEmpty() && missingSheets == 0;
        }
    }

    /**
     * A category's approved funds against its fiscal budget envelope, exactly (万元): {@code remaining} is negative
     * when the approved total is over the envelope.
     */
    public record CategoryTotal(String category,
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal envelope,
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal approved, int approvedCount,
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal remaining, boolean over,
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal requested, int applications) {
    }

    /** One decision or change of it, as the history keeps it. */
    public record DecisionVersion(Decision decision, @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal grantedAmount,
            String note, @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal overEnvelope, int openSheets,
            String decidedBy, String decidedByName, Instant decidedAt) {
    }

    /** An approved project as the public notice shows it. */
    public record NoticedProject(Long applicationId, String title, String organizationName, String leaderName,
            String category, String scope, BigDecimal grantedAmount, ApplicationStatus status) {
    }

    /** A call's public notice; {@code open} while objections may be filed. */
    public record NoticeView(String callCode, Instant publishedAt, Instant endsAt, String text, boolean open,
            List<NoticedProject> projects) {
    }

    /**
     * What publishing the notice now would do: the approved projects it lists, the totals per category, how long it
     * runs and until when if published now, the applications not funded (told at publication) and those without a
     * decision (left out, and no longer decidable).
     */
    public record NoticePreview(String callCode, Duration noticePeriod, Instant endsAtIfNow, List<NoticedProject> projects,
            List<CategoryTotal> totals, int notFunded, List<String> undecided) {
    }

    /** The decision as its applicant sees it once the call's notice is published (the office sees it at once). */
    public record ApplicationDecision(Long applicationId, String callCode, Decision decision,
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal grantedAmount, String note, Instant decidedAt,
            boolean published, Instant noticePublishedAt, Instant noticeEndsAt, boolean onNotice,
            ApplicationStatus status) {
    }

    /** An objection as the office sees it (the public never sees objections). */
    public record ObjectionView(Long id, Long applicationId, String applicationTitle, String filedBy, String filedByName,
            String text, Instant filedAt, ObjectionStatus status, String answer, String answeredBy, Instant answeredAt,
            String filedByEmail, String filedLanguage) {
    }

    /** The office's answer: UPHELD or DISMISSED, with the reason. */
    public record AnswerCommand(ObjectionStatus outcome, String answer) {
    }

    /** A verification code was sent: to which address (as typed, normalised) and until when it is valid. */
    public record CodeSent(String email, Instant expiresAt) {
    }

    private final ApplicationRouting routing;
    private final CallManagement calls;
    private final ReviewStandings standings;
    private final ObjectionCodes codes;
    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher events;
    private final MessageSource messages;
    private final Clock clock;
    private final TransactionTemplate ownTransaction;

    AwardManagement(ApplicationRouting routing, CallManagement calls, ReviewStandings standings, ObjectionCodes codes,
            JdbcTemplate jdbc, ApplicationEventPublisher events, MessageSource messages, Clock clock,
            PlatformTransactionManager transactions) {
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.routing = routing;
        this.calls = calls;
        this.standings = standings;
        this.codes = codes;
        this.jdbc = jdbc;
        this.events = events;
        this.messages = messages;
        this.clock = clock;
    }

    // ------------------------------------------------------------------------------------------------ decisions

    /**
     * Records the office's decision on an application UNDER_REVIEW, or changes it, until the call's notice is
     * published (409 afterwards). Refused with 422 — naming {@code confirmUnfinishedSheets} or
     * {@code confirmOverEnvelope} — while score sheets are unfinished or missing, or when an approval takes its
     * category's approved total above the envelope, unless the command confirms it; a confirmation is recorded.
     */
    @Transactional
    public DecisionView decide(SilkGrantUser user, Long applicationId, DecisionCommand command) {
        office(user);
        Decidable application = routing.decidable(applicationId)
                .orElseThrow(() -> new NotFoundException("application.notFound"));
        CallView call = calls.get(application.callCode());
        lock(application.callCode());
        Optional<NoticeRow> notice = noticeRow(application.callCode());
        if (notice.isPresent()) {
            throw new StateConflictException("award.decision.published",
                    SHOWN.format(notice.get().publishedAt().atZone(BEIJING)));
        }
        if (application.status() != ApplicationStatus.UNDER_REVIEW) {
            throw new StateConflictException("award.decision.notUnderReview", statusText(application.status()));
        }
        List<FieldViolationException.Violation> violations = new ArrayList<>();
        Decision decision = command == null ? null : command.decision();
        if (decision == null) {
            violations.add(new FieldViolationException.Violation("decision", "REQUIRED", "award.decision.REQUIRED"));
        }
        BigDecimal amount = command == null ? null : command.grantedAmount();
        if (decision == Decision.APPROVED) {
            if (amount == null) {
                violations.add(new FieldViolationException.Violation("grantedAmount", "REQUIRED", "award.amount.REQUIRED"));
            } else if (amount.signum() <= 0) {
                violations.add(new FieldViolationException.Violation("grantedAmount", "NOT_POSITIVE", "award.amount.NOT_POSITIVE"));
            } else if (amount.stripTrailingZeros().scale() > MONEY_SCALE) {
                violations.add(new FieldViolationException.Violation("grantedAmount", "SCALE", "award.amount.SCALE"));
            } else if (application.requestedFiscal() != null && amount.compareTo(application.requestedFiscal()) > 0) {
                violations.add(new FieldViolationException.Violation("grantedAmount", "ABOVE_REQUESTED",
                        "award.amount.ABOVE_REQUESTED", wan(application.requestedFiscal())));
            } else if (amount.compareTo(MONEY_MAX) > 0) {
                violations.add(new FieldViolationException.Violation("grantedAmount", "TOO_LARGE", "award.amount.TOO_LARGE"));
            }
        } else {
            amount = null;
        }
        String note = text(command == null ? null : command.note(), "note", false, violations);
        if (!violations.isEmpty()) {
            throw new FieldViolationException(violations);
        }
        amount = amount == null ? null : amount.setScale(MONEY_SCALE);

        // The safety net: what the officer must have seen and confirmed before this decision counts.
        Locale locale = LocaleContextHolder.getLocale();
        Standing sheets = standings.sheetsOf(user, applicationId, application.callCode());
        int open = sheets.unfinished().size() + sheets.missing();
        if (open > 0 && !command.confirmUnfinishedSheets()) {
            violations.add(new FieldViolationException.Violation("confirmUnfinishedSheets", "UNFINISHED_SHEETS",
                    "award.sheets.UNFINISHED", sheets.sheets(), sheets.wanted(), openSheetsText(sheets, locale)));
        }
        DecisionRow before = decisionRow(applicationId).orElse(null);
        BigDecimal overEnvelope = null;
        if (decision == Decision.APPROVED) {
            BigDecimal others = approvedTotal(application.callCode(), application.category(), applicationId);
            BigDecimal total = others.add(amount);
            BigDecimal previousTotal = before != null && before.decision() == Decision.APPROVED
                    ? others.add(before.amount()) : others;
            Optional<BigDecimal> envelope = call.definition().award() == null ? Optional.empty()
                    : call.definition().award().envelope(application.category());
            if (envelope.isPresent() && total.compareTo(envelope.get()) > 0 && total.compareTo(previousTotal) > 0) {
                overEnvelope = total.subtract(envelope.get());
                if (!command.confirmOverEnvelope()) {
                    violations.add(new FieldViolationException.Violation("confirmOverEnvelope", "OVER_ENVELOPE",
                            "award.envelope.OVER", categoryTitle(call, application.category(), locale), wan(total),
                            wan(overEnvelope), wan(envelope.get())));
                }
            }
        }
        if (!violations.isEmpty()) {
            throw new FieldViolationException(violations);
        }

        Instant now = clock.instant();
        int openConfirmed = open;
        if (before == null) {
            jdbc.update("insert into award_decision (application_id, call_code, category, decision, granted_fiscal, note, "
                    + "decided_by, decided_by_name, decided_at, over_envelope, open_sheets, changes) "
                    + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)", applicationId, application.callCode(),
                    application.category(), decision.name(), amount, note, user.getUsername(), user.fullName(), utc(now),
                    overEnvelope, openConfirmed);
        } else {
            jdbc.update("update award_decision set decision = ?, granted_fiscal = ?, note = ?, decided_by = ?, "
                    + "decided_by_name = ?, decided_at = ?, over_envelope = ?, open_sheets = ?, category = ?, "
                    + "changes = changes + 1 where application_id = ? and notice_id is null", decision.name(), amount,
                    note, user.getUsername(), user.fullName(), utc(now), overEnvelope, openConfirmed,
                    application.category(), applicationId);
        }
        jdbc.update("insert into award_decision_history (application_id, call_code, category, decision, granted_fiscal, "
                + "note, over_envelope, open_sheets, decided_by, decided_by_name, decided_at) "
                + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", applicationId, application.callCode(),
                application.category(), decision.name(), amount, note, overEnvelope, openConfirmed, user.getUsername(),
                user.fullName(), utc(now));
        events.publishEvent(new DecisionRecorded(applicationId, application.callCode(), decision, amount,
                user.getUsername(), now, ClientAddress.current(), before == null ? null : before.decision(),
                before == null ? null : before.amount(), application.category(), overEnvelope, openConfirmed));
        return decisions(user, application.callCode()).stream().filter(d -> d.applicationId().equals(applicationId))
                .findFirst().orElseThrow();
    }

    /**
     * The call's applications under review and decided (the office only), in the order the office reads them: by
     * category as the call lists them, scope, rank (unranked last) and id, each with the running total of the
     * approved funds of its category down to it.
     */
    @Transactional(readOnly = true)
    public List<DecisionView> decisions(SilkGrantUser user, String callCode) {
        office(user);
        CallView call = calls.get(callCode);
        Map<Long, Standing> standing = standings.ofCall(user, callCode);
        Map<Long, DecisionRow> decided = decidedRows(callCode);
        Map<Long, long[]> objections = objectionCounts(callCode);
        boolean published = noticeRow(callCode).isPresent();
        int k = call.definition().review().expertsPerApplication();
        List<String> categoryOrder = call.definition().categories().stream().map(CallDefinition.Category::code).toList();
        Comparator<Decidable> order = Comparator
                .comparing((Decidable a) -> categoryOrder.indexOf(a.category()) < 0 ? Integer.MAX_VALUE
                        : categoryOrder.indexOf(a.category()))
                .thenComparing(Decidable::scope, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(a -> standing.containsKey(a.id()) ? standing.get(a.id()).rank() : null,
                        Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(Decidable::id);
        Map<String, BigDecimal> running = new HashMap<>();
        Locale locale = LocaleContextHolder.getLocale();
        return listed(callCode, decided).stream().sorted(order).map(a -> {
            DecisionRow d = decided.get(a.id());
            long[] counts = objections.getOrDefault(a.id(), new long[2]);
            Standing s = standing.get(a.id());
            BigDecimal runningTotal = null;
            if (d != null && d.decision() == Decision.APPROVED && d.amount() != null) {
                runningTotal = running.merge(String.valueOf(a.category()), d.amount(), BigDecimal::add);
            }
            List<OpenSheet> open = s == null ? List.of() : s.unfinished().stream()
                    .map(o -> new OpenSheet(o.expertName(), o.state().name())).toList();
            return new DecisionView(a.id(), a.callCode(), a.title(), a.organizationName(), a.leaderName(),
                    a.category(), a.scope(), a.requestedFiscal(), a.status(), d == null ? null : d.decision(),
                    d == null ? null : d.amount(), d == null ? null : d.note(), d == null ? null : d.decidedBy(),
                    d == null ? null : d.decidedAt(), d != null && d.noticeId() != null,
                    d != null && d.heldBackAt() != null, counts[0], counts[1],
                    s == null ? null : s.rank(), s == null ? 0 : s.sheets(), s == null ? k : s.wanted(),
                    s == null ? null : s.mean(), s == null ? null : s.trimmedMean(),
                    s == null ? null : s.normalizedScore(), s != null && s.disagreement(), open,
                    s == null ? k : s.missing(), d == null ? null : d.overEnvelope(), d == null ? 0 : d.changes(),
                    published, !published && a.status() == ApplicationStatus.UNDER_REVIEW, runningTotal);
        }).toList();
    }

    /** The applications the decisions page lists: under review, and those decided (also after publication). */
    private List<Decidable> listed(String callCode, Map<Long, DecisionRow> decided) {
        return routing.decidable(callCode, EnumSet.of(ApplicationStatus.UNDER_REVIEW, ApplicationStatus.APPROVED,
                ApplicationStatus.NOT_FUNDED, ApplicationStatus.AWARDED)).stream()
                .filter(a -> a.status() == ApplicationStatus.UNDER_REVIEW || decided.containsKey(a.id())).toList();
    }

    /**
     * Per category of the call, in the call's order: its envelope, the approved total and count, what remains
     * (negative when over), and what the listed applications request together — all exact (the office only).
     */
    @Transactional(readOnly = true)
    public List<CategoryTotal> totals(SilkGrantUser user, String callCode) {
        office(user);
        return totals(calls.get(callCode), decidedRows(callCode));
    }

    private List<CategoryTotal> totals(CallView call, Map<Long, DecisionRow> decided) {
        List<Decidable> listed = listed(call.code(), decided);
        List<CategoryTotal> out = new ArrayList<>();
        for (CallDefinition.Category category : call.definition().categories()) {
            BigDecimal envelope = call.definition().award() == null ? null
                    : call.definition().award().envelope(category.code()).orElse(null);
            BigDecimal approved = zero();
            BigDecimal requested = zero();
            int count = 0;
            int applications = 0;
            for (Decidable a : listed) {
                if (!category.code().equals(a.category())) {
                    continue;
                }
                applications++;
                if (a.requestedFiscal() != null) {
                    requested = requested.add(a.requestedFiscal());
                }
                DecisionRow d = decided.get(a.id());
                if (d != null && d.decision() == Decision.APPROVED && d.amount() != null) {
                    approved = approved.add(d.amount());
                    count++;
                }
            }
            BigDecimal remaining = envelope == null ? null : envelope.subtract(approved);
            out.add(new CategoryTotal(category.code(), envelope == null ? null : envelope.setScale(MONEY_SCALE),
                    approved, count, remaining == null ? null : remaining.setScale(MONEY_SCALE),
                    remaining != null && remaining.signum() < 0, requested, applications));
        }
        return out;
    }

    /** Every decision and change of one application, oldest first (the office only; 404 for an unknown one). */
    @Transactional(readOnly = true)
    public List<DecisionVersion> history(SilkGrantUser user, Long applicationId) {
        office(user);
        routing.decidable(applicationId).orElseThrow(() -> new NotFoundException("application.notFound"));
        return jdbc.query("select * from award_decision_history where application_id = ? order by id",
                (rs, i) -> new DecisionVersion(Decision.valueOf(rs.getString("decision")),
                        rs.getBigDecimal("granted_fiscal"), rs.getString("note"), rs.getBigDecimal("over_envelope"),
                        rs.getInt("open_sheets"), rs.getString("decided_by"), rs.getString("decided_by_name"),
                        instant(rs, "decided_at")), applicationId);
    }

    /**
     * The decision on an application for someone who may read it: the office at once, everyone else (its leader, its
     * organisation's admins …) only once the call's notice is published — until then, as for an application without
     * a decision, 404. 404 too when the application is not theirs to read.
     */
    @Transactional(readOnly = true)
    public Optional<ApplicationDecision> decisionOf(SilkGrantUser user, Long applicationId) {
        ApplicationRouting.Position position = routing.position(user, applicationId);
        Decidable application = routing.decidable(applicationId).orElseThrow(() -> new NotFoundException("application.notFound"));
        Optional<NoticeRow> notice = noticeRow(application.callCode());
        boolean office = user.hasRole(Role.PROGRAM_OFFICER);
        if (notice.isEmpty() && !office) {
            return Optional.empty();
        }
        return decisionRow(applicationId).map(d -> new ApplicationDecision(applicationId, application.callCode(),
                d.decision(), d.amount(),
                d.note(), d.decidedAt(), notice.isPresent(), notice.map(NoticeRow::publishedAt).orElse(null),
                notice.map(NoticeRow::endsAt).orElse(null), d.noticeId() != null, position.status()));
    }

    private record DecisionRow(Decision decision, BigDecimal amount, String note, String decidedBy, Instant decidedAt,
            Long noticeId, Instant heldBackAt, String category, BigDecimal overEnvelope, int openSheets, int changes) {

        static DecisionRow of(ResultSet rs) throws SQLException {
            long notice = rs.getLong("notice_id");
            Long noticeId = rs.wasNull() ? null : notice;
            return new DecisionRow(Decision.valueOf(rs.getString("decision")), rs.getBigDecimal("granted_fiscal"),
                    rs.getString("note"), rs.getString("decided_by"), instant(rs, "decided_at"), noticeId,
                    instant(rs, "held_back_at"), rs.getString("category"), rs.getBigDecimal("over_envelope"),
                    rs.getInt("open_sheets"), rs.getInt("changes"));
        }
    }

    private Map<Long, DecisionRow> decidedRows(String callCode) {
        Map<Long, DecisionRow> decided = new HashMap<>();
        jdbc.query("select * from award_decision where call_code = ?", rs -> {
            decided.put(rs.getLong("application_id"), DecisionRow.of(rs));
        }, callCode);
        return decided;
    }

    private Optional<DecisionRow> decisionRow(Long applicationId) {
        return jdbc.query("select * from award_decision where application_id = ?", (rs, i) -> DecisionRow.of(rs),
                applicationId).stream().findFirst();
    }

    /** The approved funds of a category of the call, without one application's decision. */
    private BigDecimal approvedTotal(String callCode, String category, Long without) {
        BigDecimal total = jdbc.queryForObject("select sum(granted_fiscal) from award_decision where call_code = ? "
                + "and category = ? and decision = 'APPROVED' and application_id <> ?", BigDecimal.class, callCode,
                category, without);
        return total == null ? zero() : total;
    }

    private Map<Long, long[]> objectionCounts(String callCode) {
        Map<Long, long[]> objections = new HashMap<>();
        jdbc.query("select application_id, status, count(*) n from award_objection o join award_notice n on n.id = o.notice_id "
                + "where n.call_code = ? group by application_id, status", rs -> {
                    long[] counts = objections.computeIfAbsent(rs.getLong(1), id -> new long[2]);
                    if ("OPEN".equals(rs.getString(2))) {
                        counts[0] += rs.getLong(3);
                    } else if ("UPHELD".equals(rs.getString(2))) {
                        counts[1] += rs.getLong(3);
                    }
                }, callCode);
        return objections;
    }

    /**
     * Serialises the decisions and the publication of one call, so that the totals a decision is checked against hold
     * until it commits. The lock row is created once, in a transaction of its own: on PostgreSQL a failed insert
     * would otherwise abort the decision's transaction when two first decisions race.
     */
    private void lock(String callCode) {
        Integer present = jdbc.queryForObject("select count(*) from award_call_lock where call_code = ?", Integer.class,
                callCode);
        if (present == null || present == 0) {
            try {
                ownTransaction.executeWithoutResult(status -> jdbc.update("insert into award_call_lock (call_code) "
                        + "select ? where not exists (select 1 from award_call_lock where call_code = ?)", callCode,
                        callCode));
            } catch (DuplicateKeyException raced) {
                // another decision created the row first; it is there to lock
            }
        }
        jdbc.queryForList("select call_code from award_call_lock where call_code = ? for update", String.class, callCode);
    }

    // ------------------------------------------------------------------------------------------------ the notice

    /** What publishing the call's notice now would list and do (the office only; 409 once published). */
    @Transactional(readOnly = true)
    public NoticePreview preview(SilkGrantUser user, String callCode) {
        office(user);
        CallView call = calls.get(callCode);
        if (noticeRow(callCode).isPresent()) {
            throw new StateConflictException("award.notice.alreadyPublished");
        }
        Map<Long, DecisionRow> decided = decidedRows(callCode);
        List<NoticedProject> projects = new ArrayList<>();
        int notFunded = 0;
        List<String> undecided = new ArrayList<>();
        for (Decidable a : listed(callCode, decided)) {
            DecisionRow d = decided.get(a.id());
            if (d == null) {
                undecided.add(a.title());
            } else if (d.decision() == Decision.APPROVED) {
                projects.add(new NoticedProject(a.id(), a.title(), a.organizationName(), a.leaderName(), a.category(),
                        a.scope(), d.amount(), ApplicationStatus.APPROVED));
            } else {
                notFunded++;
            }
        }
        Duration period = call.definition().review().noticePeriod();
        return new NoticePreview(callCode, period, clock.instant().plus(period), projects, totals(call, decided),
                notFunded, undecided);
    }

    /**
     * Publishes the call's public notice: every decision becomes final — the applications take FUND or DECLINE (their
     * leaders and organisations are told) — and the approved ones are listed for the call's notice period from now.
     * One notice per call (409 for a second, or when nothing is approved); afterwards no decision is taken or changed.
     */
    @Transactional
    public NoticeView publish(SilkGrantUser user, String callCode, String text) {
        office(user);
        CallView call = calls.get(callCode);
        List<FieldViolationException.Violation> violations = new ArrayList<>();
        String clean = text(text, "text", false, violations);
        if (!violations.isEmpty()) {
            throw new FieldViolationException(violations);
        }
        lock(callCode);
        if (noticeRow(callCode).isPresent()) {
            throw new StateConflictException("award.notice.alreadyPublished");
        }
        Map<Long, DecisionRow> decided = decidedRows(callCode);
        List<Decidable> approved = new ArrayList<>();
        List<Decidable> declined = new ArrayList<>();
        for (Decidable a : listed(callCode, decided)) {
            DecisionRow d = decided.get(a.id());
            if (d != null && d.decision() == Decision.APPROVED
                    && EnumSet.of(ApplicationStatus.UNDER_REVIEW, ApplicationStatus.APPROVED).contains(a.status())) {
                approved.add(a);
            } else if (d != null && d.decision() == Decision.NOT_FUNDED && a.status() == ApplicationStatus.UNDER_REVIEW) {
                declined.add(a);
            }
        }
        if (approved.isEmpty()) {
            throw new StateConflictException("award.notice.nothingApproved");
        }
        // The decisions become final and known: each application takes its step (decisions recorded before this
        // version of the system already did).
        for (Decidable a : approved) {
            if (a.status() == ApplicationStatus.UNDER_REVIEW) {
                routing.decide(user, a.id(), Action.FUND, decided.get(a.id()).note());
            }
        }
        for (Decidable a : declined) {
            routing.decide(user, a.id(), Action.DECLINE, decided.get(a.id()).note());
        }
        Instant now = clock.instant();
        Instant ends = now.plus(call.definition().review().noticePeriod());
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(c -> {
            var statement = c.prepareStatement("insert into award_notice (call_code, published_at, ends_at, text, "
                    + "published_by) values (?, ?, ?, ?, ?)", new String[] {"id"});
            statement.setString(1, callCode);
            statement.setObject(2, utc(now));
            statement.setObject(3, utc(ends));
            statement.setString(4, clean);
            statement.setString(5, user.getUsername());
            return statement;
        }, key);
        long noticeId = key.getKey().longValue();
        jdbc.update("update award_decision set notice_id = ? where call_code = ? and decision = 'APPROVED' "
                + "and notice_id is null", noticeId, callCode);
        List<NoticePublished.Noticed> noticed = approved.stream().map(a -> new NoticePublished.Noticed(a.id(), a.title(),
                a.leaderId(), a.organizationId())).toList();
        events.publishEvent(new NoticePublished(noticeId, callCode, now, ends, noticed, user.getUsername(),
                ClientAddress.current()));
        return notice(callCode).orElseThrow();
    }

    private record NoticeRow(long id, String callCode, Instant publishedAt, Instant endsAt, String text) {
    }

    private Optional<NoticeRow> noticeRow(String callCode) {
        return jdbc.query("select * from award_notice where call_code = ?", (rs, i) -> new NoticeRow(rs.getLong("id"),
                rs.getString("call_code"), instant(rs, "published_at"), instant(rs, "ends_at"), rs.getString("text")),
                callCode).stream().findFirst();
    }

    /** The call's public notice, for anyone: the approved projects on it and the period. */
    @Transactional(readOnly = true)
    public Optional<NoticeView> notice(String callCode) {
        calls.get(callCode);
        return noticeRow(callCode).map(n -> {
            Instant now = clock.instant();
            Map<Long, BigDecimal> amounts = new HashMap<>();
            jdbc.query("select application_id, granted_fiscal from award_decision where notice_id = ?",
                    rs -> { amounts.put(rs.getLong(1), rs.getBigDecimal(2)); }, n.id());
            List<NoticedProject> projects = routing.decidable(callCode, EnumSet.of(ApplicationStatus.APPROVED,
                    ApplicationStatus.AWARDED)).stream().filter(a -> amounts.containsKey(a.id()))
                    .map(a -> new NoticedProject(a.id(), a.title(), a.organizationName(), a.leaderName(), a.category(),
                            a.scope(), amounts.get(a.id()).stripTrailingZeros().setScale(
                                    Math.max(2, amounts.get(a.id()).stripTrailingZeros().scale())), a.status()))
                    .toList();
            return new NoticeView(callCode, n.publishedAt(), n.endsAt(), n.text(),
                    !now.isBefore(n.publishedAt()) && now.isBefore(n.endsAt()), projects);
        });
    }

    // ------------------------------------------------------------------------------------------------ objections

    /**
     * Whether the user may file an objection with their account: an applicant or an organisation admin who holds no
     * staff, expert, admin or partner role (docs/award.md, "Who may object").
     */
    public static boolean mayObject(SilkGrantUser user) {
        return user != null && OBJECTORS.stream().anyMatch(user::hasRole) && NEVER_OBJECT.stream().noneMatch(user::hasRole);
    }

    /** Whether the call lets the public object with a verified e-mail address. */
    public boolean publicObjections(String callCode) {
        CallDefinition.Award award = calls.get(callCode).definition().award();
        return award != null && award.publicObjections().enabled();
    }

    /**
     * Files an objection against an application on the call's notice while the notice runs (409 at its end or later,
     * with the end in Beijing time); applicants and organisation admins only (403 for every other role).
     */
    @Transactional
    public ObjectionView object(SilkGrantUser user, String callCode, Long applicationId, String text) {
        if (!mayObject(user)) {
            throw new ForbiddenException("award.objection.forbidden");
        }
        return file(callCode, applicationId, text, user.getUsername(), user.fullName(), null, null);
    }

    /**
     * Sends a single-use code to a visitor's e-mail address so that they may object without an account — only where
     * the call allows it (403 otherwise, and for someone signed in: they object with their account or not at all),
     * while the notice runs, within the call's hourly limits (429).
     */
    @Transactional
    public CodeSent requestObjectionCode(SilkGrantUser user, String callCode, String email) {
        CallDefinition.PublicObjections rules = publicRules(user, callCode);
        NoticeRow notice = openNotice(callCode);
        String address = ObjectionCodes.normalised(email);
        if (address == null) {
            throw new FieldViolationException("email", "INVALID", "award.publicObjection.email.INVALID");
        }
        ObjectionCodes.Issued issued = codes.issue(notice.callCode(), address, ClientAddress.current(), rules);
        events.publishEvent(new ObjectionCodeRequested(callCode, address, issued.code(), issued.expiresAt(),
                LocaleContextHolder.getLocale().toLanguageTag(), clock.instant(), ClientAddress.current()));
        return new CodeSent(address, issued.expiresAt());
    }

    /**
     * Files a public objection with the code mailed to the address: the same rules as {@link #object} for the notice
     * and the text; a wrong, expired, used or worn-out code is 422 naming {@code code}.
     */
    @Transactional
    public ObjectionView objectAsPublic(SilkGrantUser user, String callCode, String email, String code,
            Long applicationId, String text) {
        publicRules(user, callCode);
        NoticeRow notice = openNotice(callCode);
        String address = ObjectionCodes.normalised(email);
        List<FieldViolationException.Violation> violations = new ArrayList<>();
        if (address == null) {
            violations.add(new FieldViolationException.Violation("email", "INVALID", "award.publicObjection.email.INVALID"));
        }
        checkObjection(notice, applicationId, text, violations);
        if (!violations.isEmpty()) {
            throw new FieldViolationException(violations);
        }
        if (!codes.use(callCode, address, code)) {
            throw new FieldViolationException("code", "CODE_INVALID", "award.publicObjection.code.INVALID");
        }
        return file(callCode, applicationId, text, ObjectionCodeRequested.PUBLIC_ACTOR,
                ObjectionCodeRequested.masked(address), address, notice);
    }

    /**
     * For deciding before a request's body is read: true when the signed-in caller may file an objection; the
     * translated {@code 403} of {@link #object} otherwise.
     */
    public boolean mayFileObjection(Object principal) {
        if (!(principal instanceof SilkGrantUser user) || !mayObject(user)) {
            throw new ForbiddenException("award.objection.forbidden");
        }
        return true;
    }

    /**
     * For deciding before a request's body is read: true when the call takes objections from the public and the
     * caller is not signed in; the translated {@code 403} of {@link #objectAsPublic} otherwise.
     */
    @Transactional(readOnly = true)
    public boolean mayObjectPublicly(Object principal, String callCode) {
        publicRules(principal instanceof SilkGrantUser user ? user : null, callCode);
        return true;
    }

    private CallDefinition.PublicObjections publicRules(SilkGrantUser user, String callCode) {
        CallDefinition.Award award = calls.get(callCode).definition().award();
        if (award == null || !award.publicObjections().enabled()) {
            throw new ForbiddenException("award.publicObjection.off");
        }
        if (user != null) {
            throw new ForbiddenException(mayObject(user) ? "award.publicObjection.signedIn" : "award.objection.forbidden");
        }
        return award.publicObjections();
    }

    private NoticeRow openNotice(String callCode) {
        NoticeRow notice = noticeRow(callCode).orElseThrow(() -> new NotFoundException("award.notice.notFound"));
        Instant now = clock.instant();
        if (now.isBefore(notice.publishedAt()) || !now.isBefore(notice.endsAt())) {
            throw new StateConflictException("award.objection.closed", SHOWN.format(notice.endsAt().atZone(BEIJING)));
        }
        return notice;
    }

    private String checkObjection(NoticeRow notice, Long applicationId, String text,
            List<FieldViolationException.Violation> violations) {
        Integer onNotice = applicationId == null ? 0 : jdbc.queryForObject(
                "select count(*) from award_decision where notice_id = ? and application_id = ?", Integer.class,
                notice.id(), applicationId);
        if (onNotice == null || onNotice == 0) {
            violations.add(new FieldViolationException.Violation("applicationId", "NOT_ON_NOTICE", "award.objection.NOT_ON_NOTICE"));
        }
        return text(text, "text", true, violations);
    }

    private ObjectionView file(String callCode, Long applicationId, String text, String filedBy, String filedByName,
            String email, NoticeRow openNotice) {
        NoticeRow notice = openNotice != null ? openNotice : openNotice(callCode);
        List<FieldViolationException.Violation> violations = new ArrayList<>();
        String clean = checkObjection(notice, applicationId, text, violations);
        if (!violations.isEmpty()) {
            throw new FieldViolationException(violations);
        }
        Instant now = clock.instant();
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(c -> {
            var statement = c.prepareStatement("insert into award_objection (notice_id, application_id, filed_by, "
                    + "filed_by_name, text, filed_at, status, filed_by_email, filed_language) "
                    + "values (?, ?, ?, ?, ?, ?, 'OPEN', ?, ?)",
                    new String[] {"id"});
            statement.setLong(1, notice.id());
            statement.setLong(2, applicationId);
            statement.setString(3, filedBy);
            statement.setString(4, filedByName);
            statement.setString(5, clean);
            statement.setObject(6, utc(now));
            statement.setString(7, email);
            statement.setString(8, email == null ? null : LocaleContextHolder.getLocale().toLanguageTag());
            return statement;
        }, key);
        long id = key.getKey().longValue();
        Decidable application = routing.decidable(applicationId).orElseThrow();
        events.publishEvent(new ObjectionFiled(id, applicationId, application.title(), application.leaderId(),
                filedBy, now, ClientAddress.current()));
        return objection(id);
    }

    /** The office upholds or dismisses an open objection with its answer (409 when already answered). */
    @Transactional
    public ObjectionView answer(SilkGrantUser user, Long objectionId, AnswerCommand command) {
        office(user);
        ObjectionView objection = jdbc.query("select o.*, a.title from award_objection o join application a "
                + "on a.id = o.application_id where o.id = ?", this::objectionRow, objectionId).stream().findFirst()
                .orElseThrow(() -> new NotFoundException("award.objection.notFound"));
        if (objection.status() != ObjectionStatus.OPEN) {
            throw new StateConflictException("award.objection.answered", objectionStatusText(objection.status()));
        }
        List<FieldViolationException.Violation> violations = new ArrayList<>();
        ObjectionStatus outcome = command == null ? null : command.outcome();
        if (outcome == null || outcome == ObjectionStatus.OPEN) {
            violations.add(new FieldViolationException.Violation("outcome", "REQUIRED", "award.answer.outcome.REQUIRED"));
        }
        String answer = text(command == null ? null : command.answer(), "answer", true, violations);
        if (!violations.isEmpty()) {
            throw new FieldViolationException(violations);
        }
        Instant now = clock.instant();
        int changed = jdbc.update("update award_objection set status = ?, answer = ?, answered_by = ?, answered_at = ? "
                + "where id = ? and status = 'OPEN'", outcome.name(), answer, user.getUsername(), utc(now), objectionId);
        if (changed == 0) {
            throw new StateConflictException("award.objection.answered", objectionStatusText(ObjectionStatus.OPEN));
        }
        Decidable application = routing.decidable(objection.applicationId()).orElseThrow();
        events.publishEvent(new ObjectionAnswered(objectionId, objection.applicationId(), objection.applicationTitle(),
                application.leaderId(), objection.filedBy(), outcome, user.getUsername(), now, ClientAddress.current(),
                objection.filedByEmail(), objection.filedLanguage()));
        return objection(objectionId);
    }

    /** The objections to the call's notice, oldest first (the office only). */
    @Transactional(readOnly = true)
    public List<ObjectionView> objections(SilkGrantUser user, String callCode) {
        office(user);
        calls.get(callCode);
        return jdbc.query("select o.*, a.title from award_objection o join award_notice n on n.id = o.notice_id "
                + "join application a on a.id = o.application_id where n.call_code = ? order by o.id", this::objectionRow,
                callCode);
    }

    private ObjectionView objection(long id) {
        return jdbc.queryForObject("select o.*, a.title from award_objection o join application a "
                + "on a.id = o.application_id where o.id = ?", this::objectionRow, id);
    }

    private ObjectionView objectionRow(ResultSet rs, int row) throws SQLException {
        return new ObjectionView(rs.getLong("id"), rs.getLong("application_id"), rs.getString("title"),
                rs.getString("filed_by"), rs.getString("filed_by_name"), rs.getString("text"), instant(rs, "filed_at"),
                ObjectionStatus.valueOf(rs.getString("status")), rs.getString("answer"), rs.getString("answered_by"),
                instant(rs, "answered_at"), rs.getString("filed_by_email"), rs.getString("filed_language"));
    }

    // ------------------------------------------------------------------------------------------------ the award

    /**
     * Awards every application of an ended notice that is still APPROVED and has no open or upheld objection; an
     * upheld objection holds the application back (once, flagged to the office); an open one waits for the answer.
     * A notice is complete when nothing waits. Idempotent: each award is its own transaction that moves only an
     * APPROVED application. Returns how many applications this run awarded.
     */
    public int awardDue() {
        Instant now = clock.instant();
        int awarded = 0;
        List<NoticeRow> ended = jdbc.query("select * from award_notice where completed_at is null and ends_at <= ?",
                (rs, i) -> new NoticeRow(rs.getLong("id"), rs.getString("call_code"), instant(rs, "published_at"),
                        instant(rs, "ends_at"), rs.getString("text")), utc(now));
        for (NoticeRow notice : ended) {
            boolean waiting = false;
            List<Map<String, Object>> rows = jdbc.queryForList("select d.application_id, d.held_back_at, "
                    + "(select count(*) from award_objection o where o.application_id = d.application_id "
                    + "and o.notice_id = d.notice_id and o.status = 'OPEN') open_count, "
                    + "(select count(*) from award_objection o where o.application_id = d.application_id "
                    + "and o.notice_id = d.notice_id and o.status = 'UPHELD') upheld_count "
                    + "from award_decision d where d.notice_id = ? order by d.application_id", notice.id());
            for (Map<String, Object> row : rows) {
                long applicationId = ((Number) row.get("application_id")).longValue();
                long open = ((Number) row.get("open_count")).longValue();
                long upheld = ((Number) row.get("upheld_count")).longValue();
                if (upheld > 0) {
                    if (row.get("held_back_at") == null && jdbc.update("update award_decision set held_back_at = ? "
                            + "where application_id = ? and held_back_at is null", utc(now), applicationId) == 1) {
                        events.publishEvent(new AwardHeldBack(applicationId, notice.callCode(), now));
                    }
                } else if (open > 0) {
                    waiting = true;
                } else if (routing.award(applicationId, null)) {
                    awarded++;
                }
            }
            if (!waiting) {
                jdbc.update("update award_notice set completed_at = ? where id = ? and completed_at is null", utc(now),
                        notice.id());
            }
        }
        return awarded;
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private static void office(SilkGrantUser user) {
        if (user == null || !user.hasRole(Role.PROGRAM_OFFICER)) {
            throw new ForbiddenException("award.forbidden");
        }
    }

    /** The open sheets as the office reads them: each expert with why, and how many nobody is assigned to write. */
    private String openSheetsText(Standing sheets, Locale locale) {
        List<String> parts = new ArrayList<>(sheets.unfinished().stream().map(o -> messages.getMessage(
                "award.sheet.open." + o.state().name(), new Object[] {o.expertName()}, locale)).toList());
        if (sheets.missing() > 0) {
            parts.add(messages.getMessage("award.sheet.missing", new Object[] {sheets.missing()}, locale));
        }
        return String.join(messages.getMessage("award.list.separator", null, locale), parts);
    }

    private String categoryTitle(CallView call, String category, Locale locale) {
        return call.definition().categories().stream().filter(c -> c.code().equals(category)).findFirst()
                .map(c -> c.title().in(locale)).orElse(category == null ? "" : category);
    }

    private String statusText(ApplicationStatus status) {
        return messages.getMessage("applications.status." + status, null, status.name(), LocaleContextHolder.getLocale());
    }

    private String objectionStatusText(ObjectionStatus status) {
        return messages.getMessage("award.objection." + status, null, status.name(), LocaleContextHolder.getLocale());
    }

    /** An amount in 万元 as the office reads it in a message: as the pages show it (shared.web.Wan). */
    static String wan(BigDecimal amount) {
        return org.silkgrant.shared.web.Wan.format(amount);
    }

    private static BigDecimal zero() {
        return BigDecimal.ZERO.setScale(MONEY_SCALE);
    }

    private static String text(String value, String field, boolean required,
            List<FieldViolationException.Violation> violations) {
        String clean = value == null || value.isBlank() ? null : value.strip();
        if (clean == null && required) {
            violations.add(new FieldViolationException.Violation(field, "REQUIRED", "award.text.REQUIRED"));
        } else if (clean != null && clean.codePointCount(0, clean.length()) > TEXT_MAX) {
            violations.add(new FieldViolationException.Violation(field, "TOO_LONG", "award.text.TOO_LONG", TEXT_MAX));
        }
        return clean;
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
