package cn.dibao.area;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A new name for an area, with the version it was read at (optimistic locking), on the page and the API. */
@Schema(name = "AreaRename")
public record RenameForm(
        @NotBlank(message = "{area.name.required}") @Size(max = 60, message = "{area.name.tooLong}") String name,
        @NotNull(message = "{version.required}") Long version) {
}
