package cn.dibao.area.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

record RenameForm(
        @NotBlank(message = "{area.name.required}") @Size(max = 60, message = "{area.name.tooLong}") String name,
        long version) {
}
