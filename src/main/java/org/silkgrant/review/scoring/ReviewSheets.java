package org.silkgrant.review.scoring;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.silkgrant.account.Role;
import org.silkgrant.account.SilkGrantUser;
import org.silkgrant.application.ApplicationRouting;
import org.silkgrant.call.CallDefinition;
import org.silkgrant.call.CallDefinition.Criterion;
import org.silkgrant.call.CallManagement;
import org.silkgrant.review.ExpertManagement;
import org.silkgrant.review.ReviewSheetEvent;
import org.silkgrant.review.ranking.Ranking;
import org.silkgrant.review.ranking.RankingRules;
import org.silkgrant.review.ranking.ScoreSheet;
import org.silkgrant.shared.ClientAddress;
import org.silkgrant.shared.FieldViolationException;
import org.silkgrant.shared.FieldViolationException.Violation;
import org.silkgrant.shared.ForbiddenException;
import org.silkgrant.shared.NotFoundException;
import org.silkgrant.shared.StateConflictException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The experts' review sheets (docs/review.md "Scoring and ranking"): an expert with a CONFIRMED assignment scores
 * every criterion of the call's rubric and writes a comment, saves drafts until the round's deadline, submits
 * (then read-only, the assignment becomes SUBMITTED); the program officer reopens a submitted sheet with a reason.
 * review_round and review_assignment belong to the assignment flow: they are read and updated here with plain SQL.
 */
@Service
public class ReviewSheets {

    /** A submitted sheet's comment has at least this many characters (after trimming). */
    public static final int COMMENT_MIN = 20;
    public static final int COMMENT_MAX = 4000;
    public static final int REASON_MAX = 1000;

    static final ZoneId CALL_TIME = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final JdbcTemplate jdbc;
    private final ExpertManagement experts;
    private final CallManagement calls;
    private final ApplicationRouting routing;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ReviewSheets(JdbcTemplate jdbc, ExpertManagement experts, CallManagement calls, ApplicationRouting routing,
            ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.experts = experts;
        this.calls = calls;
        this.routing = routing;
        this.events = events;
        this.clock = clock;
    }

    /** What the expert sends: criterion code → score (null or absent: not scored yet), and the comment. */
    public record Draft(Map<String, BigDecimal> scores, String comment) {
    }

    /** One assignment with its round, as stored by the assignment flow. */
    record Assignment(long id, long roundId, long applicationId, long expertId, String status, String callCode,
            int roundNumber, Instant deadline) {
    }

    /**
     * A sheet as the expert and the office see it.
     *
     * @param status   NEW (nothing saved yet), DRAFT or SUBMITTED
     * @param total    the weighted total (0–100) once every criterion is scored, else null
     * @param editable whether the expert may still save and submit
     */
    public record SheetView(long assignmentId, long applicationId, String callCode, String title, int roundNumber,
            Instant deadline, String assignmentStatus, String status, Map<String, BigDecimal> scores, String comment,
            BigDecimal total, Instant updatedAt, Instant submittedAt, Instant reopenedAt, String reopenedBy,
            String reopenReason, long version, boolean editable, List<Criterion> rubric) {
    }

    /** The sheet of an assignment: the expert's own (another's is 404), or any for the program officer. */
    @Transactional(readOnly = true)
    public SheetView sheet(SilkGrantUser user, long assignmentId) {
        return view(visible(user, assignmentId));
    }

    /** Saves a draft: scores within their ranges, the comment at most {@value #COMMENT_MAX} characters. */
    @Transactional
    public SheetView save(SilkGrantUser user, long assignmentId, Draft draft) {
        Assignment assignment = writable(user, assignmentId);
        write(assignment, draft);
        publish(user, ReviewSheetEvent.SAVED, assignmentId, null);
        return view(assignment);
    }

