package org.silkgrant.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.silkgrant.shared.DemoMode;
import org.silkgrant.shared.DemoProperties;

/** The staff second factor is required outside the demo whatever the setting; in the demo the setting decides. */
class SecondFactorPolicyTests {

    private static DemoMode demo(boolean enabled) {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:policy");
        return new DemoMode(new DemoProperties(enabled, "Demo#Pass2026"), h2);
    }

    private static SecurityProperties setting(Boolean required) {
        return new SecurityProperties(required, null, null, null);
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
    void theSettingDecidesInTheDemo() {
        assertThat(new SecondFactorPolicy(setting(true), demo(true)).required()).isTrue();
        assertThat(new SecondFactorPolicy(setting(false), demo(true)).required()).isFalse();
    }

    @Test
    void outsideTheDemoItCannotBeTurnedOff() {
        assertThat(new SecondFactorPolicy(setting(true), demo(false)).required()).isTrue();
        assertThatThrownBy(() -> new SecondFactorPolicy(setting(false), demo(false)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("only allowed in demo mode");
    }

    @Test
    void onlyOfficersAndTheThreeAdminsNeedIt() {
        SecondFactorPolicy policy = new SecondFactorPolicy(setting(null), demo(false));
        for (Role role : Role.values()) {
            assertThat(policy.requiredFor(java.util.Set.of(role))).as(role.name())
                    .isEqualTo(role == Role.PROGRAM_OFFICER || Role.ADMIN_DUTIES.contains(role));
        }
        assertThat(new SecondFactorPolicy(setting(null), demo(true)).requiredFor(java.util.Set.of(Role.SYSTEM_ADMIN)))
                .isFalse();
    }
}
