package org.silkgrant.notification;

import javax.sql.DataSource;

import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Notifications run after the commit on another thread ({@code @ApplicationModuleListener} is asynchronous), and
 * the reminder and resubmission jobs are scheduled, each on one node at a time (ShedLock, table {@code shedlock}).
 */
@Configuration(proxyBeanMethods = false)
@EnableAsync
@EnableScheduling
@EnableSchedulerLock(defaultLockAtMostFor = "PT30M")
class NotificationConfiguration {

    private static final Logger log = LoggerFactory.getLogger(NotificationConfiguration.class);

    /** The lock's time is the database's, so nodes with skewed clocks agree on it. */
    @Bean
    LockProvider lockProvider(DataSource dataSource) {
        return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource))
                .usingDbTime()
                .build());
    }

    @EventListener(ApplicationReadyEvent.class)
    void announce(ApplicationReadyEvent ready) {
        Environment env = ready.getApplicationContext().getEnvironment();
        String host = env.getProperty("spring.mail.host");
        if (host == null || host.isBlank()) {
            log.info("Mail is off: spring.mail.host is not set; notifications go to the in-app inbox only");
        } else {
            log.info("Mail is on: SMTP {}:{}, sender {}, links to {}", host, env.getProperty("spring.mail.port", "25"),
                    ready.getApplicationContext().getBean(OutgoingMailProperties.class).from(),
                    ready.getApplicationContext().getBean(OutgoingMailProperties.class).baseUrl());
        }
    }
}
