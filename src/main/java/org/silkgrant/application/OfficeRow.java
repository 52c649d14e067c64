package org.silkgrant.application;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonFormat;

/**
 * One application as the office's table and its 汇总表 show it, taken from what was stored at its last submission.
 * Money in 万元.
 */
public record OfficeRow(Long id, String receiptNumber, Instant submittedAt, int submittedVersions, String title,
        String organizationName, String organizationType, String leaderName, String category, String scope,
        String field, List<String> partnerCountries,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal fiscal,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal selfRaised, ApplicationStatus status) {
}
