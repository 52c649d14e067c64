package org.silkgrant.account.internal;

import java.time.Instant;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface LoginEventRepository extends JpaRepository<LoginEvent, Long> {

    List<LoginEvent> findTop10ByUserIdAndOutcomeOrderByAtDesc(Long userId, LoginEvent.Outcome outcome);

    List<LoginEvent> findTop10ByUserIdAndOutcomeNotOrderByAtDesc(Long userId, LoginEvent.Outcome outcome);

    /** Whether the user signed in successfully from this address since then: an address of their own. */
    boolean existsByUserIdAndClientAddressAndOutcomeAndAtAfter(Long userId, String clientAddress,
            LoginEvent.Outcome outcome, Instant since);
}