    /**
     * Submits the sheet (after saving {@code draft} when given): every criterion scored and a comment of at least
     * {@value #COMMENT_MIN} characters; the sheet becomes read-only and the assignment SUBMITTED.
     */
    @Transactional
    public SheetView submit(SilkGrantUser user, long assignmentId, Draft draft) {
        Assignment assignment = writable(user, assignmentId);
        if (draft != null) {
            write(assignment, draft);
        }
        Stored stored = stored(assignmentId);
        CallDefinition.Review review = review(assignment.callCode());
        List<Violation> violations = new ArrayList<>();
        for (Criterion c : review.rubric()) {
            if (stored == null || !stored.scores.containsKey(c.code())) {
                violations.add(new Violation("scores." + c.code(), "MISSING", "scoring.score.MISSING",
                        c.title().in(LocaleContextHolder.getLocale())));
            }
        }
        String comment = stored == null || stored.comment == null ? "" : stored.comment.strip();
        if (comment.length() < COMMENT_MIN) {
            violations.add(new Violation("comment", "TOO_SHORT", "scoring.comment.TOO_SHORT", COMMENT_MIN));
        }
        if (!violations.isEmpty()) {
            throw new FieldViolationException(violations);
        }
        OffsetDateTime now = now();
        jdbc.update("update review_sheet set status = 'SUBMITTED', submitted_at = ?, updated_at = ?, version = version + 1 "
                + "where assignment_id = ?", now, now, assignmentId);
        int moved = jdbc.update("update review_assignment set status = 'SUBMITTED', submitted_at = ?, version = version + 1 "
                + "where id = ? and status = 'CONFIRMED'", now, assignmentId);
        if (moved != 1) {
            throw new StateConflictException("scoring.state.changed");
        }
        publish(user, ReviewSheetEvent.SUBMITTED, assignmentId, null);
        return view(load(assignmentId));
    }

