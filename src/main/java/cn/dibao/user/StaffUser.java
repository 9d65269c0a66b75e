package cn.dibao.user;

import cn.dibao.common.jpa.AuditedEntity;
import cn.dibao.common.security.Role;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;

import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;

@Entity
@Table(name = "staff_user")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
class StaffUser extends AuditedEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 40)
    private String username;

    @Column(nullable = false, length = 60)
    private String displayName;

    @Column(nullable = false, length = 100)
    private String passwordHash;

    @Column(length = 12)
    private String scopeAreaCode;

    @Column(nullable = false)
    private boolean enabled = true;

    @Column(nullable = false)
    private int failedAttempts;

    private Instant lockedUntil;

    @Column(nullable = false)
    private boolean mustChangePassword;

    private Instant passwordChangedAt;

    private Instant lastLoginAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "staff_user_role", joinColumns = @JoinColumn(name = "user_id"))
    @Enumerated(EnumType.STRING)
    @Column(name = "role", nullable = false, length = 20)
    private Set<Role> roles = new HashSet<>();

    StaffUser(String username, String displayName, String passwordHash, String scopeAreaCode, Set<Role> roles,
              boolean mustChangePassword) {
        this.username = username;
        this.displayName = displayName;
        this.passwordHash = passwordHash;
        this.scopeAreaCode = scopeAreaCode;
        this.roles = new HashSet<>(roles);
        this.mustChangePassword = mustChangePassword;
    }

    Set<Role> roleSet() {
        return roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
    }

    boolean isLockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    void update(String displayName, String scopeAreaCode, Set<Role> roles, boolean enabled) {
        this.displayName = displayName;
        this.scopeAreaCode = scopeAreaCode;
        this.roles.clear();
        this.roles.addAll(roles);
        this.enabled = enabled;
    }

    void setPassword(String hash, boolean mustChange, Instant at) {
        this.passwordHash = hash;
        this.mustChangePassword = mustChange;
        this.passwordChangedAt = at;
    }

    void unlock() {
        this.failedAttempts = 0;
        this.lockedUntil = null;
    }
}
