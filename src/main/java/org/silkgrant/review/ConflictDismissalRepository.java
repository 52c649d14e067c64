package org.silkgrant.review;

import java.util.List;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;

interface ConflictDismissalRepository extends JpaRepository<ConflictDismissal, Long> {

    /** The call's dismissals in force. */
    List<ConflictDismissal> findByCallCodeAndWithdrawnAtIsNullOrderById(String callCode);

    /** The call's dismissals, in force and withdrawn, newest first. */
    List<ConflictDismissal> findByCallCodeOrderByIdDesc(String callCode, Limit limit);

    List<ConflictDismissal> findByApplicationIdAndExpertIdAndWithdrawnAtIsNull(Long applicationId, Long expertId);
}
