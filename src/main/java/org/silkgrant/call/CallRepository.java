package org.silkgrant.call;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface CallRepository extends JpaRepository<CallEntity, Long> {

    Optional<CallEntity> findByCode(String code);

    boolean existsByCode(String code);
}
