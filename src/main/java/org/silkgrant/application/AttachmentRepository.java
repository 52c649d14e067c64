package org.silkgrant.application;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface AttachmentRepository extends JpaRepository<Attachment, Long> {

    List<Attachment> findByApplicationIdOrderById(Long applicationId);
}
