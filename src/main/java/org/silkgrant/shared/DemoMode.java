package org.silkgrant.shared;

import java.sql.Connection;
import java.sql.SQLException;
import java.security.SecureRandom;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Decides whether modules seed demonstration data: only when {@code silkgrant.demo.enabled} is true and the
 * database is the embedded one. Each module seeds its own data, and only into its own empty tables.
 */
@Component
public class DemoMode {

    private static final Logger log = LoggerFactory.getLogger(DemoMode.class);
    private static final String PASSWORD_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";

    private final boolean active;
    private final String password;
    private final boolean passwordConfigured;

    public DemoMode(DemoProperties properties, DataSource dataSource) {
        boolean embedded = isEmbedded(dataSource);
        if (properties.enabled() && !embedded) {
            log.warn("silkgrant.demo.enabled is true but the database is not the embedded one: no demo data is written");
        }
        this.active = properties.enabled() && embedded;
        this.passwordConfigured = properties.password() != null && !properties.password().isBlank();
        this.password = !passwordConfigured
                ? randomPassword() : properties.password();
    }

    public boolean isActive() {
        return active;
    }

    /** The password of every demo account: the configured one, or one generated for this run. */
    public String password() {
        return password;
    }

    /** Whether the password comes from {@code silkgrant.demo.password} rather than from this run. */
    public boolean passwordConfigured() {
        return passwordConfigured;
    }

    private static boolean isEmbedded(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().getURL().startsWith("jdbc:h2:");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot reach the database to decide on demo data", e);
        }
    }

    private static String randomPassword() {
        SecureRandom random = new SecureRandom();
        StringBuilder out = new StringBuilder("Demo#");
        for (int i = 0; i < 10; i++) {
            out.append(PASSWORD_ALPHABET.charAt(random.nextInt(PASSWORD_ALPHABET.length())));
        }
        return out.toString();
    }
}
