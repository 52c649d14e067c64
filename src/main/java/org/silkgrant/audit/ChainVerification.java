package org.silkgrant.audit;

/**
 * The outcome of walking the audit chain in sequence order: whether it is intact, how many records were checked,
 * and the first problem found (null when intact). {@code lastSeq}/{@code lastHash} are the head the walk ended at;
 * kept elsewhere, they let a later check show that the chain was not rewritten as a whole. Serializable: the page
 * hands it to the next request as a flash attribute, which lives in the session — in the database on PostgreSQL.
 */
public record ChainVerification(boolean ok, long checked, Problem firstProblem, long firstSeq, long lastSeq,
        String lastHash) implements java.io.Serializable {

    /** What is wrong with the chain at one place. */
    public enum Kind {
        /** The record's stored hash does not match its content: it was changed. */
        CHANGED,
        /** The record's previous hash is not the hash of the record before it (or of the chain start). */
        BROKEN_LINK,
        /** A sequence number is missing: a record was deleted. */
        MISSING,
        /** The head names a last record the table does not reach (last records deleted) or another last hash. */
        HEAD_MISMATCH
    }

    /**
     * The first problem: the sequence number where it is, the record's id (null when the record is missing),
     * its kind and a technical description (the page translates the kind).
     */
    public record Problem(long seq, Long id, Kind kind, String message) implements java.io.Serializable {
    }
}
