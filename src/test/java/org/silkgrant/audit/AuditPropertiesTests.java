package org.silkgrant.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** The audit record is kept at least 180 days: a shorter retention stops the start-up with a clear message. */
class AuditPropertiesTests {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(AuditProperties.class)
    static class Bound {
    }

    private final ApplicationContextRunner context = new ApplicationContextRunner().withUserConfiguration(Bound.class);

    @Test
    void startUpRefusesARetentionUnder180Days() {
        context.withPropertyValues("silkgrant.audit.retention=179d").run(started -> {
            assertThat(started).hasFailed();
            assertThat(started.getStartupFailure()).rootCause()
                    .hasMessageContaining("silkgrant.audit.retention is 179 days")
                    .hasMessageContaining("at least 180 days");
        });
    }

    @Test
    void acceptsAtLeast180DaysAndDefaultsTo180Days() {
        context.withPropertyValues("silkgrant.audit.retention=365d").run(started ->
                assertThat(started.getBean(AuditProperties.class).retention()).isEqualTo(Duration.ofDays(365)));
        context.run(started -> {
            assertThat(started.getBean(AuditProperties.class).retention()).isEqualTo(Duration.ofDays(180));
            assertThat(started.getBean(AuditProperties.class).purgeCron()).isEqualTo("0 30 3 * * *");
        });
        assertThatThrownBy(() -> new AuditProperties(Duration.ofDays(180).minusSeconds(1), null, false, null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
