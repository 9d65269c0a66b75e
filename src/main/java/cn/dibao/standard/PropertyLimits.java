package cn.dibao.standard;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.math.BigDecimal;

/**
 * 家庭财产限制: money assets as a multiple of the yearly 低保 standard per person, vehicles, homes,
 * floor area per person (empty: no limit) and registered business capital; then (ADR 0019, each empty: no
 * such rule) a limit on other assets, the years within which a home bought fails the test, and how many
 * non-residential properties are allowed (0: none). The 低保 limits of a version, and those of a programme
 * with limits of its own ({@link ProgrammeProperty}).
 */
@Embeddable
public record PropertyLimits(
        @Column(nullable = false, precision = 5, scale = 2)
        @NotNull(message = "{standard.number.required}") @DecimalMin(value = "0", message = "{standard.multiple.negative}")
        @Digits(integer = 3, fraction = 2, message = "{standard.decimal.format}") BigDecimal moneyAssetsMultiple,
        @JdbcTypeCode(SqlTypes.SMALLINT) @Column(nullable = false)
        @WholeNumber(min = 0, max = 99) Integer maxVehicles,
        @Column(precision = 12, scale = 2)
        @DecimalMin(value = "0.00", message = "{money.negative}")
        @Digits(integer = 10, fraction = 2, message = "{money.format}") BigDecimal maxVehicleValue,
        @JdbcTypeCode(SqlTypes.SMALLINT) @Column(nullable = false) @WholeNumber(min = 0, max = 99) Integer maxHomes,
        @Column(precision = 8, scale = 2)
        @DecimalMin(value = "0.00", message = "{standard.number.negative}")
        @Digits(integer = 6, fraction = 2, message = "{standard.decimal.format}") BigDecimal maxFloorAreaPerPerson,
        @Column(nullable = false, precision = 14, scale = 2)
        @NotNull(message = "{money.required}") @DecimalMin(value = "0.00", message = "{money.negative}")
        @Digits(integer = 12, fraction = 2, message = "{money.format}") BigDecimal maxBusinessCapital,
        @Column(precision = 14, scale = 2)
        @DecimalMin(value = "0.00", message = "{money.negative}")
        @Digits(integer = 12, fraction = 2, message = "{money.format}") BigDecimal maxOtherAssets,
        @JdbcTypeCode(SqlTypes.SMALLINT)
        @Min(value = 1, message = "{standard.int.min}") @Max(value = 30, message = "{standard.int.max}") Integer recentHomeYears,
        @JdbcTypeCode(SqlTypes.SMALLINT)
        @Min(value = 0, message = "{standard.int.min}") @Max(value = 99, message = "{standard.int.max}") Integer maxNonResidential) {

    /** The national defaults (V3; no rule on other assets, recent purchases or non-residential property). */
    static PropertyLimits defaults() {
        return new PropertyLimits(new BigDecimal("3"), 0, null, 1, null, new BigDecimal("100000"), null, null, null);
    }
}
