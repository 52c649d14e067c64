package org.silkgrant.review.ranking;

import java.math.BigDecimal;
import java.util.Map;

/**
 * One expert's submitted scores for one application: criterion code → score within the criterion's range.
 */
public record ScoreSheet(Long expertId, Long applicationId, Map<String, BigDecimal> scores) {

    public ScoreSheet {
        scores = Map.copyOf(scores);
    }
}
