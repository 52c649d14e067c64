package org.silkgrant.review;

import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface ExpertRepository extends JpaRepository<Expert, Long> {

    Optional<Expert> findByUserId(Long userId);

    boolean existsByEmail(String email);

    boolean existsByEmailAndIdNot(String email, Long id);

    List<Expert> findByEmailIn(java.util.Collection<String> emails);

    List<Expert> findByActiveTrueOrderById();

    /**
     * The office's search; {@code name}, {@code organization} and {@code keyword} are LIKE patterns built with
     * {@link org.silkgrant.shared.LikePattern#containing} (wildcards in the search text match literally), null when absent.
     * The casts type a null parameter for PostgreSQL, which cannot apply lower() to an untyped null.
     */
    @Query("""
            select e from Expert e
            where (:name is null or lower(e.fullName) like lower(cast(:name as String)) escape '\\')
              and (:organization is null
                   or lower(e.organizationName) like lower(cast(:organization as String)) escape '\\'
                   or e.organizationCode = upper(cast(:organizationCode as String)))
              and (:country is null or e.country = :country)
              and (:active is null or e.active = :active)
              and (:field is null or exists (select 1 from Expert f join f.fields fc where f = e and fc = :field))
              and (:keyword is null or exists (select 1 from Expert k join k.keywords kw
                                               where k = e
                                                 and lower(kw) like lower(cast(:keyword as String)) escape '\\'))
            """)
    Page<Expert> search(@Param("name") String name, @Param("organization") String organization,
            @Param("organizationCode") String organizationCode, @Param("country") String country,
            @Param("active") Boolean active, @Param("field") String field, @Param("keyword") String keyword,
            Pageable pageable);
}
