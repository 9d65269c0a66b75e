package cn.dibao.area.web;

import cn.dibao.area.AreaLevel;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The new-area form. Code rules beyond the format are checked by the service. */
record AreaForm(
        @NotBlank(message = "{area.code.required}") @Pattern(regexp = "[0-9]{12}", message = "{area.code.format}") String code,
        @NotBlank(message = "{area.name.required}") @Size(max = 60, message = "{area.name.tooLong}") String name,
        @NotNull(message = "{area.level.required}") AreaLevel level,
        String parentCode) {

    static AreaForm empty(String parentCode, AreaLevel level) {
        return new AreaForm(null, null, level, parentCode);
    }
}
