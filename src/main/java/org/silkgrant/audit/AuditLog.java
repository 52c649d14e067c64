package org.silkgrant.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import jakarta.persistence.criteria.Predicate;

import org.silkgrant.shared.Audited;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes every {@link Audited} event as the next link of the SM3 hash chain, in the transaction of the change it
 * records (so a change and its record commit together); reads, searches and exports the record; verifies the
 * chain; and removes records older than the retention from the start of the chain.
 */
@Service
public class AuditLog {

    /** The most records one page of the audit record holds. */
    public static final int MAX_PAGE_SIZE = 200;

    private static final Logger LOG = LoggerFactory.getLogger(AuditLog.class);

    /** Rows read per query when walking or exporting the record: memory stays flat for millions of rows. */
    static final int BATCH = 1000;

    /** Rows removed per purge transaction, so the head lock is never held for long. */
    static final int PURGE_BATCH = 10_000;

    /** The role of whoever reads, verifies and exports the record. */
    static final String AUDIT_ADMIN = "AUDIT_ADMIN";

    private final AuditRepository entries;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;
    private final AuditProperties properties;
    private final AuditSealer sealer;

    AuditLog(AuditRepository entries, JdbcTemplate jdbc,
            PlatformTransactionManager transactionManager, Clock clock, AuditProperties properties,
            AuditSealer sealer) {
        this.entries = entries;
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.ownTransaction = new TransactionTemplate(transactionManager);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
        this.properties = properties;
        this.sealer = sealer;
    }

    /**
     * Keeps every {@link Audited} event a module publishes: appended to the chain at once ({@link #record}), or with
     * {@code silkgrant.audit.deferred-chain} written to the waiting records in the publisher's transaction and
     * chained right after it commits ({@link AuditSealer}), so that requests do not take turns on the head lock.
     */
    @EventListener
    public void on(Audited event) {
        if (properties.deferredChain()) {
            sealer.stage(event);
        } else {
            record(event);
        }
    }

    /** Chains the records that wait ({@code silkgrant.audit.deferred-chain}); returns how many. */
    public long sealPending() {
        return properties.deferredChain() ? sealer.sealPending() : 0;
    }

    /**
     * Appends the event to the chain. Joins the publisher's transaction (or starts one) and holds the head's row
     * lock until it ends, so appends from all threads and nodes take turns and the chain never forks. A read-only
     * publisher (a download) gets a transaction of its own: PostgreSQL refuses writes in a read-only one.
     */
    public void record(Audited event) {
        TransactionTemplate template = TransactionSynchronizationManager.isCurrentTransactionReadOnly()
                ? ownTransaction : transactions;
        template.executeWithoutResult(status -> {
            AuditChainHead head = AuditChainHead.lock(jdbc);
            // The time is taken under the lock, so that time and seq grow together.
            AuditEntry entry = new AuditEntry(head.lastSeq() + 1, clock.instant(), event, head.lastHash());
            entries.save(entry);
            head.appended(jdbc, entry);
        });
    }

    /** A page of the record, newest first, optionally filtered by action or actor. */
    public Page<AuditRecord> read(String query, int page, int size) {
        return read(AuditFilter.search(query), page, size);
    }

    /** A page of the records the filter matches, newest first. */
    public Page<AuditRecord> read(AuditFilter filter, int page, int size) {
        sealPending();
        PageRequest request = org.silkgrant.shared.Paging.of(page, size, MAX_PAGE_SIZE, Sort.by(Sort.Direction.DESC, "id"));
        return entries.findAll(matching(filter), request).map(AuditEntry::view);
    }

    /**
     * Hands every record the filter matches, oldest first, to {@code sink}, reading a batch at a time; the export
     * itself is recorded first (by {@code actor} from {@code clientAddress}).
     */
    public void export(AuditFilter filter, String actor, String clientAddress, Consumer<AuditRecord> sink) {
        sealPending();
        record(new AuditLogEvent(actor, "AUDIT_EXPORTED", clientAddress, "SUCCESS", describe(filter)));
        long after = 0;
        List<AuditEntry> batch;
        do {
            long from = after;
            Specification<AuditEntry> next = matching(filter)
                    .and((root, query, cb) -> cb.greaterThan(root.get("id"), from));
            batch = entries.findBy(next, q -> q.sortBy(Sort.by("id")).limit(BATCH).all());
            for (AuditEntry entry : batch) {
                AuditRecord record = entry.view();
                sink.accept(record);
                after = record.id();
            }
        } while (batch.size() == BATCH);
    }

