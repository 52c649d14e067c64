package org.silkgrant.organization;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface OrganizationRepository extends JpaRepository<Organization, Long> {

    boolean existsByCreditCode(String creditCode);

    /** {@code query} is a LIKE pattern from {@link org.silkgrant.shared.LikePattern#containing}, null when absent. */
    @Query("""
            select o from Organization o
            where (:status is null or o.status = :status)
              and (:query is null or lower(o.name) like lower(cast(:query as String)) escape '\\'
                   or o.creditCode like upper(cast(:query as String)) escape '\\')
            """)
    Page<Organization> search(@Param("status") OrganizationStatus status, @Param("query") String query,
            Pageable pageable);
}
