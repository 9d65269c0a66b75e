package cn.dibao.standard;

import cn.dibao.engine.DayUnit;
import cn.dibao.engine.Programme;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.math.BigDecimal;

/**
 * 办理时限与公示 of one programme in a standard version (ADR 0024), one row of {@code standard_procedure}:
 * whether a 公示 is held, its length and unit and whether it counts towards the time limits; the working days
 * to start the investigation, for the township's investigation and 初审 from 受理 (null: no limit of its
 * own, only the total), for a new 初审 after an objection, for the county's decision, for the refusal
 * notice, the total (and extended) limit; and the county's sampling share. Rules across fields (extended
 * ≥ total, township ≤ total) are checked by {@link StandardService}.
 */
@Embeddable
public record ProgrammeProcedure(
        @Column(nullable = false) boolean publicityHeld,
        @JdbcTypeCode(SqlTypes.SMALLINT) @Column(nullable = false)
        @WholeNumber(min = 1, max = 30) Integer publicityDays,
        @Enumerated(EnumType.STRING) @Column(nullable = false, length = 8)
        @NotNull(message = "{standard.choice.required}") DayUnit publicityUnit,
        @Column(nullable = false) boolean publicityCounted,
        @JdbcTypeCode(SqlTypes.SMALLINT) @Column(nullable = false)
        @WholeNumber(min = 1, max = 60) Integer investigationStartWd,
        @JdbcTypeCode(SqlTypes.SMALLINT)
        @Min(value = 1, message = "{standard.int.min}") @Max(value = 60, message = "{standard.int.max}") Integer townshipWd,
        @JdbcTypeCode(SqlTypes.SMALLINT) @Column(nullable = false)
        @WholeNumber(min = 1, max = 60) Integer reReviewWd,
        @JdbcTypeCode(SqlTypes.SMALLINT) @Column(nullable = false)
        @WholeNumber(min = 1, max = 60) Integer countyDecisionWd,
        @JdbcTypeCode(SqlTypes.SMALLINT) @Column(nullable = false)
        @WholeNumber(min = 1, max = 60) Integer refusalNoticeWd,
        @JdbcTypeCode(SqlTypes.SMALLINT) @Column(nullable = false)
        @WholeNumber(min = 1, max = 120) Integer totalWd,
        @JdbcTypeCode(SqlTypes.SMALLINT) @Column(nullable = false)
        @WholeNumber(min = 1, max = 120) Integer totalExtendedWd,
        @Column(nullable = false, precision = 5, scale = 2) @Percent BigDecimal countySamplingPct) {

    /**
     * The national defaults of a programme (domain-rules §3.0, §6.2, §7.3; the same values as the database's
     * {@code standard_procedure_defaults()} of V20): 低保 and the programmes that follow its procedure (边缘,
     * 刚性支出) as D2; 特困 15 working days for the township and 15 for the county (D3); 临时救助 a 5-working-day
     * 公示 inside 15 working days in all.
     */
    static ProgrammeProcedure defaults(Programme programme) {
        return switch (programme) {
            case TEKUN -> new ProgrammeProcedure(true, 7, DayUnit.CALENDAR, false, 3, 15, 15, 15, 3, 30, 45,
                    new BigDecimal("30.00"));
            case TEMP_RELIEF -> new ProgrammeProcedure(true, 5, DayUnit.WORKING, true, 1, 5, 5, 5, 3, 15, 15,
                    new BigDecimal("30.00"));
            case DIBAO, DIBAO_SINGLE, DIBAO_EDGE, RIGID_EXPENDITURE -> new ProgrammeProcedure(true, 7,
                    DayUnit.CALENDAR, false, 3, null, 15, 10, 3, 30, 45, new BigDecimal("30.00"));
        };
    }
}
