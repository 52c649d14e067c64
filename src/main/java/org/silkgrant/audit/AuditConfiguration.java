package org.silkgrant.audit;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Runs the retention purge of the audit record every day ({@code silkgrant.audit.purge-cron}, Beijing time), and
 * the sweep of the deferred chain.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class AuditConfiguration {

    private final AuditLog log;

    AuditConfiguration(AuditLog log) {
        this.log = log;
    }

    // Several nodes may run it at once: the head lock makes them take turns, and the later ones find nothing old.
    @Scheduled(cron = "${silkgrant.audit.purge-cron:0 30 3 * * *}", zone = "Asia/Shanghai")
    void purgeDaily() {
        log.purge();
    }

    // Chains what the wake-ups after commit left waiting (deferred chain only; a no-op otherwise).
    @Scheduled(fixedDelayString = "${silkgrant.audit.seal-interval:5s}", initialDelayString = "${silkgrant.audit.seal-interval:5s}")
    void sealWaiting() {
        log.sealPending();
    }
}
