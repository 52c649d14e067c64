package org.silkgrant.audit;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Audit record settings (docs/security.md, "Audit trail").
 *
 * @param retention how long records are kept before the daily purge removes them; at least 180 days (MLPS level 3
 *                  asks for six months), and start-up refuses less
 * @param purgeCron when the purge runs, a Spring cron expression in Beijing time
 */
@ConfigurationProperties("silkgrant.audit")
public record AuditProperties(Duration retention, String purgeCron) {

    /** The shortest retention allowed. */
    public static final Duration MINIMUM_RETENTION = Duration.ofDays(180);

    public AuditProperties {
        retention = retention == null ? MINIMUM_RETENTION : retention;
        if (retention.compareTo(MINIMUM_RETENTION) < 0) {
            throw new IllegalArgumentException("silkgrant.audit.retention is " + retention.toDays() + " days ("
                    + retention + "), but the audit record must be kept at least " + MINIMUM_RETENTION.toDays()
                    + " days (MLPS level 3: six months); set silkgrant.audit.retention to 180d or more");
        }
        purgeCron = purgeCron == null || purgeCron.isBlank() ? "0 30 3 * * *" : purgeCron;
    }
}
