package org.silkgrant.account.internal;

import org.springframework.data.jpa.repository.JpaRepository;

public interface BootstrapRecordRepository extends JpaRepository<BootstrapRecord, Integer> {
}
