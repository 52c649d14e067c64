package org.silkgrant.award;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.silkgrant.call.CallDefinition.PublicObjections;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Single-use codes that verify a visitor's e-mail address before a public objection (docs/award.md). Six digits from
 * a secure random source; only a SHA-256 of call, address and code is stored. A code is valid for the call's
 * {@code codeValidity}, allows {@link #MAX_ATTEMPTS} wrong tries and is used once; an address and a client address
 * may ask for only so many codes an hour. Wrong tries are counted in a transaction of their own, so a refused
 * objection cannot roll the count back.
 */
@Component
class ObjectionCodes {

    /** Wrong codes a code survives; the next try needs a new code. */
    static final int MAX_ATTEMPTS = 5;

    /** Longest e-mail address (RFC 5321 path limit). */
    static final int EMAIL_MAX = 254;

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+");

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final TransactionTemplate ownTransaction;
    private final SecureRandom random = new SecureRandom();

    ObjectionCodes(JdbcTemplate jdbc, Clock clock, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** A code as issued: the digits to mail and until when they are valid. */
    record Issued(String code, Instant expiresAt) {
    }

    /** The address as it is compared and stored: trimmed, lower case; null when it is not an address. */
    static String normalised(String email) {
        if (email == null) {
            return null;
        }
        String clean = email.strip().toLowerCase(Locale.ROOT);
        return clean.length() <= EMAIL_MAX && EMAIL.matcher(clean).matches() ? clean : null;
    }

    /** Issues a new code for the address, within the call's hourly limits (429 beyond them). */
    Issued issue(String callCode, String email, String clientAddress, PublicObjections rules) {
        Instant now = clock.instant();
        OffsetDateTime hourAgo = now.minus(Duration.ofHours(1)).atOffset(ZoneOffset.UTC);
        Integer forAddress = jdbc.queryForObject("select count(*) from award_objection_code where email = ? "
                + "and requested_at > ?", Integer.class, email, hourAgo);
        if (forAddress != null && forAddress >= rules.codesPerAddressPerHour()) {
            throw new TooManyCodesException("award.publicObjection.tooManyForAddress", rules.codesPerAddressPerHour());
        }
        if (clientAddress != null) {
            Integer forClient = jdbc.queryForObject("select count(*) from award_objection_code where client_address = ? "
                    + "and requested_at > ?", Integer.class, clientAddress, hourAgo);
            if (forClient != null && forClient >= rules.codesPerClientAddressPerHour()) {
                throw new TooManyCodesException("award.publicObjection.tooManyForClient");
            }
        }
        String code = String.format(Locale.ROOT, "%06d", random.nextInt(1_000_000));
        Instant expires = now.plus(rules.codeValidity());
        jdbc.update("insert into award_objection_code (call_code, email, code_hash, client_address, requested_at, "
                + "expires_at, attempts) values (?, ?, ?, ?, ?, ?, 0)", callCode, email, hash(callCode, email, code),
                clientAddress == null ? null : clientAddress.substring(0, Math.min(64, clientAddress.length())),
                now.atOffset(ZoneOffset.UTC), expires.atOffset(ZoneOffset.UTC));
        return new Issued(code, expires);
    }

    /**
     * Uses the newest unused code of the address for the call: true when {@code code} is it and it is neither
     * expired nor worn out by wrong tries; a wrong code counts a try. Commits on its own.
     */
    boolean use(String callCode, String email, String code) {
        Boolean used = ownTransaction.execute(status -> {
            List<Object[]> newest = jdbc.query("select id, code_hash, expires_at, attempts from award_objection_code "
                    + "where call_code = ? and email = ? and used_at is null order by id desc fetch first 1 rows only",
                    (rs, i) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getObject(3, OffsetDateTime.class),
                            rs.getInt(4)}, callCode, email);
            if (newest.isEmpty()) {
                return false;
            }
            long id = (Long) newest.get(0)[0];
            Instant now = clock.instant();
            boolean expired = !now.isBefore(((OffsetDateTime) newest.get(0)[2]).toInstant());
            boolean wornOut = (Integer) newest.get(0)[3] >= MAX_ATTEMPTS;
            boolean matches = code != null && MessageDigest.isEqual(
                    hash(callCode, email, code.strip()).getBytes(StandardCharsets.US_ASCII),
                    ((String) newest.get(0)[1]).getBytes(StandardCharsets.US_ASCII));
            if (expired || wornOut || !matches) {
                jdbc.update("update award_objection_code set attempts = attempts + 1 where id = ?", id);
                return false;
            }
            return jdbc.update("update award_objection_code set used_at = ? where id = ? and used_at is null",
                    now.atOffset(ZoneOffset.UTC), id) == 1;
        });
        return Boolean.TRUE.equals(used);
    }

    private static String hash(String callCode, String email, String code) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((callCode + "\n" + email + "\n" + code).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
