package cn.dibao.standard;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;

import java.math.BigDecimal;

/** 刚性支出: the share of last year's per-capita disposable income that unavoidable spending must exceed. */
@Embeddable
public record RigidExpenditure(
        @Column(nullable = false, precision = 5, scale = 2)
        @NotNull(message = "{standard.number.required}") @DecimalMin(value = "0", message = "{standard.rigidRatio.range}")
        @DecimalMax(value = "1000", message = "{standard.rigidRatio.range}")
        @Digits(integer = 4, fraction = 2, message = "{standard.decimal.format}") BigDecimal rigidRatioPct,
        @Column(nullable = false, precision = 12, scale = 2)
        @NotNull(message = "{money.required}") @DecimalMin(value = "0.00", message = "{money.negative}")
        @Digits(integer = 10, fraction = 2, message = "{money.format}") BigDecimal disposableIncomeLastYear) {

    /** The national defaults (V3); the income figure is local. */
    static RigidExpenditure defaults() {
        return new RigidExpenditure(new BigDecimal("80"), BigDecimal.ZERO);
    }
}
