package org.silkgrant.account.internal;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface UserAccountRepository extends JpaRepository<UserAccount, Long> {

    Optional<UserAccount> findByUsernameIgnoreCase(String username);

    boolean existsByUsernameIgnoreCase(String username);

    List<UserAccount> findByOrganizationIdOrderByUsername(Long organizationId);

    List<UserAccount> findByOrganizationIdIsNullOrderByUsername();

    /** How many accounts belong to no organisation: the office's staff and the experts. */
    long countByOrganizationIdIsNull();

    @org.springframework.data.jpa.repository.Query("select distinct u from UserAccount u join u.roles r where r = :role and u.enabled = true")
    List<UserAccount> findEnabledWithRole(@org.springframework.data.repository.query.Param("role") org.silkgrant.account.Role role);

    /** The enabled holders of a role in one organisation, by the organisation's index (not all holders, filtered). */
    @org.springframework.data.jpa.repository.Query("select distinct u from UserAccount u join u.roles r "
            + "where r = :role and u.enabled = true and u.organizationId = :organizationId")
    List<UserAccount> findEnabledWithRoleIn(@org.springframework.data.repository.query.Param("role") org.silkgrant.account.Role role,
            @org.springframework.data.repository.query.Param("organizationId") Long organizationId);

    /** The enabled holders of a role acting for one recommending department. */
    @org.springframework.data.jpa.repository.Query("select distinct u from UserAccount u join u.roles r "
            + "where r = :role and u.enabled = true and u.departmentCode = :departmentCode")
    List<UserAccount> findEnabledWithRoleForDepartment(@org.springframework.data.repository.query.Param("role") org.silkgrant.account.Role role,
            @org.springframework.data.repository.query.Param("departmentCode") String departmentCode);
}
