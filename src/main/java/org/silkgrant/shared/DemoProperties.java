package org.silkgrant.shared;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Demo mode: seeds a fresh embedded database with a demonstration call and accounts.
 *
 * @param enabled  whether demo data is written (true by default with H2, false with the postgres profile)
 * @param password the password of every demo account; a random one is generated and printed when blank
 */
@ConfigurationProperties("silkgrant.demo")
public record DemoProperties(boolean enabled, String password) {
}
