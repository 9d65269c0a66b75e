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
 * 特困供养: the basic living standard (at least 1.3 × 低保, checked by {@link StandardService}), the
 * care standards at home and in an institution per self-care tier (元/人/月), and the age up to
 * which a minor counts as such.
 */
@Embeddable
public record TekunSupport(
        @Column(nullable = false, precision = 10, scale = 2)
        @NotNull(message = "{money.required}") @DecimalMin(value = "0.00", message = "{money.negative}")
        @Digits(integer = 8, fraction = 2, message = "{money.format}") BigDecimal tekunBasic,
        @Column(nullable = false, precision = 10, scale = 2)
        @NotNull(message = "{money.required}") @DecimalMin(value = "0.00", message = "{money.negative}")
        @Digits(integer = 8, fraction = 2, message = "{money.format}") BigDecimal tekunCareHomeSelf,
        @Column(nullable = false, precision = 10, scale = 2)
        @NotNull(message = "{money.required}") @DecimalMin(value = "0.00", message = "{money.negative}")
        @Digits(integer = 8, fraction = 2, message = "{money.format}") BigDecimal tekunCareHomePartial,
        @Column(nullable = false, precision = 10, scale = 2)
        @NotNull(message = "{money.required}") @DecimalMin(value = "0.00", message = "{money.negative}")
        @Digits(integer = 8, fraction = 2, message = "{money.format}") BigDecimal tekunCareHomeFull,
        @Column(nullable = false, precision = 10, scale = 2)
        @NotNull(message = "{money.required}") @DecimalMin(value = "0.00", message = "{money.negative}")
        @Digits(integer = 8, fraction = 2, message = "{money.format}") BigDecimal tekunCareInstSelf,
        @Column(nullable = false, precision = 10, scale = 2)
        @NotNull(message = "{money.required}") @DecimalMin(value = "0.00", message = "{money.negative}")
        @Digits(integer = 8, fraction = 2, message = "{money.format}") BigDecimal tekunCareInstPartial,
        @Column(nullable = false, precision = 10, scale = 2)
        @NotNull(message = "{money.required}") @DecimalMin(value = "0.00", message = "{money.negative}")
        @Digits(integer = 8, fraction = 2, message = "{money.format}") BigDecimal tekunCareInstFull,
        @JdbcTypeCode(SqlTypes.SMALLINT) @Column(nullable = false)
        @NotNull(message = "{standard.number.required}") @Min(value = 16, message = "{standard.int.min}")
        @Max(value = 18, message = "{standard.int.max}") Integer tekunMinorAge) {

    /** The national defaults (V3); the basic living standard is local and left empty. */
    static TekunSupport defaults() {
        BigDecimal zero = BigDecimal.ZERO;
        return new TekunSupport(null, zero, zero, zero, zero, zero, zero, 18);
    }
}
