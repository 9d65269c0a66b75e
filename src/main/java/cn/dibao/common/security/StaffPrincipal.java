package cn.dibao.common.security;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

import java.io.Serial;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;

/** The logged-in staff member, as kept in the session. */
public final class StaffPrincipal implements UserDetails {

    @Serial
    private static final long serialVersionUID = 1L;

    private final long id;
    private final String username;
    private final String displayName;
    private final String passwordHash;
    private final Set<Role> roles;
    private final String scopeAreaCode;
    private final String scopeAreaName;
    private final boolean enabled;
    private final boolean locked;
    private final boolean mustChangePassword;

    public StaffPrincipal(long id, String username, String displayName, String passwordHash, Set<Role> roles,
                          String scopeAreaCode, String scopeAreaName, boolean enabled, boolean locked,
                          boolean mustChangePassword) {
        this.id = id;
        this.username = username;
        this.displayName = displayName;
        this.passwordHash = passwordHash;
        this.roles = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
        this.scopeAreaCode = scopeAreaCode;
        this.scopeAreaName = scopeAreaName;
        this.enabled = enabled;
        this.locked = locked;
        this.mustChangePassword = mustChangePassword;
    }

    public StaffPrincipal withPasswordChanged() {
        return new StaffPrincipal(id, username, displayName, null, roles, scopeAreaCode, scopeAreaName, enabled,
                locked, false);
    }

    public long id() {
        return id;
    }

    public String displayName() {
        return displayName;
    }

    public Set<Role> roles() {
        return java.util.Collections.unmodifiableSet(roles);
    }

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }

    public AreaScope scope() {
        return AreaScope.of(scopeAreaCode);
    }

    public String scopeAreaCode() {
        return scopeAreaCode;
    }

    public String scopeAreaName() {
        return scopeAreaName;
    }

    public boolean mustChangePassword() {
        return mustChangePassword;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return roles.stream().map(r -> (GrantedAuthority) new SimpleGrantedAuthority(r.authority())).toList();
    }

    @Override
    public String getPassword() {
        return passwordHash;
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
    public boolean equals(Object o) {
        return o instanceof StaffPrincipal other && other.username.equals(username);
    }

    @Override
    public int hashCode() {
        return username.hashCode();
    }

    @Override
    public String toString() {
        return "StaffPrincipal[" + username + "]";
    }
}
