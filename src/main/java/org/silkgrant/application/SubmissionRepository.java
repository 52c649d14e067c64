package org.silkgrant.application;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface SubmissionRepository extends JpaRepository<Submission, Long> {

    Optional<Submission> findTopByApplicationIdOrderByVersionNumberDesc(Long applicationId);

    Optional<Submission> findByApplicationIdAndVersionNumber(Long applicationId, int versionNumber);

    List<Submission> findByApplicationIdOrderByVersionNumber(Long applicationId);
}
