package cn.dibao.standard;

import cn.dibao.engine.SingleBasis;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;

import java.math.BigDecimal;

/**
 * 低保边缘与单人保: the 边缘 income line as a multiple of the 低保 standard, and how a single member
 * of a 边缘 household is covered (basis, share, whether the household must be 边缘).
 */
@Embeddable
public record EdgeAndSingle(
        @Column(nullable = false, precision = 4, scale = 2)
        @NotNull(message = "{standard.number.required}") @DecimalMin(value = "1", message = "{standard.edgeMultiplier.min}")
        @Digits(integer = 2, fraction = 2, message = "{standard.decimal.format}") BigDecimal edgeMultiplier,
        @Enumerated(EnumType.STRING) @Column(nullable = false, length = 6)
        @NotNull(message = "{standard.choice.required}") SingleBasis singleBasis,
        @Column(nullable = false, precision = 5, scale = 2) @Percent BigDecimal singleSharePct,
        @Column(nullable = false) boolean singleRequiresEdge) {

    /** The national defaults (V3). */
    static EdgeAndSingle defaults() {
        return new EdgeAndSingle(new BigDecimal("1.5"), SingleBasis.SHARE, new BigDecimal("50"), true);
    }
}
