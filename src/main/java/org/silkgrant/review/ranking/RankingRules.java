package org.silkgrant.review.ranking;

import java.math.BigDecimal;
import java.util.List;

import org.silkgrant.call.CallDefinition;

/**
 * What ranking takes from the call definition: the rubric, the disagreement threshold (points of the 100-point
 * total) and the number of scores from which the trimmed mean drops the highest and the lowest.
 */
public record RankingRules(List<CallDefinition.Criterion> criteria, BigDecimal disagreementThreshold,
        int trimmedMeanMinimumScores) {

    public RankingRules {
        criteria = List.copyOf(criteria);
        if (trimmedMeanMinimumScores < 3) {
            throw new IllegalArgumentException("the trimmed mean needs at least 3 scores to drop two");
        }
    }

    /** The rules of a call's review block. */
    public static RankingRules of(CallDefinition.Review review) {
        return new RankingRules(review.rubric(), review.disagreementThreshold(), review.trimmedMeanMinimumScores());
    }
}
