package org.silkgrant.review.ranking;

import java.math.BigDecimal;
import java.util.List;

/**
 * The aggregated scores of one application, as shown to the office (docs/award.md, "Ranking").
 *
 * @param totals          each sheet's weighted total (0–100, 2 decimals HALF_UP), highest first
 * @param mean            the mean of the totals, 2 decimals HALF_UP
 * @param trimmedMean     the mean without the single highest and lowest total when there are at least
 *                        {@link RankingRules#trimmedMeanMinimumScores()} totals, else null
 * @param normalizedScore the mean of the experts' z-scores for this application, 3 decimals HALF_UP
 * @param spread          highest total − lowest total
 * @param disagreement    spread strictly greater than the call's threshold
 */
public record ApplicationScore(Long applicationId, List<BigDecimal> totals, BigDecimal mean, BigDecimal trimmedMean,
        BigDecimal normalizedScore, BigDecimal spread, boolean disagreement) {

    public ApplicationScore {
        totals = List.copyOf(totals);
    }

    /** What the ranking sorts by first: the trimmed mean where there is one, else the mean. */
    public BigDecimal rankingScore() {
        return trimmedMean != null ? trimmedMean : mean;
    }

    public int count() {
        return totals.size();
    }
}
