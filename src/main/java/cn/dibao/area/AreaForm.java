package cn.dibao.area;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A new area as the admin page and the API take it. Code rules beyond the format (the level's
 * digits, under the parent, not taken) and the parent are checked by {@link AreaService#create}.
 */
@Schema(name = "NewArea")
public record AreaForm(
        @NotBlank(message = "{area.code.required}") @Pattern(regexp = "[0-9]{12}", message = "{area.code.format}")
        @Schema(example = "370211301000", description = "12-digit statistical area code") String code,
        @NotBlank(message = "{area.name.required}") @Size(max = 60, message = "{area.name.tooLong}") String name,
        @NotNull(message = "{area.level.required}") AreaLevel level,
        @Schema(description = "The parent's code; none for a county") String parentCode) {

    public static AreaForm empty(String parentCode, AreaLevel level) {
        return new AreaForm(null, null, level, parentCode);
    }

    public AreaService.NewArea toNewArea() {
        return new AreaService.NewArea(code, name, level, parentCode);
    }
}