    /**
     * Walks the chain in seq order from its (retained) start to the head, a batch at a time, and stops at the
     * first record that was changed, whose link is broken, that is missing, or where the head does not match.
     */
    public ChainVerification verify() {
        sealPending();
        AuditChainHead head = AuditChainHead.read(jdbc);
        long last = head.lastSeq();
        long expected = head.firstSeq();
        String previous = head.firstPreviousHash();
        long checked = 0;
        while (expected <= last) {
            List<ChainedRow> rows = jdbc.query("""
                    select id, seq, at, actor, role, action, target_type, target_id, client_address, outcome, detail,
                           previous_hash, hash
                    from audit_event where seq >= ? and seq <= ? order by seq limit ?""",
                    AuditLog::chainedRow, expected, last, BATCH);
            if (rows.isEmpty()) {
                return failed(checked, head, new ChainVerification.Problem(expected, null,
                        ChainVerification.Kind.HEAD_MISMATCH, "the head says the chain ends with record " + last
                                + ", but it ends " + (expected - 1 < head.firstSeq() ? "before its start "
                                        + head.firstSeq() : "with record " + (expected - 1))));
            }
            for (ChainedRow row : rows) {
                ChainVerification.Problem problem = row.problem(expected, previous);
                if (problem != null) {
                    return failed(checked, head, problem);
                }
                previous = row.hash();
                expected++;
                checked++;
            }
        }
        if (!previous.equals(head.lastHash())) {
            return failed(checked, head, new ChainVerification.Problem(last, null, ChainVerification.Kind.HEAD_MISMATCH,
                    "the head's last hash is not the hash of record " + last));
        }
        return new ChainVerification(true, checked, null, head.firstSeq(), last, head.lastHash());
    }

    /** {@link #verify()}, and records that {@code actor} verified the chain, and the outcome. */
    public ChainVerification verify(String actor, String clientAddress) {
        ChainVerification result = verify();
        ChainVerification.Problem problem = result.firstProblem();
        record(new AuditLogEvent(actor, "AUDIT_CHAIN_VERIFIED", clientAddress, result.ok() ? "SUCCESS" : "FAILURE",
                "checked " + result.checked() + (problem == null ? ", intact up to seq " + result.lastSeq()
                        : ", first problem " + problem.kind() + " at seq " + problem.seq())));
        return result;
    }

    /**
     * Removes the records older than the retention ({@code silkgrant.audit.retention}) from the start of the chain,
     * and records the new start in the head, so that the rest still verifies. A record younger than the retention
     * is never removed, nor is any record after it. Returns how many rows were removed.
     */
    public long purge() {
        sealPending();
        Instant cutoff = clock.instant().minus(properties.retention());
        long removed = 0;
        long batch;
        do {
            batch = transactions.execute(status -> purgeBatch(cutoff));
            removed += batch;
        } while (batch > 0);
        Integer unchained = transactions.execute(status -> entries.deleteUnchained(cutoff));
        removed += unchained;
        if (removed > 0) {
            AuditChainHead head = AuditChainHead.read(jdbc);
            LOG.info("Audit purge removed {} records older than {}; the chain now starts with seq {}", removed, cutoff,
                    head.firstSeq());
            record(new AuditLogEvent("system", "AUDIT_PURGED", null, "SUCCESS", "removed " + removed
                    + " records older than " + cutoff + "; the chain starts with seq " + head.firstSeq()));
        }
        return removed;
    }

