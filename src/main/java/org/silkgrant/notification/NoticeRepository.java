package org.silkgrant.notification;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface NoticeRepository extends JpaRepository<Notice, Long> {

    List<Notice> findTop20ByOrganizationIdOrUserIdOrderByIdDesc(Long organizationId, Long userId);

    List<Notice> findTop20ByUserIdOrderByIdDesc(Long userId);
}
