package org.silkgrant.audit;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The single row of {@code audit_chain_head} that every append locks, so that writers on all nodes take turns: the
 * last sequence number and hash, and where the retained chain starts (moved forward by a purge). Read and written
 * with plain SQL, so no persistence context ever holds a stale copy and read-only transactions still write it.
 */
record AuditChainHead(long lastSeq, String lastHash, long firstSeq, String firstPreviousHash) {

    private static final String SELECT =
            "select last_seq, last_hash, first_seq, first_previous_hash from audit_chain_head where id = 1";

    /** The head as committed (or as this transaction left it). */
    static AuditChainHead read(JdbcTemplate jdbc) {
        return jdbc.queryForObject(SELECT, AuditChainHead::of);
    }

    /** The head, locked until the transaction ends. */
    static AuditChainHead lock(JdbcTemplate jdbc) {
        return jdbc.queryForObject(SELECT + " for update", AuditChainHead::of);
    }

    /** Records that the chain grew by {@code entry}, which must follow this head. */
    AuditChainHead appended(JdbcTemplate jdbc, AuditEntry entry) {
        if (entry.seq() != lastSeq + 1 || !entry.previousHash().equals(lastHash)) {
            throw new IllegalStateException("audit record " + entry.seq() + " does not follow the head " + lastSeq);
        }
        int updated = jdbc.update("update audit_chain_head set last_seq = ?, last_hash = ? where id = 1 and last_seq = ?",
                entry.seq(), entry.hash(), lastSeq);
        if (updated != 1) {
            throw new IllegalStateException("audit_chain_head moved while locked (expected last seq " + lastSeq + ")");
        }
        return new AuditChainHead(entry.seq(), entry.hash(), firstSeq, firstPreviousHash);
    }

    /** Records that the chain grew by {@code count} records ending with {@code last}, appended under this lock. */
    AuditChainHead appendedAll(JdbcTemplate jdbc, int count, AuditEntry last) {
        if (last.seq() != lastSeq + count) {
            throw new IllegalStateException("audit record " + last.seq() + " does not end " + count
                    + " records after the head " + lastSeq);
        }
        int updated = jdbc.update("update audit_chain_head set last_seq = ?, last_hash = ? where id = 1 and last_seq = ?",
                last.seq(), last.hash(), lastSeq);
        if (updated != 1) {
            throw new IllegalStateException("audit_chain_head moved while locked (expected last seq " + lastSeq + ")");
        }
        return new AuditChainHead(last.seq(), last.hash(), firstSeq, firstPreviousHash);
    }

    /** Records that the rows before {@code seq} were purged; {@code previousHash} is the hash of the last one. */
    AuditChainHead startsAt(JdbcTemplate jdbc, long seq, String previousHash) {
        if (seq <= firstSeq || seq > lastSeq + 1) {
            throw new IllegalArgumentException("new chain start " + seq + " outside " + firstSeq + "…" + (lastSeq + 1));
        }
        jdbc.update("update audit_chain_head set first_seq = ?, first_previous_hash = ? where id = 1", seq,
                previousHash);
        return new AuditChainHead(lastSeq, lastHash, seq, previousHash);
    }

    private static AuditChainHead of(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new AuditChainHead(rs.getLong("last_seq"), rs.getString("last_hash"), rs.getLong("first_seq"),
                rs.getString("first_previous_hash"));
    }
}
