package cn.dibao.household;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.LocalDate;

public record AssetData(
        Long personId,
        @NotNull(message = "{asset.type.required}") AssetType type,
        @Size(max = 100, message = "{common.tooLong100}") String description,
        @NotNull(message = "{money.required}") @DecimalMin(value = "0.00", message = "{money.negative}")
        @Digits(integer = 12, fraction = 2, message = "{money.format}") BigDecimal value,
        @Min(value = 0, message = "{asset.quantity.invalid}") @Max(value = 999, message = "{asset.quantity.invalid}") Integer quantity,
        @DecimalMin(value = "0.00", message = "{asset.floorArea.invalid}") @Digits(integer = 7, fraction = 2, message = "{asset.floorArea.invalid}") BigDecimal floorArea,
        @Size(max = 100, message = "{common.tooLong100}") String exemptReason,
        @NotNull(message = "{period.from.required}") LocalDate periodFrom,
        LocalDate periodTo,
        // when a home (or other real estate) was bought, for the local rule on recent purchases (ADR 0019)
        LocalDate acquiredOn) {

    /** An asset without acquisition date. */
    public AssetData(Long personId, AssetType type, String description, BigDecimal value, Integer quantity,
                     BigDecimal floorArea, String exemptReason, LocalDate periodFrom, LocalDate periodTo) {
        this(personId, type, description, value, quantity, floorArea, exemptReason, periodFrom, periodTo, null);
    }
}
