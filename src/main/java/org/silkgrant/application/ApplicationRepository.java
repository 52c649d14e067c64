package org.silkgrant.application;

import java.util.Collection;
import java.util.List;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface ApplicationRepository extends JpaRepository<Application, Long> {

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
