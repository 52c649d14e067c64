package org.silkgrant.review.ranking;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.IdentityHashMap;
import java.util.TreeMap;

import org.silkgrant.call.CallDefinition.Criterion;

/**
 * Aggregates submitted score sheets into per-application scores and ranked lists, exactly (docs/award.md):
 * <ul>
 * <li>a sheet's weighted total is Σ weight × (score − min) / (max − min), rounded to 2 decimals HALF_UP — the number
 * the expert and the office see, and from which everything else is computed, so anyone can recompute it;</li>
 * <li>mean and trimmed mean are exact sums divided once, rounded to 2 decimals HALF_UP;</li>
 * <li>the expert-normalised score is the mean of z-scores, z = (total − expert's mean) / expert's population standard
 * deviation over all the expert's sheets in the round, computed in 34 significant digits and rounded to 3 decimals
 * HALF_UP; an expert with a single sheet or with all totals equal gives z = 0 (no information about their scale,
 * so their sheets neither lift nor sink an application).</li>
 * </ul>
 * Pure code: no Spring, no database.
 */
public final class Ranking {

    /** Decimals of totals, means and the spread. */
    public static final int SCORE_SCALE = 2;

    /** Decimals of the expert-normalised score. */
    public static final int Z_SCALE = 3;

    private static final MathContext EXACT = MathContext.DECIMAL128;

    private Ranking() {
    }

    /** The weighted total (0–100) of one sheet; refuses a sheet without a score for every criterion or out of range. */
    public static BigDecimal total(RankingRules rules, ScoreSheet sheet) {
        BigDecimal sum = BigDecimal.ZERO;
        for (Criterion c : rules.criteria()) {
            BigDecimal score = sheet.scores().get(c.code());
            if (score == null) {
                throw new IllegalArgumentException("sheet of expert " + sheet.expertId() + " for application "
                        + sheet.applicationId() + " has no score for " + c.code());
            }
            if (score.compareTo(c.minScore()) < 0 || score.compareTo(c.maxScore()) > 0) {
                throw new IllegalArgumentException("score " + score + " for " + c.code() + " outside "
                        + c.minScore() + "–" + c.maxScore());
            }
            BigDecimal share = score.subtract(c.minScore()).divide(c.maxScore().subtract(c.minScore()), EXACT);
            sum = sum.add(c.weight().multiply(share, EXACT), EXACT);
        }
        return sum.setScale(SCORE_SCALE, RoundingMode.HALF_UP);
    }

    /** Per application (in order of first appearance): totals, mean, trimmed mean, normalised score, spread, flag. */
    public static List<ApplicationScore> aggregate(RankingRules rules, List<ScoreSheet> sheets) {
        // Keyed by identity: two sheets with equal content are still two sheets.
        Map<ScoreSheet, BigDecimal> totals = new IdentityHashMap<>();
        sheets.forEach(s -> totals.put(s, total(rules, s)));
        Map<ScoreSheet, BigDecimal> z = zScores(totals);

        Map<Long, List<ScoreSheet>> byApplication = new LinkedHashMap<>();
        sheets.forEach(s -> byApplication.computeIfAbsent(s.applicationId(), id -> new ArrayList<>()).add(s));
        List<ApplicationScore> out = new ArrayList<>();
        byApplication.forEach((id, own) -> {
            List<BigDecimal> values = own.stream().map(totals::get).sorted(Comparator.reverseOrder()).toList();
            BigDecimal sum = values.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            int n = values.size();
            BigDecimal mean = sum.divide(BigDecimal.valueOf(n), SCORE_SCALE, RoundingMode.HALF_UP);
            BigDecimal highest = values.get(0);
            BigDecimal lowest = values.get(n - 1);
            BigDecimal trimmed = n >= rules.trimmedMeanMinimumScores()
                    ? sum.subtract(highest).subtract(lowest).divide(BigDecimal.valueOf(n - 2), SCORE_SCALE, RoundingMode.HALF_UP)
                    : null;
            BigDecimal zSum = own.stream().map(z::get).reduce(BigDecimal.ZERO, (a, b) -> a.add(b, EXACT));
            BigDecimal normalized = zSum.divide(BigDecimal.valueOf(n), EXACT).setScale(Z_SCALE, RoundingMode.HALF_UP);
            BigDecimal spread = highest.subtract(lowest);
            out.add(new ApplicationScore(id, values, mean, trimmed, normalized, spread,
                    spread.compareTo(rules.disagreementThreshold()) > 0));
        });
        return out;
    }

