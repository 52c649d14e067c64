package org.silkgrant.account.internal;

import java.time.Instant;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface LoginFailureRepository extends JpaRepository<LoginFailure, Long> {

    Optional<LoginFailure> findByUserIdAndClientAddress(Long userId, String clientAddress);

    /** The pair's row, locked until the transaction ends, so nodes counting the same pair take turns. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select f from LoginFailure f where f.userId = :userId and f.clientAddress = :address")
    Optional<LoginFailure> lockPair(@Param("userId") Long userId, @Param("address") String address);

    /** Creates the pair's row unless it exists (also when another node creates it at the same moment). */
    @Modifying
    @Query(value = "insert into login_failure (user_id, client_address, failures, last_failure_at) "
            + "values (:userId, :address, 0, :now) on conflict do nothing", nativeQuery = true)
    int insertIfAbsent(@Param("userId") Long userId, @Param("address") String address, @Param("now") Instant now);

    /** How many addresses are locked out of the account right now. */
    @Query("select count(f) from LoginFailure f where f.userId = :userId and f.lockedUntil > :now")
    long countLockedAddresses(@Param("userId") Long userId, @Param("now") Instant now);

    @Modifying
    @Query("delete from LoginFailure f where f.userId = :userId")
    int deleteByUserId(@Param("userId") Long userId);

    /** Forgets pairs that have neither a running lock nor a recent failure, so the table stays small. */
    @Modifying
    @Query("delete from LoginFailure f where f.userId = :userId and f.lastFailureAt < :before "
            + "and (f.lockedUntil is null or f.lockedUntil < :now)")
    int deleteStale(@Param("userId") Long userId, @Param("before") Instant before, @Param("now") Instant now);
}
