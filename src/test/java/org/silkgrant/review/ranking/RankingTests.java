package org.silkgrant.review.ranking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.silkgrant.call.CallDefinition.Criterion;
import org.silkgrant.review.ranking.RankedApplication.Group;
import org.silkgrant.shared.LocalizedText;

/** Aggregation and ranking with numbers worked out by hand (docs/award.md, "Ranking"). */
class RankingTests {

    private static final LocalizedText TEXT = new LocalizedText("文", "text", "текст");

    private static Criterion criterion(String code, String weight, String min, String max) {
        return new Criterion(code, TEXT, TEXT, new BigDecimal(weight), new BigDecimal(min), new BigDecimal(max));
    }

    /** One criterion worth 100 points scored 0–100: a sheet's total is its score, so the tests state totals. */
    private static final RankingRules TOTALS = new RankingRules(List.of(criterion("T", "100", "0", "100")),
            new BigDecimal("20"), 5);

    private static ScoreSheet sheet(long expert, long application, String total) {
        return new ScoreSheet(expert, application, Map.of("T", new BigDecimal(total)));
    }

    private static ApplicationScore scoreOf(List<ApplicationScore> scores, long application) {
        return scores.stream().filter(s -> s.applicationId() == application).findFirst().orElseThrow();
    }

    @Test
    void weightsEachScoreByWhereItLiesInItsRangeAndRoundsTheTotalHalfUp() {
        RankingRules rules = new RankingRules(List.of(criterion("A", "60", "0", "10"), criterion("B", "40", "0", "3")),
                new BigDecimal("20"), 5);

        // 60 × 8/10 + 40 × 1/3 = 48 + 13.3333… = 61.3333… → 61.33
        assertThat(Ranking.total(rules, new ScoreSheet(1L, 1L, Map.of("A", new BigDecimal("8"), "B", BigDecimal.ONE))))
                .isEqualByComparingTo("61.33").hasScaleOf(2);
        // 60 × 9.5/10 + 40 × 2/3 = 57 + 26.6666… = 83.6666… → 83.67
        assertThat(Ranking.total(rules, new ScoreSheet(1L, 2L, Map.of("A", new BigDecimal("9.5"), "B", new BigDecimal("2")))))
                .isEqualByComparingTo("83.67");
        // a range that does not start at 0: 40 × (4 − 1)/(5 − 1) = 30
        RankingRules fromOne = new RankingRules(List.of(criterion("A", "60", "0", "10"), criterion("B", "40", "1", "5")),
                new BigDecimal("20"), 5);
        assertThat(Ranking.total(fromOne, new ScoreSheet(1L, 1L, Map.of("A", new BigDecimal("8"), "B", new BigDecimal("4")))))
                .isEqualByComparingTo("78.00");
    }

    @Test
    void refusesASheetWithAMissingOrOutOfRangeScore() {
        RankingRules rules = new RankingRules(List.of(criterion("A", "60", "0", "10"), criterion("B", "40", "0", "3")),
                new BigDecimal("20"), 5);

        assertThatThrownBy(() -> Ranking.total(rules, new ScoreSheet(1L, 1L, Map.of("A", BigDecimal.ONE))))
                .hasMessageContaining("no score for B");
        assertThatThrownBy(() -> Ranking.total(rules, new ScoreSheet(1L, 1L, Map.of("A", BigDecimal.ONE, "B", BigDecimal.TEN))))
                .hasMessageContaining("outside");
    }

    @Test
    void meanOfAllTotalsAndTrimmedMeanWithoutTheHighestAndLowestFromFiveScores() {
        List<ApplicationScore> scores = Ranking.aggregate(TOTALS, List.of(
                sheet(1, 1, "90"), sheet(2, 1, "80"), sheet(3, 1, "70"), sheet(4, 1, "60"), sheet(5, 1, "85"),
                sheet(1, 2, "70"), sheet(2, 2, "71"), sheet(3, 2, "72"), sheet(4, 2, "75")));

        ApplicationScore five = scoreOf(scores, 1);
        assertThat(five.totals()).extracting(BigDecimal::toPlainString).containsExactly("90.00", "85.00", "80.00", "70.00", "60.00");
        assertThat(five.mean()).isEqualByComparingTo("77.00");           // 385 / 5
        assertThat(five.trimmedMean()).isEqualByComparingTo("78.33");    // (80 + 70 + 85) / 3 = 78.333…
        assertThat(five.rankingScore()).isEqualByComparingTo("78.33");
        assertThat(five.spread()).isEqualByComparingTo("30.00");
        assertThat(five.disagreement()).isTrue();                        // 30 > 20

        ApplicationScore four = scoreOf(scores, 2);
        assertThat(four.mean()).isEqualByComparingTo("72.00");           // 288 / 4
        assertThat(four.trimmedMean()).as("fewer than 5 scores: nothing is dropped").isNull();
        assertThat(four.rankingScore()).isEqualByComparingTo("72.00");
        assertThat(four.spread()).isEqualByComparingTo("5.00");
        assertThat(four.disagreement()).isFalse();
    }

    @Test
    void roundsMeansHalfUpAndFlagsOnlyASpreadAboveTheThreshold() {
        List<ApplicationScore> scores = Ranking.aggregate(TOTALS, List.of(
                sheet(1, 3, "70.01"), sheet(2, 3, "70.00"),
                sheet(1, 4, "60"), sheet(2, 4, "80"),
                sheet(1, 5, "60"), sheet(2, 5, "80.01")));

        assertThat(scoreOf(scores, 3).mean()).as("140.01 / 2 = 70.005, half up").isEqualByComparingTo("70.01");
        assertThat(scoreOf(scores, 4).spread()).isEqualByComparingTo("20");
        assertThat(scoreOf(scores, 4).disagreement()).as("a spread of exactly the threshold is not a disagreement").isFalse();
        assertThat(scoreOf(scores, 5).disagreement()).isTrue();
    }

