package cn.dibao.household;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.LocalDate;

public record DeductionData(
        Long personId,
        @NotNull(message = "{deduction.type.required}") DeductionType type,
        @Size(max = 100, message = "{common.tooLong100}") String description,
        @NotNull(message = "{money.required}") @DecimalMin(value = "0.00", message = "{money.negative}")
        @Digits(integer = 10, fraction = 2, message = "{money.format}") BigDecimal monthlyAmount,
        @NotNull(message = "{period.from.required}") LocalDate periodFrom,
        LocalDate periodTo) {
}
