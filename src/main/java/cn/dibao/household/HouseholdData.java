package cn.dibao.household;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.Set;

public record HouseholdData(
        @NotBlank(message = "{household.area.required}") @Pattern(regexp = "^[0-9]{12}$", message = "{household.area.required}") String areaCode,
        @NotBlank(message = "{household.address.required}") @Size(max = 200, message = "{common.tooLong200}") String address,
        @NotNull(message = "{household.hukouType.required}") HukouType hukouType,
        @Size(max = 200, message = "{common.tooLong200}") String residenceAddress,
        @Size(max = 40, message = "{household.grid.tooLong}") String grid,
        Set<HouseholdTag> tags) {
}
