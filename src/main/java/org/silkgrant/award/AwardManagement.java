package org.silkgrant.award;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.silkgrant.account.Role;
import org.silkgrant.account.SilkGrantUser;
import org.silkgrant.application.Action;
import org.silkgrant.application.ApplicationRouting;
import org.silkgrant.application.ApplicationRouting.Decidable;
import org.silkgrant.application.ApplicationStatus;
import org.silkgrant.call.CallManagement;
import org.silkgrant.call.CallView;
import org.silkgrant.shared.ClientAddress;
import org.silkgrant.shared.FieldViolationException;
import org.silkgrant.shared.ForbiddenException;
import org.silkgrant.shared.NotFoundException;
import org.silkgrant.shared.StateConflictException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Decisions, the public notice and objections (docs/award.md). The office decides on applications UNDER_REVIEW,
 * publishes the notice of a call's approved applications for the call's notice period, answers objections; anyone
 * signed in files an objection while the notice runs; {@link #awardDue()} awards what the notice let through.
 */
@Service
public class AwardManagement {

    /** Longest note, objection or answer. */
    static final int TEXT_MAX = 2000;

    /** Money in 万元 has at most 4 decimals (whole yuan), as API.md and the budget have it. */
    static final int MONEY_SCALE = 4;

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** A decision to record: APPROVED with the granted fiscal amount (万元), or NOT_FUNDED; an optional note. */
    public record DecisionCommand(Decision decision, BigDecimal grantedAmount, String note) {
    }

    /** An application of the call as the office decides on it, with its decision once taken. */
    public record DecisionView(Long applicationId, String callCode, String title, String organizationName,
            String leaderName, String category, String scope, BigDecimal requestedFiscal, ApplicationStatus status,
            Decision decision, BigDecimal grantedAmount, String note, String decidedBy, Instant decidedAt,
            boolean onNotice, boolean heldBack, long openObjections, long upheldObjections) {
    }

    /** An approved project as the public notice shows it. */
    public record NoticedProject(Long applicationId, String title, String organizationName, String leaderName,
            String category, String scope, BigDecimal grantedAmount, ApplicationStatus status) {
    }

    /** A call's public notice; {@code open} while objections may be filed. */
    public record NoticeView(String callCode, Instant publishedAt, Instant endsAt, String text, boolean open,
            List<NoticedProject> projects) {
    }

    /** An objection as the office sees it (the public never sees objections). */
    public record ObjectionView(Long id, Long applicationId, String applicationTitle, String filedBy, String filedByName,
            String text, Instant filedAt, ObjectionStatus status, String answer, String answeredBy, Instant answeredAt) {
    }

    /** The office's answer: UPHELD or DISMISSED, with the reason. */
    public record AnswerCommand(ObjectionStatus outcome, String answer) {
    }

    private final ApplicationRouting routing;
    private final CallManagement calls;
    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AwardManagement(ApplicationRouting routing, CallManagement calls, JdbcTemplate jdbc,
            ApplicationEventPublisher events, Clock clock) {
        this.routing = routing;
        this.calls = calls;
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    /** Records the office's decision and moves the application to APPROVED or NOT_FUNDED. */
    @Transactional
    public DecisionView decide(SilkGrantUser user, Long applicationId, DecisionCommand command) {
        office(user);
        Decidable application = routing.decidable(applicationId)
                .orElseThrow(() -> new NotFoundException("application.notFound"));
        if (application.status() != ApplicationStatus.UNDER_REVIEW) {
            throw new StateConflictException("award.decision.notUnderReview", application.status());
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
                        "award.amount.ABOVE_REQUESTED", application.requestedFiscal().stripTrailingZeros().toPlainString()));
            }
        } else {
            amount = null;
        }
        String note = text(command == null ? null : command.note(), "note", false, violations);
        if (!violations.isEmpty()) {
            throw new FieldViolationException(violations);
        }
        routing.decide(user, applicationId, decision == Decision.APPROVED ? Action.FUND : Action.DECLINE, note);
        Instant now = clock.instant();
        jdbc.update("insert into award_decision (application_id, call_code, decision, granted_fiscal, note, decided_by, "
                + "decided_by_name, decided_at) values (?, ?, ?, ?, ?, ?, ?, ?)", applicationId, application.callCode(),
                decision.name(), amount == null ? null : amount.setScale(MONEY_SCALE), note, user.getUsername(),
                user.fullName(), utc(now));
        events.publishEvent(new DecisionRecorded(applicationId, application.callCode(), decision, amount,
                user.getUsername(), now, ClientAddress.current()));
        return decisions(application.callCode()).stream().filter(d -> d.applicationId().equals(applicationId))
                .findFirst().orElseThrow();
    }

    /** The call's applications under review and those decided, by id (the office only). */
    @Transactional(readOnly = true)
    public List<DecisionView> decisions(SilkGrantUser user, String callCode) {
        office(user);
        calls.get(callCode);
        return decisions(callCode);
    }

    private List<DecisionView> decisions(String callCode) {
        Map<Long, DecisionRow> decided = new HashMap<>();
        jdbc.query("select * from award_decision where call_code = ?", rs -> {
            decided.put(rs.getLong("application_id"), DecisionRow.of(rs));
        }, callCode);
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
        return routing.decidable(callCode, EnumSet.of(ApplicationStatus.UNDER_REVIEW, ApplicationStatus.APPROVED,
                ApplicationStatus.NOT_FUNDED, ApplicationStatus.AWARDED)).stream()
                .filter(a -> a.status() == ApplicationStatus.UNDER_REVIEW || decided.containsKey(a.id()))
                .map(a -> {
                    DecisionRow d = decided.get(a.id());
                    long[] counts = objections.getOrDefault(a.id(), new long[2]);
                    return new DecisionView(a.id(), a.callCode(), a.title(), a.organizationName(), a.leaderName(),
                            a.category(), a.scope(), a.requestedFiscal(), a.status(), d == null ? null : d.decision,
                            d == null ? null : d.amount, d == null ? null : d.note, d == null ? null : d.decidedBy,
                            d == null ? null : d.decidedAt, d != null && d.noticeId != null,
                            d != null && d.heldBackAt != null, counts[0], counts[1]);
                }).toList();
    }

    private record DecisionRow(Decision decision, BigDecimal amount, String note, String decidedBy, Instant decidedAt,
            Long noticeId, Instant heldBackAt) {

        static DecisionRow of(ResultSet rs) throws SQLException {
            long notice = rs.getLong("notice_id");
            return new DecisionRow(Decision.valueOf(rs.getString("decision")), rs.getBigDecimal("granted_fiscal"),
                    rs.getString("note"), rs.getString("decided_by"), instant(rs, "decided_at"),
                    rs.wasNull() ? null : notice, instant(rs, "held_back_at"));
        }
    }

    /**
     * Publishes the call's public notice with every approved application not yet on it; it runs for the call's
     * notice period from now. One notice per call (409 for a second, or when nothing is approved).
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
        if (noticeRow(callCode).isPresent()) {
            throw new StateConflictException("award.notice.alreadyPublished");
        }
        List<DecisionView> approved = decisions(callCode).stream()
                .filter(d -> d.decision() == Decision.APPROVED && d.status() == ApplicationStatus.APPROVED).toList();
        if (approved.isEmpty()) {
            throw new StateConflictException("award.notice.nothingApproved");
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
        List<NoticePublished.Noticed> noticed = new ArrayList<>();
        for (DecisionView d : approved) {
            Map<String, Object> people = jdbc.queryForMap("select leader_id, organization_id from application where id = ?",
                    d.applicationId());
            noticed.add(new NoticePublished.Noticed(d.applicationId(), d.title(),
                    ((Number) people.get("leader_id")).longValue(), ((Number) people.get("organization_id")).longValue()));
        }
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

    /**
     * Files an objection against an application on the call's notice, while the notice runs (409 at its end or
     * later, with the end in Beijing time); anyone signed in.
     */
    @Transactional
    public ObjectionView object(SilkGrantUser user, String callCode, Long applicationId, String text) {
        calls.get(callCode);
        NoticeRow notice = noticeRow(callCode).orElseThrow(() -> new NotFoundException("award.notice.notFound"));
        Instant now = clock.instant();
        if (now.isBefore(notice.publishedAt()) || !now.isBefore(notice.endsAt())) {
            throw new StateConflictException("award.objection.closed", SHOWN.format(notice.endsAt().atZone(BEIJING)));
        }
        List<FieldViolationException.Violation> violations = new ArrayList<>();
        Integer onNotice = applicationId == null ? 0 : jdbc.queryForObject(
                "select count(*) from award_decision where notice_id = ? and application_id = ?", Integer.class,
                notice.id(), applicationId);
        if (onNotice == null || onNotice == 0) {
            violations.add(new FieldViolationException.Violation("applicationId", "NOT_ON_NOTICE", "award.objection.NOT_ON_NOTICE"));
        }
        String clean = text(text, "text", true, violations);
        if (!violations.isEmpty()) {
            throw new FieldViolationException(violations);
        }
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(c -> {
            var statement = c.prepareStatement("insert into award_objection (notice_id, application_id, filed_by, "
                    + "filed_by_name, text, filed_at, status) values (?, ?, ?, ?, ?, ?, 'OPEN')", new String[] {"id"});
            statement.setLong(1, notice.id());
            statement.setLong(2, applicationId);
            statement.setString(3, user.getUsername());
            statement.setString(4, user.fullName());
            statement.setString(5, clean);
            statement.setObject(6, utc(now));
            return statement;
        }, key);
        long id = key.getKey().longValue();
        Decidable application = routing.decidable(applicationId).orElseThrow();
        events.publishEvent(new ObjectionFiled(id, applicationId, application.title(), leaderOf(applicationId),
                user.getUsername(), now, ClientAddress.current()));
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
            throw new StateConflictException("award.objection.answered", objection.status());
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
            throw new StateConflictException("award.objection.answered", ObjectionStatus.OPEN);
        }
        events.publishEvent(new ObjectionAnswered(objectionId, objection.applicationId(), objection.applicationTitle(),
                leaderOf(objection.applicationId()), objection.filedBy(), outcome, user.getUsername(), now,
                ClientAddress.current()));
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
                instant(rs, "answered_at"));
    }

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

    private Long leaderOf(Long applicationId) {
        return jdbc.queryForObject("select leader_id from application where id = ?", Long.class, applicationId);
    }

    private static void office(SilkGrantUser user) {
        if (user == null || !user.hasRole(Role.PROGRAM_OFFICER)) {
            throw new ForbiddenException("award.forbidden");
        }
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
