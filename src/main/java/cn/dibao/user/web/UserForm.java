package cn.dibao.user.web;

import cn.dibao.common.security.Role;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

import java.util.Set;

/** Create and edit form for a staff account; the password is used on create only. */
record UserForm(
        @NotBlank(message = "{user.username.required}") @Size(max = 40, message = "{user.username.format}") String username,
        @NotBlank(message = "{user.displayName.required}") @Size(max = 60, message = "{user.displayName.tooLong}") String displayName,
        String password,
        String scopeAreaCode,
        @NotEmpty(message = "{user.roles.required}") Set<Role> roles,
        boolean enabled,
        long version) {
}
