package org.silkgrant.account;

import java.util.Collection;
import java.util.Set;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The signed-in person as the security layer sees them: id, organisation, roles and account state. */
public final class SilkGrantUser implements UserDetails, CredentialsContainer {

    /** Sessions in the database hold this serialized: nodes of one release read each other's. */
    private static final long serialVersionUID = 1L;

    private final Long id;
    private final String username;
    private String password;
    private final String fullName;
    private final Long organizationId;
    private final Set<Role> roles;
    private final boolean enabled;
    private final boolean locked;
    private final boolean secondFactorRequired;
    private final String departmentCode;
    private final boolean passwordChangeRequired;

    public SilkGrantUser(Long id, String username, String password, String fullName, Long organizationId,
            Set<Role> roles, boolean enabled, boolean locked, boolean secondFactorRequired) {
        this(id, username, password, fullName, organizationId, roles, enabled, locked, secondFactorRequired, null);
    }

    public SilkGrantUser(Long id, String username, String password, String fullName, Long organizationId,
            Set<Role> roles, boolean enabled, boolean locked, boolean secondFactorRequired, String departmentCode) {
        this(id, username, password, fullName, organizationId, roles, enabled, locked, secondFactorRequired,
                departmentCode, false);
    }

    public SilkGrantUser(Long id, String username, String password, String fullName, Long organizationId,
            Set<Role> roles, boolean enabled, boolean locked, boolean secondFactorRequired, String departmentCode,
            boolean passwordChangeRequired) {
        this.departmentCode = departmentCode;
        this.passwordChangeRequired = passwordChangeRequired;
        this.id = id;
        this.username = username;
        this.password = password;
        this.fullName = fullName;
        this.organizationId = organizationId;
        this.roles = Set.copyOf(roles);
        this.enabled = enabled;
        this.locked = locked;
        this.secondFactorRequired = secondFactorRequired;
    }

    public Long id() {
        return id;
    }

    public String fullName() {
        return fullName;
    }

    /** The organisation the user belongs to; null for staff. */
    public Long organizationId() {
        return organizationId;
    }

    /** The recommending department a recommender acts for; null for everyone else. */
    public String departmentCode() {
        return departmentCode;
    }

    public Set<Role> roles() {
        return roles;
    }

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }

    /** Whether the password was given by someone else (the first-start bootstrap) and must be changed first. */
    public boolean passwordChangeRequired() {
        return passwordChangeRequired;
    }

    /** Whether this user must pass a second factor after the password. */
    public boolean secondFactorRequired() {
        return secondFactorRequired;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return roles.stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList();
    }

    @Override
    public String getPassword() {
        return password;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isAccountNonLocked() {
        return !locked;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void eraseCredentials() {
        password = null;
    }

    @Override
    public String toString() {
        return "SilkGrantUser[" + username + "]";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SilkGrantUser u && u.username.equals(username);
    }

    @Override
    public int hashCode() {
        return username.hashCode();
    }
}
