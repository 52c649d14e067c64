package org.silkgrant.review;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.silkgrant.account.Role;
import org.silkgrant.account.SilkGrantUser;
import org.silkgrant.call.CallManagement;
import org.silkgrant.review.scoring.ReviewRanking;
import org.silkgrant.shared.ForbiddenException;
import org.silkgrant.shared.StateConflictException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where each application of a call stands in the review, for the office's decisions (the award module reads the
 * review only through this): its rank in its category and scope with the aggregated scores of the ranking, and the
 * score sheets still missing — assigned but not submitted, or fewer live assignments than the round's k.
 */
@Service
public class ReviewStandings {

    /** Why an expected sheet is not in: the expert has not declared (no) conflict, not started, or saved a draft. */
    public enum Open {
        NOT_CONFIRMED, NOT_STARTED, DRAFT
    }

    /** One sheet that should be in and is not. */
    public record OpenSheet(Long assignmentId, String expertName, Open state) {
    }

    /**
     * One application's standing.
     *
     * @param rank      rank within its category and scope (1, 1, 3 …); null without any submitted sheet
     * @param sheets    submitted sheets counted by the ranking
     * @param wanted    k, the experts the round asks for per application (the call's k without a round)
     * @param unfinished the live assignments whose sheet is not submitted
     */
    public record Standing(Long applicationId, Integer rank, int sheets, int wanted, BigDecimal mean,
            BigDecimal trimmedMean, BigDecimal normalizedScore, BigDecimal spread, boolean disagreement,
            List<OpenSheet> unfinished) {

        public Standing {
            unfinished = List.copyOf(unfinished);
        }

        /** Sheets that nobody is assigned to write: k less the submitted and the unfinished ones. */
        public int missing() {
            return Math.max(0, wanted - sheets - unfinished.size());
        }

        /** Every sheet the application should have is submitted. */
        public boolean complete() {
            return unfinished.isEmpty() && missing() == 0;
        }
    }

    private final JdbcTemplate jdbc;
    private final CallManagement calls;
    private final ReviewRanking ranking;

    ReviewStandings(JdbcTemplate jdbc, CallManagement calls, ReviewRanking ranking) {
        this.jdbc = jdbc;
        this.calls = calls;
        this.ranking = ranking;
    }

    /**
     * The standing of every application of the call that has been in a review round or has sheets, by application
     * id; the office only. Applications absent from the map were never assigned: k sheets are missing.
     */
    @Transactional(readOnly = true)
    public Map<Long, Standing> ofCall(SilkGrantUser user, String callCode) {
        office(user);
        int k = calls.get(callCode).definition().review().expertsPerApplication();
        Map<Long, ReviewRanking.Row> ranked = new HashMap<>();
        try {
            ranking.ranking(user, callCode).groups().forEach(g -> g.rows().forEach(r -> ranked.put(r.applicationId(), r)));
        } catch (StateConflictException noRubric) {
            // a call without a rubric has no scores to rank; the sheets still count below
        }
        Map<Long, List<OpenSheet>> open = new HashMap<>();
        Map<Long, Integer> wanted = new HashMap<>();
        jdbc.query("select a.id, a.application_id, a.status, e.full_name, s.status sheet_status, r.experts_per_application "
                + "from review_assignment a join review_round r on r.id = a.round_id join expert e on e.id = a.expert_id "
                + "left join review_sheet s on s.assignment_id = a.id where r.call_code = ? order by a.id", rs -> {
                    long application = rs.getLong(2);
                    wanted.merge(application, rs.getInt(6), Math::max);
                    OpenSheet sheet = openSheet(rs.getLong(1), rs.getString(3), rs.getString(4), rs.getString(5));
                    if (sheet != null) {
                        open.computeIfAbsent(application, id -> new ArrayList<>()).add(sheet);
                    }
                }, callCode);
        Map<Long, Standing> out = new HashMap<>();
        for (Long application : union(ranked.keySet(), wanted.keySet())) {
            out.put(application, standing(application, ranked.get(application), wanted.getOrDefault(application, k),
                    open.getOrDefault(application, List.of())));
        }
        return out;
    }

    /** The standing of one application without ranking it: its submitted and unfinished sheets (the office only). */
    @Transactional(readOnly = true)
    public Standing sheetsOf(SilkGrantUser user, Long applicationId, String callCode) {
        office(user);
        int k = calls.get(callCode).definition().review().expertsPerApplication();
        List<OpenSheet> open = new ArrayList<>();
        int[] submitted = {0};
        int[] wanted = {0};
        jdbc.query("select a.id, a.application_id, a.status, e.full_name, s.status sheet_status, r.experts_per_application "
                + "from review_assignment a join review_round r on r.id = a.round_id join expert e on e.id = a.expert_id "
                + "left join review_sheet s on s.assignment_id = a.id where a.application_id = ? and r.call_code = ? "
                + "order by a.id", rs -> {
                    wanted[0] = Math.max(wanted[0], rs.getInt(6));
                    if ("SUBMITTED".equals(rs.getString(3)) && "SUBMITTED".equals(rs.getString(5))) {
                        submitted[0]++;
                    }
                    OpenSheet sheet = openSheet(rs.getLong(1), rs.getString(3), rs.getString(4), rs.getString(5));
                    if (sheet != null) {
                        open.add(sheet);
                    }
                }, applicationId, callCode);
        return new Standing(applicationId, null, submitted[0], wanted[0] == 0 ? k : wanted[0], null, null, null, null,
                false, open);
    }

    private static Standing standing(Long application, ReviewRanking.Row row, int wanted, List<OpenSheet> open) {
        if (row == null) {
            return new Standing(application, null, 0, wanted, null, null, null, null, false, open);
        }
        return new Standing(application, row.rank(), row.sheets(), wanted, row.mean(), row.trimmedMean(),
                row.normalizedScore(), row.spread(), row.disagreement(), open);
    }

    /** A live assignment without a submitted sheet; null for a submitted, declined or removed one. */
    private static OpenSheet openSheet(long assignment, String status, String expertName, String sheetStatus) {
        return switch (status) {
            case "ASSIGNED" -> new OpenSheet(assignment, expertName, Open.NOT_CONFIRMED);
            case "CONFIRMED" -> new OpenSheet(assignment, expertName, sheetStatus == null ? Open.NOT_STARTED : Open.DRAFT);
            default -> null;
        };
    }

    private static List<Long> union(java.util.Set<Long> a, java.util.Set<Long> b) {
        java.util.Set<Long> all = new java.util.TreeSet<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }

    private static void office(SilkGrantUser user) {
        if (user == null || !user.hasRole(Role.PROGRAM_OFFICER)) {
            throw new ForbiddenException("scoring.forbidden");
        }
    }
}
