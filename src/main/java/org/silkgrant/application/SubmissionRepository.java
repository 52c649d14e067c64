package org.silkgrant.application;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface SubmissionRepository extends JpaRepository<Submission, Long> {

    Optional<Submission> findTopByApplicationIdOrderByVersionNumberDesc(Long applicationId);

    Optional<Submission> findByApplicationIdAndVersionNumber(Long applicationId, int versionNumber);

    List<Submission> findByApplicationIdOrderByVersionNumber(Long applicationId);

    /** The latest submitted version of each application. */
    @org.springframework.data.jpa.repository.Query("select s from Submission s where s.applicationId in :ids and "
            + "s.versionNumber = (select max(t.versionNumber) from Submission t where t.applicationId = s.applicationId)")
    List<Submission> findLatestOf(@org.springframework.data.repository.query.Param("ids") java.util.Collection<Long> ids);
}
