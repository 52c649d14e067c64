package org.silkgrant.review.scoring;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonFormat;

import org.silkgrant.account.Role;
import org.silkgrant.account.SilkGrantUser;
import org.silkgrant.application.OfficeFilter;
import org.silkgrant.application.OfficeRow;
import org.silkgrant.application.OfficeTable;
import org.silkgrant.call.CallDefinition;
import org.silkgrant.call.CallManagement;
import org.silkgrant.call.CallView;
import org.silkgrant.review.ranking.ApplicationScore;
import org.silkgrant.review.ranking.RankedApplication;
import org.silkgrant.review.ranking.Ranking;
import org.silkgrant.review.ranking.RankingRules;
import org.silkgrant.review.ranking.ScoreSheet;
import org.silkgrant.shared.ForbiddenException;
import org.silkgrant.shared.StateConflictException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The ranking of a call (docs/review.md "Scoring and ranking"): the SUBMITTED sheets of every round of the call,
 * aggregated by {@link Ranking} and listed per category and scope with what the office needs to read a row.
 */
@Service
public class ReviewRanking {

    private final JdbcTemplate jdbc;
    private final CallManagement calls;
    private final OfficeTable table;

    ReviewRanking(JdbcTemplate jdbc, CallManagement calls, OfficeTable table) {
        this.jdbc = jdbc;
        this.calls = calls;
        this.table = table;
    }

    /**
     * One ranked application.
     *
     * @param sheets      submitted sheets counted
     * @param expected    assignments that should give a sheet (all but DECLINED and REMOVED)
     * @param submitted   each submitted sheet's assignment and weighted total, for links to the sheets
     * @param requestedFiscal the fiscal funds the application requests, 万元 (a decimal string in the API)
     */
    public record Row(int rank, Long applicationId, String receiptNumber, String title, String organizationName,
            int sheets, int expected, BigDecimal mean, BigDecimal trimmedMean, BigDecimal normalizedScore,
            BigDecimal spread, boolean disagreement, List<SheetTotal> submitted,
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal requestedFiscal) {
    }

    /** One submitted sheet of a ranked application. */
    public record SheetTotal(long assignmentId, BigDecimal total) {
    }

    /** The ranked list of one category and scope, with the fiscal funds its applications request together (万元). */
    public record Group(String category, String scope, List<Row> rows,
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal requestedTotal) {

        /** The exact sum of the rows' requested fiscal funds (an application without a budget counts 0). */
        static Group of(String category, String scope, List<Row> rows) {
            return new Group(category, scope, rows, rows.stream().map(Row::requestedFiscal)
                    .filter(java.util.Objects::nonNull).reduce(BigDecimal.ZERO.setScale(4), BigDecimal::add));
        }
    }

    public record CallRanking(String callCode, BigDecimal disagreementThreshold, int trimmedMeanMinimumScores,
            List<Group> groups) {
    }

    /** The ranking of a call, for the program officer only; 404 for an unknown call. */
    @Transactional(readOnly = true)
    public CallRanking ranking(SilkGrantUser user, String callCode) {
        if (!user.hasRole(Role.PROGRAM_OFFICER)) {
            throw new ForbiddenException("scoring.forbidden");
        }
        CallView call = calls.get(callCode);
        CallDefinition.Review review = call.definition().review();
        if (review == null || review.rubric() == null || review.rubric().isEmpty()) {
            throw new StateConflictException("scoring.state.noRubric", callCode);
        }
        RankingRules rules = RankingRules.of(review);

        Map<Long, Long[]> sheetKeys = new LinkedHashMap<>();
        Map<Long, Map<String, BigDecimal>> scores = new HashMap<>();
        jdbc.query("select a.id, a.application_id, a.expert_id, sc.criterion_code, sc.score from review_sheet s "
                + "join review_assignment a on a.id = s.assignment_id join review_round r on r.id = a.round_id "
                + "join review_score sc on sc.assignment_id = s.assignment_id "
                + "where r.call_code = ? and s.status = 'SUBMITTED' and a.status = 'SUBMITTED' order by a.id", rs -> {
                    long id = rs.getLong(1);
                    sheetKeys.putIfAbsent(id, new Long[] {rs.getLong(2), rs.getLong(3)});
                    scores.computeIfAbsent(id, k -> new HashMap<>()).put(rs.getString(4), rs.getBigDecimal(5));
                }, callCode);
        List<ScoreSheet> sheets = new ArrayList<>();
        Map<Long, List<SheetTotal>> assignmentsOf = new HashMap<>();
        sheetKeys.forEach((id, key) -> {
            Map<String, BigDecimal> own = new HashMap<>();
            for (CallDefinition.Criterion c : review.rubric()) {
                BigDecimal score = scores.get(id).get(c.code());
                if (score == null) {
                    return; // submitted under another rubric: cannot be totalled against this one
                }
                own.put(c.code(), score);
            }
            ScoreSheet sheet = new ScoreSheet(key[1], key[0], own);
            sheets.add(sheet);
            assignmentsOf.computeIfAbsent(key[0], k -> new ArrayList<>()).add(new SheetTotal(id, Ranking.total(rules, sheet)));
        });

        Map<Long, Integer> expected = new HashMap<>();
        jdbc.query("select a.application_id, count(*) from review_assignment a join review_round r on r.id = a.round_id "
                + "where r.call_code = ? and a.status not in ('DECLINED', 'REMOVED') group by a.application_id",
                rs -> { expected.put(rs.getLong(1), rs.getInt(2)); }, callCode);

        Map<Long, OfficeRow> rows = new HashMap<>();
        Map<Long, RankedApplication.Group> groups = new HashMap<>();
        table.forEach(callCode, OfficeFilter.NONE, OfficeTable.Sort.RECEIPT_NUMBER, false, row -> {
            if (assignmentsOf.containsKey(row.id())) {
                rows.put(row.id(), row);
                groups.put(row.id(), new RankedApplication.Group(row.category(), row.scope()));
            }
        });

        List<Group> out = new ArrayList<>();
        Ranking.rank(rules, sheets, groups).forEach((group, ranked) -> out.add(Group.of(group.category(),
                group.scope(), ranked.stream().map(r -> {
                    ApplicationScore s = r.score();
                    OfficeRow row = rows.get(s.applicationId());
                    return new Row(r.rank(), s.applicationId(), row.receiptNumber(), row.title(),
                            row.organizationName(), s.count(), expected.getOrDefault(s.applicationId(), s.count()),
                            s.mean(), s.trimmedMean(), s.normalizedScore(), s.spread(), s.disagreement(),
                            List.copyOf(assignmentsOf.get(s.applicationId())), row.fiscal());
                }).toList())));
        return new CallRanking(callCode, review.disagreementThreshold(), review.trimmedMeanMinimumScores(), out);
    }
}
