package org.silkgrant.review;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface ReviewAssignmentRepository extends JpaRepository<ReviewAssignment, Long> {

    List<ReviewAssignment> findByRoundIdOrderByApplicationIdAscIdAsc(Long roundId);

    List<ReviewAssignment> findByExpertIdAndStatusInOrderByIdDesc(Long expertId, Collection<ReviewAssignment.Status> statuses);

    /** Whether the account is the expert of a pair of the application in one of the states. */
    @Query("""
            select count(a) > 0 from ReviewAssignment a, Expert e
            where e.id = a.expertId and e.userId = :userId and a.applicationId = :applicationId
              and a.status in :statuses
            """)
    boolean existsForUser(@Param("userId") Long userId, @Param("applicationId") Long applicationId,
            @Param("statuses") Collection<ReviewAssignment.Status> statuses);

    List<ReviewAssignment> findByApplicationIdAndExpertIdOrderById(Long applicationId, Long expertId);

    /** The pairs of every round of the call in one state, newest first. */
    @Query("""
            select a from ReviewAssignment a, ReviewRound r
            where r.id = a.roundId and r.callCode = :callCode and a.status = :status
            order by a.id desc
            """)
    List<ReviewAssignment> findOfCallInStatus(@Param("callCode") String callCode,
            @Param("status") ReviewAssignment.Status status);

    /** Applications that hold a pair in another round of the call than this one. */
    @Query("""
            select distinct a.applicationId from ReviewAssignment a, ReviewRound r
            where r.id = a.roundId and r.callCode = :callCode and r.id <> :roundId
            """)
    List<Long> applicationsOfOtherRounds(@Param("callCode") String callCode, @Param("roundId") Long roundId);
}
