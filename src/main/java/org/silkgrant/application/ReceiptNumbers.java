package org.silkgrant.application;

import java.util.Locale;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Receipt numbers from one database sequence per call ({@code 2023-SCO-000123}): the database hands out each
 * number once, so hundreds of submissions in the last minute never race and no rows are counted.
 */
@Component
class ReceiptNumbers {

    private final JdbcTemplate jdbc;

    ReceiptNumbers(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Creates the call's sequence if needed; outside any transaction, since some databases commit on DDL. */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public void prepare(String callCode) {
        jdbc.execute("create sequence if not exists " + sequence(callCode));
    }

    String next(String callCode) {
        Long value = jdbc.queryForObject("select nextval('" + sequence(callCode) + "')", Long.class);
        return callCode + "-" + String.format("%06d", value);
    }

    /** A safe SQL name from a call code (codes are upper-case letters, digits, '-' and '_' — see the loader). */
    static String sequence(String callCode) {
        return "receipt_" + callCode.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "_");
    }
}
