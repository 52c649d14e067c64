package org.silkgrant.account.internal;

import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface PendingAccountRepository extends JpaRepository<PendingAccount, Long> {

    Optional<PendingAccount> findByTokenHash(String tokenHash);

    /** The pending account, locked until the transaction ends: two tries with one link take turns. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select p from PendingAccount p where p.tokenHash = :tokenHash")
    Optional<PendingAccount> lockByTokenHash(@Param("tokenHash") String tokenHash);
}
