package cn.dibao.standard;

import cn.dibao.engine.DayUnit;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.math.BigDecimal;

/**
 * 办理时限与公示: the 公示 (length, unit, whether it counts towards the time limit), the step and
 * total time limits in working days (extended ≥ total, checked by {@link StandardService}), the
 * county's sampling share, whether the decision is delegated to the township, and the working
 * days to complete the paperwork of a 先行救助.
 */
@Embeddable
public record Procedure(
        @JdbcTypeCode(SqlTypes.SMALLINT) @Column(nullable = false)
        @NotNull(message = "{standard.number.required}") @Min(value = 1, message = "{standard.int.min}")
        @Max(value = 30, message = "{standard.int.max}") Integer publicityDays,
        @Enumerated(EnumType.STRING) @Column(nullable = false, length = 8)
        @NotNull(message = "{standard.choice.required}") DayUnit publicityUnit,
        @Column(nullable = false) boolean publicityCounted,
        @JdbcTypeCode(SqlTypes.SMALLINT) @Column(nullable = false)
        @NotNull(message = "{standard.number.required}") @Min(value = 1, message = "{standard.int.min}")
        @Max(value = 60, message = "{standard.int.max}") Integer investigationStartWd,
        @JdbcTypeCode(SqlTypes.SMALLINT) @Column(nullable = false)
        @NotNull(message = "{standard.number.required}") @Min(value = 1, message = "{standard.int.min}")
        @Max(value = 60, message = "{standard.int.max}") Integer reReviewWd,
        @JdbcTypeCode(SqlTypes.SMALLINT) @Column(nullable = false)
        @NotNull(message = "{standard.number.required}") @Min(value = 1, message = "{standard.int.min}")
        @Max(value = 60, message = "{standard.int.max}") Integer countyDecisionWd,
        @JdbcTypeCode(SqlTypes.SMALLINT) @Column(nullable = false)
        @NotNull(message = "{standard.number.required}") @Min(value = 1, message = "{standard.int.min}")
        @Max(value = 60, message = "{standard.int.max}") Integer refusalNoticeWd,
        @JdbcTypeCode(SqlTypes.SMALLINT) @Column(nullable = false)
        @NotNull(message = "{standard.number.required}") @Min(value = 1, message = "{standard.int.min}")
        @Max(value = 120, message = "{standard.int.max}") Integer totalWd,
        @JdbcTypeCode(SqlTypes.SMALLINT) @Column(nullable = false)
        @NotNull(message = "{standard.number.required}") @Min(value = 1, message = "{standard.int.min}")
        @Max(value = 120, message = "{standard.int.max}") Integer totalExtendedWd,
        @Column(nullable = false, precision = 5, scale = 2)
        @NotNull(message = "{standard.number.required}") @DecimalMin(value = "0", message = "{standard.percent.range}")
        @DecimalMax(value = "100", message = "{standard.percent.range}")
        @Digits(integer = 3, fraction = 2, message = "{standard.decimal.format}") BigDecimal countySamplingPct,
        @Column(nullable = false) boolean decisionDelegated,
        @JdbcTypeCode(SqlTypes.SMALLINT)
        @NotNull(message = "{standard.number.required}") @Min(value = 1, message = "{standard.int.min}")
        @Max(value = 60, message = "{standard.int.max}") Integer urgentPaperworkWd) {

    /** The national defaults (V3). */
    static Procedure defaults() {
        return new Procedure(7, DayUnit.CALENDAR, false, 3, 15, 10, 3, 30, 45, new BigDecimal("30"), false, 5);
    }
}
