package cn.dibao.standard;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.math.BigDecimal;

/**
 * 临时救助: the cap of one grant and what a township may grant or decide alone (先行救助, and the decision where
 * it is delegated; above it the county decides), each as a multiple of the monthly 低保 standard per counted
 * member; and how many grants a household may get in a calendar year (ADR 0024).
 */
@Embeddable
public record TempRelief(
        @Column(nullable = false, precision = 5, scale = 2)
        @NotNull(message = "{standard.number.required}") @DecimalMin(value = "0", message = "{standard.multiple.negative}")
        @Digits(integer = 3, fraction = 2, message = "{standard.decimal.format}") BigDecimal tempReliefCapMultiple,
        @Column(nullable = false, precision = 5, scale = 2)
        @NotNull(message = "{standard.number.required}") @DecimalMin(value = "0", message = "{standard.multiple.negative}")
        @Digits(integer = 3, fraction = 2, message = "{standard.decimal.format}") BigDecimal tempReliefTownshipMultiple,
        @JdbcTypeCode(SqlTypes.SMALLINT) @Column(nullable = false)
        @WholeNumber(min = 1, max = 12) Integer tempReliefTimesPerYear) {

    /** The national defaults (V3; once a calendar year, domain-rules §5.4). */
    static TempRelief defaults() {
        return new TempRelief(new BigDecimal("6"), new BigDecimal("3"), 1);
    }
}
