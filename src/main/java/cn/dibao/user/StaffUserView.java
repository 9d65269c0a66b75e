package cn.dibao.user;

import cn.dibao.common.security.Role;

import java.time.Instant;
import java.util.Set;

public record StaffUserView(long id, String username, String displayName, Set<Role> roles, String scopeAreaCode,
                            String scopeAreaName, boolean enabled, boolean locked, boolean mustChangePassword,
                            Instant lastLoginAt, long version) {
}
