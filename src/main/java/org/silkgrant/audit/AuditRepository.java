package org.silkgrant.audit;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface AuditRepository extends JpaRepository<AuditEntry, Long> {

    Page<AuditEntry> findByActionContainingIgnoreCaseOrActorContainingIgnoreCase(String action, String actor,
            Pageable pageable);
}