    /**
     * The ranked list of each category and scope (groups sorted by category, then scope). Within a list: ranking
     * score (trimmed mean, else mean) descending, then mean descending, then normalised score descending; rows equal
     * on all three share a rank and are listed by application id ascending. Applications without a group are left
     * out; applications of the group without sheets are not listed (they have no score).
     */
    public static Map<RankedApplication.Group, List<RankedApplication>> rank(RankingRules rules, List<ScoreSheet> sheets,
            Map<Long, RankedApplication.Group> groups) {
        Comparator<RankedApplication.Group> byGroup = Comparator.comparing(RankedApplication.Group::category,
                Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(RankedApplication.Group::scope, Comparator.nullsLast(Comparator.naturalOrder()));
        Map<RankedApplication.Group, List<ApplicationScore>> grouped = new TreeMap<>(byGroup);
        for (ApplicationScore score : aggregate(rules, sheets)) {
            RankedApplication.Group group = groups.get(score.applicationId());
            if (group != null) {
                grouped.computeIfAbsent(group, g -> new ArrayList<>()).add(score);
            }
        }
        Map<RankedApplication.Group, List<RankedApplication>> out = new LinkedHashMap<>();
        grouped.forEach((group, scores) -> {
            List<ApplicationScore> sorted = scores.stream().sorted(ORDER.thenComparing(ApplicationScore::applicationId))
                    .toList();
            List<RankedApplication> rows = new ArrayList<>();
            for (int i = 0; i < sorted.size(); i++) {
                int rank = i > 0 && ORDER.compare(sorted.get(i - 1), sorted.get(i)) == 0 ? rows.get(i - 1).rank() : i + 1;
                rows.add(new RankedApplication(rank, group, sorted.get(i)));
            }
            out.put(group, List.copyOf(rows));
        });
        return out;
    }

    /** Best first; equal rows compare 0 (they share a rank). */
    private static final Comparator<ApplicationScore> ORDER = Comparator
            .comparing(ApplicationScore::rankingScore, Comparator.reverseOrder())
            .thenComparing(ApplicationScore::mean, Comparator.reverseOrder())
            .thenComparing(ApplicationScore::normalizedScore, Comparator.reverseOrder());

    /** Each sheet's z-score within its expert's sheets (population standard deviation); 0 where undefined. */
    static Map<ScoreSheet, BigDecimal> zScores(Map<ScoreSheet, BigDecimal> totals) {
        Map<Long, List<ScoreSheet>> byExpert = new HashMap<>();
        totals.keySet().forEach(s -> byExpert.computeIfAbsent(s.expertId(), e -> new ArrayList<>()).add(s));
        Map<ScoreSheet, BigDecimal> z = new IdentityHashMap<>();
        byExpert.forEach((expert, own) -> {
            int n = own.size();
            BigDecimal mean = own.stream().map(totals::get).reduce(BigDecimal.ZERO, BigDecimal::add)
                    .divide(BigDecimal.valueOf(n), EXACT);
            BigDecimal variance = own.stream().map(s -> totals.get(s).subtract(mean, EXACT).pow(2, EXACT))
                    .reduce(BigDecimal.ZERO, (a, b) -> a.add(b, EXACT)).divide(BigDecimal.valueOf(n), EXACT);
            BigDecimal sd = variance.signum() == 0 ? BigDecimal.ZERO : variance.sqrt(EXACT);
            for (ScoreSheet s : own) {
                z.put(s, n < 2 || sd.signum() == 0 ? BigDecimal.ZERO
                        : totals.get(s).subtract(mean, EXACT).divide(sd, EXACT));
            }
        });
        return z;
    }
}
