package org.silkgrant.integrity;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface IntegrityEntryRepository extends JpaRepository<IntegrityEntry, Long> {

    List<IntegrityEntry> findByEndedAtIsNullOrderByIdDesc();

    List<IntegrityEntry> findAllByOrderByIdDesc();
}
