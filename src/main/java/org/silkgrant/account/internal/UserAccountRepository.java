package org.silkgrant.account.internal;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface UserAccountRepository extends JpaRepository<UserAccount, Long> {

    Optional<UserAccount> findByUsernameIgnoreCase(String username);

    boolean existsByUsernameIgnoreCase(String username);

    List<UserAccount> findByOrganizationIdOrderByUsername(Long organizationId);

    List<UserAccount> findByOrganizationIdIsNullOrderByUsername();
}
