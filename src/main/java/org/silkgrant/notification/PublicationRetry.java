package org.silkgrant.notification;

import java.time.Duration;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Hands events whose listener failed (an SMTP server that did not answer, a database hiccup) to their listener
 * again, until it succeeds: a notification is never lost, only late.
 */
@Component
class PublicationRetry {

    private static final Logger log = LoggerFactory.getLogger(PublicationRetry.class);

    private final IncompleteEventPublications incomplete;
    private final Duration olderThan;

    PublicationRetry(IncompleteEventPublications incomplete,
            @Value("${silkgrant.notification.retry-older-than:PT1M}") Duration olderThan) {
        this.incomplete = incomplete;
        this.olderThan = olderThan;
    }

    @Scheduled(fixedDelayString = "${silkgrant.notification.retry-interval:PT1M}",
            initialDelayString = "${silkgrant.notification.retry-interval:PT1M}")
    @SchedulerLock(name = "notification-retry", lockAtMostFor = "PT10M")
    public void resubmit() {
        resubmitOlderThan(olderThan);
    }

    /** Resubmits the publications not completed within {@code age} of being published. */
    void resubmitOlderThan(Duration age) {
        try {
            incomplete.resubmitIncompletePublicationsOlderThan(age);
        } catch (RuntimeException e) {
            log.warn("Resubmitting incomplete event publications failed; trying again at the next run", e);
        }
    }
}
