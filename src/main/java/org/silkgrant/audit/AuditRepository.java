package org.silkgrant.audit;

import java.time.Instant;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** Reads the audit record; the only writes are appends and the retention purge of the chain's oldest rows. */
interface AuditRepository extends JpaRepository<AuditEntry, Long>, JpaSpecificationExecutor<AuditEntry> {

    Optional<AuditEntry> findBySeq(long seq);

    /** The first chained row from {@code seq} on that is not older than {@code cutoff}. */
    @Query("select min(e.seq) from AuditEntry e where e.seq >= :seq and e.at >= :cutoff")
    Long firstSeqNotBefore(@Param("seq") long seq, @Param("cutoff") Instant cutoff);

    /** Removes chained rows in a seq range, and of those only rows older than {@code cutoff}. */
    @Modifying
    @Query("delete from AuditEntry e where e.seq between :first and :last and e.at < :cutoff")
    int deleteChained(@Param("first") long first, @Param("last") long last, @Param("cutoff") Instant cutoff);

    /** Removes rows written before the chain existed that are older than {@code cutoff}. */
    @Modifying
    @Query("delete from AuditEntry e where e.seq is null and e.at < :cutoff")
    int deleteUnchained(@Param("cutoff") Instant cutoff);
}
