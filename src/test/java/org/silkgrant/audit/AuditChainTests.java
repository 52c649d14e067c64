package org.silkgrant.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.silkgrant.MutableClock;
import org.silkgrant.SilkGrantTest;
import org.silkgrant.shared.Audited;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every record is the next link of an SM3 hash chain; verification names the first changed, unlinked or missing
 * record; the purge removes only records older than the retention and leaves a chain that still verifies. Tests
 * that tamper with rows run in a transaction that is rolled back, so the chain stays intact for the others.
 */
@SilkGrantTest
@DirtiesContext
class AuditChainTests {

    static final Instant START = Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);

    @TestConfiguration
    static class MovableTime {

        @Bean
        @Primary
        MutableClock mutableClock() {
            return new MutableClock(START);
        }
    }

    @Autowired
    AuditLog log;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MutableClock clock;

    /** An event as an organisation admin's action would publish it. */
    record Event(String action, String detail) implements Audited {

        @Override
        public String actor() {
            return "uni-admin";
        }

        @Override
        public String role() {
            return "ORG_ADMIN";
        }

        @Override
        public String targetType() {
            return "APPLICATION";
        }

        @Override
        public String targetId() {
            return "42";
        }

        @Override
        public String clientAddress() {
            return "10.7.0.1";
        }

        @Override
        public String outcome() {
            return "SUCCESS";
        }
    }

    /** Records three events with unique details and returns those details. */
    private List<String> recordThree() {
        String run = UUID.randomUUID().toString();
        List<String> details = List.of(run + "-1", run + "-2", run + "-3");
        details.forEach(detail -> log.record(new Event("TEST_CHAIN", detail)));
        return details;
    }

    private Map<String, Object> row(String detail) {
        return jdbc.queryForMap("select id, seq, role, previous_hash, hash from audit_event where detail = ?", detail);
    }

    private long seq(String detail) {
        return ((Number) row(detail).get("seq")).longValue();
    }

    private long id(String detail) {
        return ((Number) row(detail).get("id")).longValue();
    }

    @Test
    void eachRecordFollowsThePreviousOneAndTheChainVerifies() {
        List<String> details = recordThree();

        Map<String, Object> first = row(details.get(0));
        Map<String, Object> second = row(details.get(1));
        Map<String, Object> third = row(details.get(2));
        assertThat(List.of(seq(details.get(0)), seq(details.get(1)), seq(details.get(2))))
                .as("seq of three records written one after another")
                .containsExactly(seq(details.get(0)), seq(details.get(0)) + 1, seq(details.get(0)) + 2);
        assertThat(second.get("previous_hash")).isEqualTo(first.get("hash"));
        assertThat(third.get("previous_hash")).isEqualTo(second.get("hash"));
        assertThat(first.get("role")).isEqualTo("ORG_ADMIN");

        Map<String, Object> head = jdbc.queryForMap("select * from audit_chain_head");
        assertThat(((Number) head.get("last_seq")).longValue()).isEqualTo(seq(details.get(2)));
        assertThat(head.get("last_hash")).isEqualTo(third.get("hash"));
        long firstSeq = ((Number) head.get("first_seq")).longValue();
        assertThat(jdbc.queryForObject("select previous_hash from audit_event where seq = ?", String.class, firstSeq))
                .as("previous hash of the first record of the chain")
                .isEqualTo(head.get("first_previous_hash"));

        ChainVerification result = log.verify();
        assertThat(result.ok()).as("verification of an untouched chain: %s", result.firstProblem()).isTrue();
        assertThat(result.firstProblem()).isNull();
        assertThat(result.checked()).isEqualTo(seq(details.get(2)) - firstSeq + 1);
        assertThat(result.lastHash()).isEqualTo(third.get("hash"));
    }

    @Test
    void theChainStartsAtGenesisWithSeqOne() {
        Map<String, Object> head = jdbc.queryForMap("select * from audit_chain_head");
        if (((Number) head.get("first_seq")).longValue() == 1) {
            assertThat(jdbc.queryForObject("select previous_hash from audit_event where seq = 1", String.class))
                    .isEqualTo(AuditHash.GENESIS).isEqualTo("0".repeat(64));
        }
        assertThat(jdbc.queryForObject("select count(*) from audit_event where seq is null", Integer.class))
                .as("records outside the chain on a database created with V12").isZero();
    }

    @Test
    @Transactional
    void aChangedDetailIsNamedBySeqAndId() {
        List<String> details = recordThree();
        long seq = seq(details.get(1));
        long id = id(details.get(1));
        jdbc.update("update audit_event set detail = ? where id = ?", "nothing happened", id);

        ChainVerification result = log.verify();

        assertThat(result.ok()).isFalse();
        assertThat(result.firstProblem().kind()).isEqualTo(ChainVerification.Kind.CHANGED);
        assertThat(result.firstProblem().seq()).isEqualTo(seq);
        assertThat(result.firstProblem().id()).isEqualTo(id);
        assertThat(result.firstProblem().message()).contains("record " + seq, "id " + id);
    }

    @Test
    @Transactional
    void aRecordRewrittenWithAFreshHashBreaksTheLinkOfTheNext() {
        List<String> details = recordThree();
        Map<String, Object> second = row(details.get(1));
        long secondSeq = seq(details.get(1));
        // Whoever rewrites a record and its hash still leaves the next record pointing at the old hash.
        String forged = AuditHash.of(secondSeq, START, "uni-admin", "ORG_ADMIN", "TEST_CHAIN", "APPLICATION", "42",
                "10.7.0.1", "SUCCESS", "forged", (String) second.get("previous_hash"));
        jdbc.update("update audit_event set at = ?, detail = 'forged', hash = ? where id = ?",
                java.time.OffsetDateTime.ofInstant(START, java.time.ZoneOffset.UTC), forged, id(details.get(1)));

        ChainVerification result = log.verify();

        assertThat(result.ok()).isFalse();
        assertThat(result.firstProblem().kind()).isEqualTo(ChainVerification.Kind.BROKEN_LINK);
        assertThat(result.firstProblem().seq()).isEqualTo(seq(details.get(2)));
        assertThat(result.firstProblem().id()).isEqualTo(id(details.get(2)));
    }

    @Test
    @Transactional
    void aDeletedRecordInTheMiddleIsNamedAsTheMissingSeq() {
        List<String> details = recordThree();
        long missing = seq(details.get(1));
        jdbc.update("delete from audit_event where seq = ?", missing);

        ChainVerification result = log.verify();

        assertThat(result.ok()).isFalse();
        assertThat(result.firstProblem().kind()).isEqualTo(ChainVerification.Kind.MISSING);
        assertThat(result.firstProblem().seq()).isEqualTo(missing);
        assertThat(result.firstProblem().id()).isNull();
    }

    @Test
    @Transactional
    void deletingTheLastRecordIsDetected() {
        List<String> details = recordThree();
        long last = seq(details.get(2));
        jdbc.update("delete from audit_event where seq = ?", last);

        ChainVerification result = log.verify();

        assertThat(result.ok()).isFalse();
        assertThat(result.firstProblem().kind()).isEqualTo(ChainVerification.Kind.HEAD_MISMATCH);
        assertThat(result.firstProblem().seq()).isEqualTo(last);
        assertThat(result.lastSeq()).isEqualTo(last);
        assertThat(result.checked()).isEqualTo(last - result.firstSeq());
    }

    @Test
    void aVerificationIsItselfRecorded() {
        ChainVerification result = log.verify("auditadmin", "10.7.0.9");

        Map<String, Object> recorded = jdbc.queryForMap(
                "select actor, role, action, target_type, client_address, outcome, detail from audit_event "
                        + "where seq = (select last_seq from audit_chain_head)");
        assertThat(recorded).containsEntry("actor", "auditadmin").containsEntry("role", "AUDIT_ADMIN")
                .containsEntry("action", "AUDIT_CHAIN_VERIFIED").containsEntry("target_type", "AUDIT_LOG")
                .containsEntry("client_address", "10.7.0.9").containsEntry("outcome", "SUCCESS");
        assertThat((String) recorded.get("detail")).contains("checked " + result.checked());
        assertThat(log.verify().ok()).isTrue();
    }

    @Test
    void purgeRemovesOnlyRecordsOlderThanTheRetentionFromTheStartAndTheChainStillVerifies() {
        String run = UUID.randomUUID().toString();
        log.record(new Event("TEST_PURGE", run + "-old-1"));
        log.record(new Event("TEST_PURGE", run + "-old-2"));
        clock.advance(Duration.ofDays(1));
        log.record(new Event("TEST_PURGE", run + "-exactly-180-days"));
        clock.advance(Duration.ofDays(1));
        log.record(new Event("TEST_PURGE", run + "-young"));
        // A node whose clock is behind writes an older time after a younger record: it stays with the young one.
        clock.advance(Duration.ofDays(-30));
        log.record(new Event("TEST_PURGE", run + "-after-young-but-older"));
        clock.advance(Duration.ofDays(30 + 179));
        log.record(new Event("TEST_PURGE", run + "-new"));
        long keptFrom = seq(run + "-exactly-180-days");
        long before = jdbc.queryForObject("select count(*) from audit_event", Long.class);

        long removed = log.purge();

        assertThat(removed).isEqualTo(keptFrom - 1).isEqualTo(before - jdbc.queryForObject(
                "select count(*) from audit_event where action <> 'AUDIT_PURGED'", Long.class));
        assertThat(jdbc.queryForList("select detail from audit_event where action = 'TEST_PURGE' order by seq",
                String.class)).containsExactly(run + "-exactly-180-days", run + "-young",
                        run + "-after-young-but-older", run + "-new");
        assertThat(jdbc.queryForObject("select min(seq) from audit_event", Long.class)).isEqualTo(keptFrom);
        Map<String, Object> head = jdbc.queryForMap("select * from audit_chain_head");
        assertThat(((Number) head.get("first_seq")).longValue()).isEqualTo(keptFrom);
        assertThat(head.get("first_previous_hash")).isEqualTo(row(run + "-exactly-180-days").get("previous_hash"));
        assertThat(jdbc.queryForObject("select detail from audit_event where seq = (select last_seq from audit_chain_head)",
                String.class)).as("the purge records itself").contains("removed " + removed);

        ChainVerification result = log.verify();
        assertThat(result.ok()).as("verification after the purge: %s", result.firstProblem()).isTrue();
        assertThat(result.firstSeq()).isEqualTo(keptFrom);

        assertThat(log.purge()).as("a second purge the same day").isZero();
        assertThat(row(run + "-exactly-180-days")).isNotNull();
    }

    @Test
    void concurrentAppendsFromManyThreadsFormOneChain() throws Exception {
        String run = UUID.randomUUID().toString();
        int threads = 8;
        int each = 25;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < each; i++) {
                        log.record(new Event("TEST_CONCURRENT", run + "-" + thread + "-" + i));
                    }
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
        } finally {
            pool.shutdown();
        }

        List<Long> seqs = jdbc.queryForList("select seq from audit_event where action = 'TEST_CONCURRENT' and detail like ? "
                + "order by seq", Long.class, run + "-%");
        assertThat(seqs).hasSize(threads * each).doesNotHaveDuplicates().doesNotContainNull();
        Map<String, Object> span = jdbc.queryForMap("select min(seq) as low, max(seq) as high, count(*) as n "
                + "from audit_event where seq is not null");
        assertThat(((Number) span.get("high")).longValue() - ((Number) span.get("low")).longValue() + 1)
                .as("seq has no gap").isEqualTo(((Number) span.get("n")).longValue());
        ChainVerification result = log.verify();
        assertThat(result.ok()).as("verification after concurrent appends: %s", result.firstProblem()).isTrue();
    }
}
