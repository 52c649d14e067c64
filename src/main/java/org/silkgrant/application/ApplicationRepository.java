package org.silkgrant.application;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import jakarta.persistence.LockModeType;

interface ApplicationRepository extends JpaRepository<Application, Long> {

    /**
     * The application with its row locked until the transaction ends ({@code select … for update}): the writers of
     * one application (section saves, uploads, submission, routing steps) take their turns instead of failing each
     * other's optimistic version check. Different applications never wait for each other.
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select a from Application a where a.id = :id")
    Optional<Application> findLocked(@Param("id") Long id);

    @Query("""
            select a from Application a
            where (:leaderId is null or a.leaderId = :leaderId)
              and (:organizationId is null or a.organizationId = :organizationId)
              and (:callCode is null or a.callCode = :callCode)
              and (:status is null or a.status = :status)
            """)
    Page<Application> search(@Param("leaderId") Long leaderId, @Param("organizationId") Long organizationId,
            @Param("callCode") String callCode, @Param("status") ApplicationStatus status, Pageable pageable);

    List<Application> findByCallCodeAndStatusInOrderById(String callCode, Collection<ApplicationStatus> statuses);

    List<Application> findTop500ByOrganizationIdAndStatusOrderBySubmittedAtAsc(Long organizationId, ApplicationStatus status);

    List<Application> findTop500ByRecommendingDepartmentAndStatusOrderBySubmittedAtAsc(String department,
            ApplicationStatus status);

    List<Application> findTop500ByCallCodeAndStatusOrderBySubmittedAtAsc(String callCode, ApplicationStatus status);

    long countByLeaderIdAndIdNotAndStatusIn(Long leaderId, Long id, Collection<ApplicationStatus> statuses);
}
