package org.silkgrant.audit;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Audit record settings (docs/security.md, "Audit trail").
 *
 * @param retention how long records are kept before the daily purge removes them; at least 180 days (MLPS level 3
 *                  asks for six months), and start-up refuses less
 * @param purgeCron when the purge runs, a Spring cron expression in Beijing time
 * @param deferredChain whether a request's record waits in {@code audit_pending} and is chained right after its
 *                  commit by {@link AuditSealer} (the postgres profile), instead of being chained inside the
 *                  request's transaction under the head lock (the default, one node on H2)
 * @param sealInterval how often the sweep chains records still waiting (deferred chain only)
 */
@ConfigurationProperties("silkgrant.audit")
public record AuditProperties(Duration retention, String purgeCron, boolean deferredChain, Duration sealInterval) {

    /** The shortest retention allowed. */
    public static final Duration MINIMUM_RETENTION = Duration.ofDays(180);

    public AuditProperties {
        retention = retention == null ? MINIMUM_RETENTION : retention;
        if (retention.compareTo(MINIMUM_RETENTION) < 0) {
            throw new IllegalArgumentException("silkgrant.audit.retention is " + retention.toDays() + " days ("
                    + retention + "), but the audit record must be kept at least " + MINIMUM_RETENTION.toDays()
                    + " days (MLPS level 3: six months); set silkgrant.audit.retention to 180d or more");
        }
        sealInterval = sealInterval == null ? Duration.ofSeconds(5) : sealInterval;
        purgeCron = purgeCron == null || purgeCron.isBlank() ? "0 30 3 * * *" : purgeCron;
    }
}
