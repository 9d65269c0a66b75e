package cn.dibao.standard;

import cn.dibao.engine.DayUnit;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
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
        @WholeNumber(min = 1, max = 30) Integer publicityDays,
        @Enumerated(EnumType.STRING) @Column(nullable = false, length = 8)
        @NotNull(message = "{standard.choice.required}") DayUnit publicityUnit,
        @Column(nullable = false) boolean publicityCounted,
        @JdbcTypeCode(SqlTypes.SMALLINT) @Column(nullable = false)
        @WholeNumber(min = 1, max = 60) Integer investigationStartWd,
        @JdbcTypeCode(SqlTypes.SMALLINT) @Column(nullable = false)
        @WholeNumber(min = 1, max = 60) Integer reReviewWd,
        @JdbcTypeCode(SqlTypes.SMALLINT) @Column(nullable = false)
        @WholeNumber(min = 1, max = 60) Integer countyDecisionWd,
        @JdbcTypeCode(SqlTypes.SMALLINT) @Column(nullable = false)
        @WholeNumber(min = 1, max = 60) Integer refusalNoticeWd,
        @JdbcTypeCode(SqlTypes.SMALLINT) @Column(nullable = false) @WholeNumber(min = 1, max = 120) Integer totalWd,
        @JdbcTypeCode(SqlTypes.SMALLINT) @Column(nullable = false)
        @WholeNumber(min = 1, max = 120) Integer totalExtendedWd,
        @Column(nullable = false, precision = 5, scale = 2) @Percent BigDecimal countySamplingPct,
        @Column(nullable = false) boolean decisionDelegated,
        @JdbcTypeCode(SqlTypes.SMALLINT) @WholeNumber(min = 1, max = 60) Integer urgentPaperworkWd) {

    /** The national defaults (V3). */
    static Procedure defaults() {
        return new Procedure(7, DayUnit.CALENDAR, false, 3, 15, 10, 3, 30, 45, new BigDecimal("30"), false, 5);
    }
}
