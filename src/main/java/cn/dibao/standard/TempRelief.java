package cn.dibao.standard;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;

import java.math.BigDecimal;

/**
 * 临时救助: the cap of one grant and what a township may grant at once (先行救助), each as a multiple
 * of the monthly 低保 standard per counted member.
 */
@Embeddable
public record TempRelief(
        @Column(nullable = false, precision = 5, scale = 2)
        @NotNull(message = "{standard.number.required}") @DecimalMin(value = "0", message = "{standard.multiple.negative}")
        @Digits(integer = 3, fraction = 2, message = "{standard.decimal.format}") BigDecimal tempReliefCapMultiple,
        @Column(nullable = false, precision = 5, scale = 2)
        @NotNull(message = "{standard.number.required}") @DecimalMin(value = "0", message = "{standard.multiple.negative}")
        @Digits(integer = 3, fraction = 2, message = "{standard.decimal.format}") BigDecimal tempReliefTownshipMultiple) {

    /** The national defaults (V3). */
    static TempRelief defaults() {
        return new TempRelief(new BigDecimal("6"), new BigDecimal("3"));
    }
}