    /** The program officer reopens a submitted sheet with a reason: DRAFT again, the assignment CONFIRMED. */
    @Transactional
    public SheetView reopen(SilkGrantUser user, long assignmentId, String reason) {
        if (!user.hasRole(Role.PROGRAM_OFFICER)) {
            throw new ForbiddenException("scoring.forbidden");
        }
        Assignment assignment = load(assignmentId);
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            throw new FieldViolationException("reason", "REQUIRED", "scoring.reason.REQUIRED");
        }
        if (why.length() > REASON_MAX) {
            throw new FieldViolationException("reason", "TOO_LONG", "scoring.reason.TOO_LONG", REASON_MAX);
        }
        Stored stored = stored(assignmentId);
        if (stored == null || !"SUBMITTED".equals(stored.status) || !"SUBMITTED".equals(assignment.status())) {
            throw new StateConflictException("scoring.reopen.notSubmitted");
        }
        OffsetDateTime now = now();
        jdbc.update("update review_sheet set status = 'DRAFT', reopened_at = ?, reopened_by = ?, reopen_reason = ?, "
                + "updated_at = ?, version = version + 1 where assignment_id = ?", now, user.getUsername(), why, now,
                assignmentId);
        jdbc.update("update review_assignment set status = 'CONFIRMED', submitted_at = null, version = version + 1 "
                + "where id = ?", assignmentId);
        publish(user, ReviewSheetEvent.REOPENED, assignmentId, "reason: " + why.length() + " characters");
        Long expertUser = jdbc.queryForObject("select user_id from expert where id = ?", Long.class,
                assignment.expertId());
        events.publishEvent(new org.silkgrant.review.ReviewSheetReopened(expertUser, assignmentId,
                assignment.applicationId(), assignment.callCode(), why, now.toInstant()));
        return view(load(assignmentId));
    }

    /** The weighted total of a complete set of scores (0–100, 2 decimals), null while a criterion is unscored. */
    static BigDecimal total(CallDefinition.Review review, long applicationId, Map<String, BigDecimal> scores) {
        if (!review.rubric().stream().allMatch(c -> scores.containsKey(c.code()))) {
            return null;
        }
        return Ranking.total(RankingRules.of(review), new ScoreSheet(0L, applicationId, scores));
    }

    // ---------------------------------------------------------------------------------------------------------------

    private void write(Assignment assignment, Draft draft) {
        CallDefinition.Review review = review(assignment.callCode());
        Map<String, BigDecimal> scores = draft == null || draft.scores() == null ? Map.of() : draft.scores();
        String comment = draft == null ? null : draft.comment();
        Locale locale = LocaleContextHolder.getLocale();
        Map<String, Criterion> byCode = new LinkedHashMap<>();
        review.rubric().forEach(c -> byCode.put(c.code(), c));
        List<Violation> violations = new ArrayList<>();
        Map<String, BigDecimal> valid = new LinkedHashMap<>();
        for (Map.Entry<String, BigDecimal> e : scores.entrySet()) {
            Criterion c = byCode.get(e.getKey());
            if (c == null) {
                violations.add(new Violation("scores." + e.getKey(), "UNKNOWN_CRITERION", "scoring.score.UNKNOWN_CRITERION",
                        e.getKey()));
            } else if (e.getValue() == null) {
                continue;
            } else if (e.getValue().compareTo(c.minScore()) < 0 || e.getValue().compareTo(c.maxScore()) > 0) {
                violations.add(new Violation("scores." + c.code(), "OUT_OF_RANGE", "scoring.score.OUT_OF_RANGE",
                        c.title().in(locale), c.minScore().toPlainString(), c.maxScore().toPlainString()));
            } else if (e.getValue().stripTrailingZeros().scale() > 2) {
                violations.add(new Violation("scores." + c.code(), "TOO_PRECISE", "scoring.score.TOO_PRECISE",
                        c.title().in(locale)));
            } else {
                valid.put(c.code(), e.getValue());
            }
        }
        if (comment != null && comment.length() > COMMENT_MAX) {
            violations.add(new Violation("comment", "TOO_LONG", "scoring.comment.TOO_LONG", COMMENT_MAX));
        }
        if (!violations.isEmpty()) {
            throw new FieldViolationException(violations);
        }
        OffsetDateTime now = now();
        String text = comment == null || comment.isBlank() ? null : comment.strip();
        int updated = jdbc.update("update review_sheet set comment = ?, updated_at = ?, version = version + 1 "
                + "where assignment_id = ? and status = 'DRAFT'", text, now, assignment.id());
        if (updated == 0) {
            jdbc.update("insert into review_sheet (assignment_id, status, comment, updated_at, version) "
                    + "values (?, 'DRAFT', ?, ?, 0)", assignment.id(), text, now);
        }
        jdbc.update("delete from review_score where assignment_id = ?", assignment.id());
        valid.forEach((code, score) -> jdbc.update("insert into review_score (assignment_id, criterion_code, score) "
                + "values (?, ?, ?)", assignment.id(), code, score));
    }

    /** The expert's own assignment in a state that allows scoring, before the deadline (or reopened). */
    private Assignment writable(SilkGrantUser user, long assignmentId) {
        if (!user.hasRole(Role.EXPERT)) {
            throw new ForbiddenException("scoring.forbidden");
        }
        Assignment assignment = visible(user, assignmentId);
        switch (assignment.status()) {
            case "CONFIRMED" -> { }
            case "SUBMITTED" -> throw new StateConflictException("scoring.state.submitted");
            case "ASSIGNED", "DECLINED" -> throw new StateConflictException("scoring.state.confirmFirst");
            default -> throw new StateConflictException("scoring.state.closed");
        }
        Stored stored = stored(assignmentId);
        boolean reopened = stored != null && stored.reopenedAt != null;
        if (!reopened && !clock.instant().isBefore(assignment.deadline())) {
            throw new StateConflictException("scoring.state.deadlinePassed",
                    SHOWN.format(assignment.deadline().atZone(CALL_TIME)));
        }
        return assignment;
    }

    /** The expert's own assignment (another's, or one removed from them, is 404), any for the program officer. */
    /**
     * For deciding before a request's body is read: true when the user may see the sheet (the expert of the
     * assignment, or the program office); {@code 404} for another expert's, {@code 403} for other roles.
     */
    public boolean visibleTo(SilkGrantUser user, long assignmentId) {
        visible(user, assignmentId);
        return true;
    }

    private Assignment visible(SilkGrantUser user, long assignmentId) {
        if (user.hasRole(Role.EXPERT)) {
            Assignment assignment = load(assignmentId);
            Long expertId = experts.findByUser(user.id()).map(e -> e.id()).orElse(null);
            if (expertId == null || expertId != assignment.expertId()) {
                throw new NotFoundException("scoring.notFound");
            }
            return assignment;
        }
        if (user.hasRole(Role.PROGRAM_OFFICER)) {
            return load(assignmentId);
        }
        throw new ForbiddenException("scoring.forbidden");
    }

    Assignment load(long assignmentId) {
        List<Assignment> found = jdbc.query("select a.id, a.round_id, a.application_id, a.expert_id, a.status, "
                + "r.call_code, r.number, r.deadline from review_assignment a join review_round r on r.id = a.round_id "
                + "where a.id = ?", (rs, n) -> new Assignment(rs.getLong(1), rs.getLong(2), rs.getLong(3),
                        rs.getLong(4), rs.getString(5), rs.getString(6), rs.getInt(7), instant(rs, 8)), assignmentId);
        if (found.isEmpty()) {
            throw new NotFoundException("scoring.notFound");
        }
        return found.get(0);
    }

    private record Stored(String status, String comment, Instant updatedAt, Instant submittedAt, Instant reopenedAt,
            String reopenedBy, String reopenReason, long version, Map<String, BigDecimal> scores) {
    }

    private Stored stored(long assignmentId) {
        List<Stored> found = jdbc.query("select status, comment, updated_at, submitted_at, reopened_at, reopened_by, "
                + "reopen_reason, version from review_sheet where assignment_id = ?", (rs, n) -> new Stored(
                        rs.getString(1), rs.getString(2), instant(rs, 3), instant(rs, 4), instant(rs, 5), rs.getString(6),
                        rs.getString(7), rs.getLong(8), new LinkedHashMap<>()), assignmentId);
        if (found.isEmpty()) {
            return null;
        }
        Stored stored = found.get(0);
        jdbc.query("select criterion_code, score from review_score where assignment_id = ?",
                rs -> { stored.scores.put(rs.getString(1), rs.getBigDecimal(2)); }, assignmentId);
        return stored;
    }

    private SheetView view(Assignment a) {
        CallDefinition.Review review = review(a.callCode());
        Stored stored = stored(a.id());
        String title = routing.decidable(a.applicationId()).map(d -> d.title()).orElse("");
        Map<String, BigDecimal> scores = stored == null ? Map.of() : Map.copyOf(stored.scores);
        boolean reopened = stored != null && stored.reopenedAt != null;
        boolean editable = "CONFIRMED".equals(a.status())
                && (reopened || clock.instant().isBefore(a.deadline()));
        return new SheetView(a.id(), a.applicationId(), a.callCode(), title, a.roundNumber(), a.deadline(), a.status(),
                stored == null ? "NEW" : stored.status, scores, stored == null ? null : stored.comment,
                total(review, a.applicationId(), scores), stored == null ? null : stored.updatedAt,
                stored == null ? null : stored.submittedAt, stored == null ? null : stored.reopenedAt,
                stored == null ? null : stored.reopenedBy, stored == null ? null : stored.reopenReason,
                stored == null ? 0 : stored.version, editable, review.rubric());
    }

    private CallDefinition.Review review(String callCode) {
        CallDefinition.Review review = calls.get(callCode).definition().review();
        if (review == null || review.rubric() == null || review.rubric().isEmpty()) {
            throw new StateConflictException("scoring.state.noRubric", callCode);
        }
        return review;
    }

    private void publish(SilkGrantUser user, String action, long assignmentId, String detail) {
        events.publishEvent(new ReviewSheetEvent(user.getUsername(),
                user.hasRole(Role.PROGRAM_OFFICER) ? Role.PROGRAM_OFFICER.name() : Role.EXPERT.name(), action,
                assignmentId, ClientAddress.current(), "SUCCESS", detail));
    }

    private OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
