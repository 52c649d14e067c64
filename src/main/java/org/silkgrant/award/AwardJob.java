package org.silkgrant.award;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Awards the applications of ended public notices: every few minutes, on one node at a time (ShedLock); running twice
 * awards nothing twice, since only an APPROVED application moves.
 */
@Component
class AwardJob {

    private static final Logger log = LoggerFactory.getLogger(AwardJob.class);

    private final AwardManagement awards;

    AwardJob(AwardManagement awards) {
        this.awards = awards;
    }

    @Scheduled(cron = "${silkgrant.award.cron:0 */5 * * * *}", zone = "Asia/Shanghai")
    @SchedulerLock(name = "award-after-notice", lockAtMostFor = "PT30M", lockAtLeastFor = "PT1M")
    public void run() {
        int awarded = awards.awardDue();
        if (awarded > 0) {
            log.info("Awarded {} applications after their public notice", awarded);
        }
    }
}
