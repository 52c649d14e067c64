package org.silkgrant.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.silkgrant.shared.DemoMode;
import org.silkgrant.shared.DemoProperties;

/** The staff second factor is required unless the demo runs, or the setting says otherwise. */
class SecondFactorPolicyTests {

    private static DemoMode demo(boolean enabled) {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:policy");
        return new DemoMode(new DemoProperties(enabled, "Demo#Pass2026"), h2);
    }

    private static SecurityProperties setting(Boolean required) {
        return new SecurityProperties(required, null, null);
    }

    @Test
    void requiredByDefaultOutsideTheDemo() {
        assertThat(new SecondFactorPolicy(setting(null), demo(false)).required()).isTrue();
    }

    @Test
    void notRequiredByDefaultInTheDemo() {
        assertThat(new SecondFactorPolicy(setting(null), demo(true)).required()).isFalse();
    }

    @Test
    void theSettingDecidesWhenGiven() {
        assertThat(new SecondFactorPolicy(setting(true), demo(true)).required()).isTrue();
        assertThat(new SecondFactorPolicy(setting(false), demo(false)).required()).isFalse();
    }
}