    @Test
    void normalisesEachExpertsScaleWithZScores() {
        List<ScoreSheet> sheets = List.of(
                // expert 1: 80, 60 → mean 70, population sd 10 → z +1, −1
                sheet(1, 1, "80"), sheet(1, 2, "60"),
                // expert 2: 90, 70, 80 → mean 80, sd √(200/3) = 8.1650 → z +1.2247, −1.2247, 0
                sheet(2, 1, "90"), sheet(2, 2, "70"), sheet(2, 3, "80"),
                // expert 3: one sheet → z 0
                sheet(3, 3, "50"),
                // expert 4: all totals equal → z 0
                sheet(4, 1, "75"), sheet(4, 2, "75"));

        Map<ScoreSheet, BigDecimal> totals = new java.util.IdentityHashMap<>();
        sheets.forEach(s -> totals.put(s, Ranking.total(TOTALS, s)));
        Map<ScoreSheet, BigDecimal> z = Ranking.zScores(totals);
        assertThat(z.get(sheets.get(0))).isEqualByComparingTo("1");
        assertThat(z.get(sheets.get(1))).isEqualByComparingTo("-1");
        assertThat(z.get(sheets.get(2)).setScale(4, java.math.RoundingMode.HALF_UP)).isEqualByComparingTo("1.2247");
        assertThat(z.get(sheets.get(4))).isEqualByComparingTo("0");
        assertThat(z.get(sheets.get(5))).isEqualByComparingTo("0");
        assertThat(z.get(sheets.get(6))).isEqualByComparingTo("0");

        List<ApplicationScore> scores = Ranking.aggregate(TOTALS, sheets);
        // (1 + 1.2247449 + 0) / 3 = 0.7415816 → 0.742
        assertThat(scoreOf(scores, 1).normalizedScore()).isEqualByComparingTo("0.742").hasScaleOf(3);
        assertThat(scoreOf(scores, 2).normalizedScore()).isEqualByComparingTo("-0.742");
        // (0 + 0) / 2
        assertThat(scoreOf(scores, 3).normalizedScore()).isEqualByComparingTo("0.000");
    }

    @Test
    void ranksEachCategoryAndScopeByTrimmedMeanThenMeanThenNormalisedScoreWithSharedRanksForTies() {
        List<ScoreSheet> sheets = new ArrayList<>(List.of(
                // 10: five scores, mean 77.00, trimmed 78.33
                sheet(1, 10, "90"), sheet(2, 10, "80"), sheet(3, 10, "70"), sheet(4, 10, "60"), sheet(5, 10, "85"),
                // 11: four scores, mean 77.50 (no trimmed mean): ranks below 10 although its mean is higher
                sheet(1, 11, "77.5"), sheet(2, 11, "77.5"), sheet(3, 11, "77.5"), sheet(4, 11, "77.5"),
                // 12 and 13: identical to each other → share rank 3; 14 is then 5th
                sheet(1, 12, "70"), sheet(2, 12, "70"), sheet(1, 13, "70"), sheet(2, 13, "70"),
                sheet(1, 14, "50"), sheet(2, 14, "50"),
                // 20: another scope
                sheet(1, 20, "99")));
        Group g1 = new Group("GENERAL", "G1");
        Group k1 = new Group("KEY", "K1");
        Map<Long, Group> groups = Map.of(10L, g1, 11L, g1, 12L, g1, 13L, g1, 14L, g1, 20L, k1);

        Map<Group, List<RankedApplication>> ranked = Ranking.rank(TOTALS, sheets, groups);

        assertThat(ranked.keySet()).containsExactly(g1, k1);
        assertThat(ranked.get(g1)).extracting(r -> r.score().applicationId()).containsExactly(10L, 11L, 12L, 13L, 14L);
        assertThat(ranked.get(g1)).extracting(RankedApplication::rank).containsExactly(1, 2, 3, 3, 5);
        assertThat(ranked.get(k1)).singleElement().satisfies(r -> assertThat(r.rank()).isEqualTo(1));
    }

    @Test
    void breaksAnEqualRankingScoreByTheMean() {
        List<ScoreSheet> sheets = List.of(
                // 1: trimmed mean (80+80+80)/3 = 80.00, mean (100+80+80+80+40)/5 = 76.00
                sheet(1, 1, "100"), sheet(2, 1, "80"), sheet(3, 1, "80"), sheet(4, 1, "80"), sheet(5, 1, "40"),
                // 2: trimmed mean 80.00, mean (90+80+80+80+80)/5 = 82.00
                sheet(1, 2, "90"), sheet(2, 2, "80"), sheet(3, 2, "80"), sheet(4, 2, "80"), sheet(5, 2, "80"));
        Group g = new Group("GENERAL", "G2");

        List<RankedApplication> ranked = Ranking.rank(TOTALS, sheets, Map.of(1L, g, 2L, g)).get(g);

        assertThat(ranked).extracting(r -> r.score().applicationId()).containsExactly(2L, 1L);
        assertThat(ranked).extracting(RankedApplication::rank).containsExactly(1, 2);
    }
}
