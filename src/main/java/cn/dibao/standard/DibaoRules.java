package cn.dibao.standard;

import cn.dibao.engine.RoundingRule;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.math.BigDecimal;

/**
 * 低保: the standard (元/人/月), how a benefit is rounded, the minimum paid, the months of income
 * averaged, the employment-cost allowance (% of the standard) and which spending is deducted.
 */
@Embeddable
public record DibaoRules(
        @Column(nullable = false, precision = 10, scale = 2)
        @NotNull(message = "{money.required}") @DecimalMin(value = "0.00", inclusive = false, message = "{standard.dibaoStandard.positive}")
        @Digits(integer = 8, fraction = 2, message = "{money.format}") BigDecimal dibaoStandard,
        @Enumerated(EnumType.STRING) @Column(nullable = false, length = 12)
        @NotNull(message = "{standard.choice.required}") RoundingRule roundingRule,
        @Column(nullable = false, precision = 10, scale = 2) @Yuan BigDecimal minBenefit,
        @JdbcTypeCode(SqlTypes.SMALLINT) @Column(nullable = false)
        @WholeNumber(min = 1, max = 24) Integer incomeReferenceMonths,
        @Column(nullable = false, precision = 5, scale = 2) @Percent BigDecimal employmentCostPct,
        @Column(nullable = false) boolean deductMedical,
        @Column(nullable = false) boolean deductEducation,
        @Column(nullable = false) boolean deductRehabilitation,
        @Column(nullable = false) boolean deductRent) {

    /** The national defaults (V3); the standard itself is local and left empty. */
    static DibaoRules defaults() {
        return new DibaoRules(null, RoundingRule.UP_YUAN, BigDecimal.ZERO, 6, BigDecimal.ZERO,
                true, true, true, false);
    }
}
