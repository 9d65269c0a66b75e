package cn.dibao.household;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.LocalDate;

public record ExpenseData(
        Long personId,
        @NotNull(message = "{expense.type.required}") ExpenseType type,
        @Size(max = 100, message = "{common.tooLong100}") String description,
        @NotNull(message = "{money.required}") @DecimalMin(value = "0.00", message = "{money.negative}")
        @Digits(integer = 10, fraction = 2, message = "{money.format}") BigDecimal amount,
        @NotNull(message = "{expense.date.required}") @PastOrPresent(message = "{expense.date.future}") LocalDate incurredOn) {
}
