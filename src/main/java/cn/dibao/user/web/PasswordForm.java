package cn.dibao.user.web;

import jakarta.validation.constraints.NotBlank;

record PasswordForm(
        @NotBlank(message = "{password.current.required}") String currentPassword,
        @NotBlank(message = "{password.new.required}") String newPassword,
        @NotBlank(message = "{password.confirm.required}") String confirmPassword) {
}