    private long purgeBatch(Instant cutoff) {
        AuditChainHead head = AuditChainHead.lock(jdbc);
        long first = head.firstSeq();
        if (first > head.lastSeq()) {
            return 0;
        }
        Long firstKept = entries.firstSeqNotBefore(first, cutoff);
        long end = Math.min(firstKept == null ? head.lastSeq() : firstKept - 1, first + PURGE_BATCH - 1);
        if (end < first) {
            return 0;
        }
        // The new start's previous hash is the hash of the last row removed; a chain missing that row is left alone.
        String endHash = entries.findBySeq(end).map(AuditEntry::hash).orElseThrow(() -> new IllegalStateException(
                "audit record seq " + end + " is missing; purge stopped, verify the chain"));
        int deleted = entries.deleteChained(first, end, cutoff);
        head.startsAt(jdbc, end + 1, endHash);
        return deleted;
    }

    private static ChainVerification failed(long checked, AuditChainHead head, ChainVerification.Problem problem) {
        return new ChainVerification(false, checked, problem, head.firstSeq(), head.lastSeq(), head.lastHash());
    }

    private static String describe(AuditFilter filter) {
        return filter.parameters().isEmpty() ? "all records" : "filter " + filter.parameters();
    }

    static Specification<AuditEntry> matching(AuditFilter filter) {
        return (root, query, cb) -> {
            List<Predicate> where = new ArrayList<>();
            if (filter.q() != null) {
                String like = "%" + filter.q().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                        .replace("_", "\\_") + "%";
                where.add(cb.or(cb.like(cb.lower(root.get("action")), like, '\\'),
                        cb.like(cb.lower(root.get("actor")), like, '\\')));
            }
            if (filter.actor() != null) {
                where.add(cb.equal(cb.lower(root.get("actor")), filter.actor().toLowerCase(Locale.ROOT)));
            }
            if (filter.action() != null) {
                where.add(cb.equal(cb.upper(root.get("action")), filter.action()));
            }
            if (filter.targetType() != null) {
                where.add(cb.equal(cb.upper(root.get("targetType")), filter.targetType()));
            }
            if (filter.targetId() != null) {
                where.add(cb.equal(root.get("targetId"), filter.targetId()));
            }
            if (filter.outcome() != null) {
                where.add(cb.equal(cb.upper(root.get("outcome")), filter.outcome()));
            }
            if (filter.fromInstant() != null) {
                where.add(cb.greaterThanOrEqualTo(root.get("at"), filter.fromInstant()));
            }
            if (filter.toExclusive() != null) {
                where.add(cb.lessThan(root.get("at"), filter.toExclusive()));
            }
            return cb.and(where.toArray(Predicate[]::new));
        };
    }

    private static ChainedRow chainedRow(ResultSet rs, int row) throws SQLException {
        return new ChainedRow(rs.getLong("id"), rs.getLong("seq"), rs.getObject("at", OffsetDateTime.class).toInstant(),
                rs.getString("actor"), rs.getString("role"), rs.getString("action"), rs.getString("target_type"),
                rs.getString("target_id"), rs.getString("client_address"), rs.getString("outcome"),
                rs.getString("detail"), rs.getString("previous_hash"), rs.getString("hash"));
    }

    /** A chained row as stored, read without the persistence context so a walk keeps no rows in memory. */
    private record ChainedRow(long id, long seq, Instant at, String actor, String role, String action,
            String targetType, String targetId, String clientAddress, String outcome, String detail,
            String previousHash, String hash) {

        /** What is wrong with this row when it should be number {@code expected} and follow {@code previous}. */
        ChainVerification.Problem problem(long expected, String previous) {
            if (seq != expected) {
                return new ChainVerification.Problem(expected, null, ChainVerification.Kind.MISSING,
                        "record " + expected + " is missing; the next record is " + seq + " (id " + id + ")");
            }
            String computed = AuditHash.of(seq, at, actor, role, action, targetType, targetId, clientAddress, outcome,
                    detail, previousHash);
            if (!computed.equals(hash)) {
                return new ChainVerification.Problem(seq, id, ChainVerification.Kind.CHANGED,
                        "record " + seq + " (id " + id + ") does not match its hash: its content was changed");
            }
            if (!previous.equals(previousHash)) {
                return new ChainVerification.Problem(seq, id, ChainVerification.Kind.BROKEN_LINK,
                        "record " + seq + " (id " + id + ") does not link to the record before it");
            }
            return null;
        }
    }
}
