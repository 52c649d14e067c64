package org.silkgrant.notification;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface NoticeRepository extends JpaRepository<Notice, Long> {

    /** The organisation's own notices (not anyone's inbox), newest first. */
    List<Notice> findTop20ByOrganizationIdAndUserIdIsNullOrderByIdDesc(Long organizationId);

    Page<Notice> findByUserIdOrderByIdDesc(Long userId, Pageable page);

    Optional<Notice> findByIdAndUserId(Long id, Long userId);

    long countByUserIdAndReadAtIsNull(Long userId);

    boolean existsByUserIdAndSourceKey(Long userId, String sourceKey);

    @Modifying
    @Query("update Notice n set n.readAt = :at where n.userId = :userId and n.readAt is null")
    int markAllRead(Long userId, Instant at);
}
