package org.silkgrant.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.silkgrant.SilkGrantTest;
import org.silkgrant.shared.Audited;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The deferred chain (the postgres profile's setting, here on H2): a published record waits in
 * {@code audit_pending} until its transaction commits, is then chained by the sealer without the publisher taking
 * the head lock, a rolled-back transaction leaves nothing, and records from many threads form one contiguous chain
 * that verifies. The sweep interval is long, so only the wake-up after commit (or a read) can chain a record here.
 */
@SilkGrantTest
@DirtiesContext
@TestPropertySource(properties = {"silkgrant.audit.deferred-chain=true", "silkgrant.audit.seal-interval=1h"})
class AuditDeferredChainTests {

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    AuditLog log;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactionManager;

    record Event(String detail) implements Audited {

        @Override
        public String actor() {
            return "leader-7";
        }

        @Override
        public String role() {
            return "APPLICANT";
        }

        @Override
        public String action() {
            return "TEST_DEFERRED";
        }

        @Override
        public String targetType() {
            return "APPLICATION";
        }

        @Override
        public String targetId() {
            return "7";
        }

        @Override
        public String clientAddress() {
            return "10.8.0.1";
        }

        @Override
        public String outcome() {
            return "SUCCESS";
        }
    }

    private int chained(String detail) {
        return jdbc.queryForObject("select count(*) from audit_event where detail = ? and seq is not null",
                Integer.class, detail);
    }

    private int waiting(String detail) {
        return jdbc.queryForObject("select count(*) from audit_pending where detail = ?", Integer.class, detail);
    }

    /** Waits (at most 10 s) until the sealer has chained the record. */
    private void awaitChained(String detail) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (chained(detail) == 0 && System.nanoTime() < end) {
            Thread.sleep(20);
        }
    }

    @Test
    void aRecordWaitsUntilItsTransactionCommitsAndIsThenChainedOnce() throws Exception {
        String detail = UUID.randomUUID().toString();
        TransactionTemplate tx = new TransactionTemplate(transactionManager);
        tx.executeWithoutResult(status -> {
            events.publishEvent(new Event(detail));
            assertThat(waiting(detail)).as("staged in the publisher's transaction").isEqualTo(1);
            assertThat(chained(detail)).as("not chained before the commit").isZero();
            Long locked = jdbc.queryForObject("select count(*) from audit_chain_head", Long.class);
            assertThat(locked).isEqualTo(1);
        });

        awaitChained(detail);
        assertThat(chained(detail)).as("chained after the commit, by the sealer's wake-up").isEqualTo(1);
        assertThat(waiting(detail)).as("no longer waiting").isZero();
        var row = jdbc.queryForMap("select seq, actor, role, action, client_address from audit_event where detail = ?",
                detail);
        assertThat(row.get("actor")).isEqualTo("leader-7");
        assertThat(row.get("role")).isEqualTo("APPLICANT");
        assertThat(row.get("client_address")).isEqualTo("10.8.0.1");
        long seq = ((Number) row.get("seq")).longValue();
        assertThat(jdbc.queryForObject("select last_seq from audit_chain_head", Long.class))
                .isGreaterThanOrEqualTo(seq);
        assertThat(log.verify().ok()).isTrue();
    }

    @Test
    void aRolledBackTransactionLeavesNoRecord() throws Exception {
        String detail = UUID.randomUUID().toString();
        TransactionTemplate tx = new TransactionTemplate(transactionManager);
        tx.executeWithoutResult(status -> {
            events.publishEvent(new Event(detail));
            status.setRollbackOnly();
        });
        log.sealPending();
        assertThat(waiting(detail)).isZero();
        assertThat(chained(detail)).isZero();
    }

    @Test
    void aRecordPublishedOutsideATransactionIsChainedToo() throws Exception {
        String detail = UUID.randomUUID().toString();
        events.publishEvent(new Event(detail));
        awaitChained(detail);
        assertThat(chained(detail)).isEqualTo(1);
    }

    @Test
    void readingTheRecordChainsWhatWaitsFirst() {
        String detail = UUID.randomUUID().toString();
        // Staged directly, without the wake-up: only the read can chain it (the sweep runs hourly here).
        new TransactionTemplate(transactionManager).executeWithoutResult(status -> jdbc.update("""
                insert into audit_pending (at, actor, action, outcome, detail)
                values (current_timestamp, 'leader-7', 'TEST_DEFERRED', 'SUCCESS', ?)""", detail));
        assertThat(chained(detail)).isZero();
        assertThat(log.read(AuditFilter.search("TEST_DEFERRED"), 0, 200).getContent())
                .anySatisfy(record -> assertThat(record.detail()).isEqualTo(detail));
        assertThat(chained(detail)).isEqualTo(1);
        assertThat(waiting(detail)).isZero();
    }

    @Test
    void recordsFromManyThreadsFormOneContiguousChain() throws Exception {
        String run = UUID.randomUUID().toString();
        int threads = 8;
        int each = 40;
        TransactionTemplate tx = new TransactionTemplate(transactionManager);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < each; i++) {
                        String detail = run + "-" + thread + "-" + i;
                        tx.executeWithoutResult(status -> events.publishEvent(new Event(detail)));
                    }
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
        } finally {
            pool.shutdown();
        }
        log.sealPending();
        int appended = threads * each;
        assertThat(jdbc.queryForObject("select count(distinct seq) from audit_event where detail like ?",
                Integer.class, run + "-%")).isEqualTo(appended);
        assertThat(jdbc.queryForObject("select count(*) from audit_pending", Integer.class)).isZero();
        assertThat(jdbc.queryForObject("select max(seq) - min(seq) + 1 - count(*) from audit_event where seq is not null",
                Long.class)).as("gaps in seq").isZero();
        // Each thread's records are chained in the order it wrote them.
        for (int t = 0; t < threads; t++) {
            List<Long> seqs = jdbc.queryForList("select seq from audit_event where detail like ? order by id",
                    Long.class, run + "-" + t + "-%");
            assertThat(seqs).hasSize(each).isSorted();
        }
        ChainVerification result = log.verify();
        assertThat(result.ok()).as("verification: %s", result.firstProblem()).isTrue();
    }
}
