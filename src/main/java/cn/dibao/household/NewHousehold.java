package cn.dibao.household;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/** A new household file with its head (户主 / 申请人). */
public record NewHousehold(@Valid @NotNull(message = "{household.required}") HouseholdData household,
                           @Valid @NotNull(message = "{person.required}") PersonData head) {
}
