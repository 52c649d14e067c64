package org.silkgrant;

import javax.sql.DataSource;

import org.silkgrant.shared.DemoMode;
import org.silkgrant.shared.DemoProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The demo data (the call open now, two verified organisations with their leaders) on a PostgreSQL database, which
 * {@link DemoMode} refuses on its own: given only to the test contexts that start on PostgreSQL and need it.
 */
public class DemoOnPostgres {

    @Bean
    @Primary
    DemoMode demoModeOnPostgres(DemoProperties properties, DataSource dataSource) {
        return new DemoMode(properties, dataSource) {
            @Override
            public boolean isActive() {
                return true;
            }
        };
    }
}
