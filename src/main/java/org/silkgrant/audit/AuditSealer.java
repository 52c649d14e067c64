package org.silkgrant.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.silkgrant.shared.Audited;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The deferred chain ({@code silkgrant.audit.deferred-chain}): a request writes its audit record to
 * {@code audit_pending} in its own transaction without the head lock, and after that transaction commits this
 * sealer appends every waiting record to the chain, in id order, many per short transaction under the head lock.
 * Requests never wait for one another's commits, and the chain gets one commit per batch instead of one per
 * request. One sealing thread per node, woken after each commit; a scheduled sweep and every read of the record
 * seal what is left (after a crash, or a wake-up that found the head locked by another node).
 */
@Component
class AuditSealer implements DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(AuditSealer.class);

    /** Records chained per transaction. */
    static final int BATCH = 500;

    private final AuditRepository entries;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(runnable -> {
        Thread sealer = new Thread(runnable, "audit-sealer");
        sealer.setDaemon(true);
        return sealer;
    });
    private final AtomicBoolean wanted = new AtomicBoolean();

    AuditSealer(AuditRepository entries, JdbcTemplate jdbc, PlatformTransactionManager transactionManager,
            Clock clock) {
        this.entries = entries;
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactionManager);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    /**
     * Writes the event to {@code audit_pending} in the caller's transaction (a read-only caller gets one of its
     * own), and wakes the sealer once that transaction has committed; a rolled-back caller leaves nothing.
     */
    void stage(Audited event) {
        boolean inWritableTransaction = TransactionSynchronizationManager.isActualTransactionActive()
                && !TransactionSynchronizationManager.isCurrentTransactionReadOnly();
        if (!inWritableTransaction) {
            ownTransaction.executeWithoutResult(status -> insert(event));
            wake();
            return;
        }
        insert(event);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                wake();
            }
        });
    }

    private void insert(Audited event) {
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        jdbc.update("""
                insert into audit_pending (at, actor, role, action, target_type, target_id, client_address, outcome,
                                           detail)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                Timestamp.from(at), AuditEntry.cut(event.actor() == null ? "anonymous" : event.actor(), 64),
                AuditEntry.cut(event.role(), 30), AuditEntry.cut(event.action(), 60),
                AuditEntry.cut(event.targetType(), 40), AuditEntry.cut(event.targetId(), 64),
                AuditEntry.cut(event.clientAddress(), 64), AuditEntry.cut(event.outcome(), 20),
                AuditEntry.cut(event.detail(), 2000));
    }

    /** Asks the sealing thread to run; wake-ups while it is queued are one run. Never blocks the caller. */
    void wake() {
        if (wanted.compareAndSet(false, true)) {
            try {
                thread.execute(() -> {
                    wanted.set(false);
                    try {
                        sealPending();
                    } catch (RuntimeException e) {
                        LOG.warn("Sealing the waiting audit records failed; the next sweep tries again: {}",
                                e.toString());
                    }
                });
            } catch (java.util.concurrent.RejectedExecutionException shuttingDown) {
                wanted.set(false);
            }
        }
    }

    /**
     * Appends every record waiting in {@code audit_pending} to the chain, in id order, {@link #BATCH} per
     * transaction, and returns how many it appended. Safe on several nodes at once: each batch holds the head lock
     * and removes what it chained in the same transaction, so a record is chained exactly once.
     */
    long sealPending() {
        long sealed = 0;
        int batch;
        do {
            batch = ownTransaction.execute(status -> sealBatch());
            sealed += batch;
        } while (batch == BATCH);
        return sealed;
    }

    private int sealBatch() {
        AuditChainHead head = AuditChainHead.lock(jdbc);
        List<Pending> waiting = jdbc.query("""
                select id, at, actor, role, action, target_type, target_id, client_address, outcome, detail
                from audit_pending order by id limit ?""", AuditSealer::pending, BATCH);
        if (waiting.isEmpty()) {
            return 0;
        }
        AuditEntry last = null;
        long seq = head.lastSeq();
        String previous = head.lastHash();
        for (Pending record : waiting) {
            last = new AuditEntry(++seq, record.at(), record, previous);
            entries.save(last);
            previous = last.hash();
        }
        entries.flush();
        jdbc.batchUpdate("delete from audit_pending where id = ?", waiting, waiting.size(),
                (statement, record) -> statement.setLong(1, record.id()));
        head.appendedAll(jdbc, waiting.size(), last);
        return waiting.size();
    }

    /** How many records wait to be chained. */
    long waiting() {
        Long count = jdbc.queryForObject("select count(*) from audit_pending", Long.class);
        return count == null ? 0 : count;
    }

    @Override
    public void destroy() throws InterruptedException {
        thread.shutdown();
        thread.awaitTermination(10, TimeUnit.SECONDS);
    }

    private static Pending pending(ResultSet rs, int row) throws SQLException {
        return new Pending(rs.getLong("id"), rs.getObject("at", OffsetDateTime.class).toInstant(),
                rs.getString("actor"), rs.getString("role"), rs.getString("action"), rs.getString("target_type"),
                rs.getString("target_id"), rs.getString("client_address"), rs.getString("outcome"),
                rs.getString("detail"));
    }

    /** A waiting record as staged. */
    private record Pending(long id, Instant at, String actor, String role, String action, String targetType,
            String targetId, String clientAddress, String outcome, String detail) implements Audited {
    }
}
