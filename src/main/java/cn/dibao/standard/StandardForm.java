package cn.dibao.standard;

import cn.dibao.engine.DayUnit;
import cn.dibao.engine.RoundingRule;
import cn.dibao.engine.SingleBasis;
import cn.dibao.engine.TopUpMode;
import cn.dibao.engine.TopUpStacking;
import cn.dibao.household.HukouType;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.YearMonth;

/**
 * A version of a local standard as an administrator enters it. Single-field ranges are checked
 * here (they mirror the checks of V3); rules across fields (特困 ≥ 1.3 × 低保, extended ≥ total
 * time limit, a percentage top-up ≤ 100, no two versions for the same area, hukou and month) are
 * checked by {@link StandardService}. {@code hukouType} null means urban and rural alike.
 */
public record StandardForm(
        String areaCode,
        HukouType hukouType,
        @NotNull(message = "{standard.effectiveFrom.required}") YearMonth effectiveFrom,
        @Size(max = 200, message = "{common.tooLong200}") String note,
        // 低保
        @NotNull(message = "{money.required}") @DecimalMin(value = "0.00", inclusive = false, message = "{standard.dibaoStandard.positive}")
        @Digits(integer = 8, fraction = 2, message = "{money.format}") BigDecimal dibaoStandard,
        @NotNull(message = "{standard.choice.required}") RoundingRule roundingRule,
        @NotNull(message = "{money.required}") @DecimalMin(value = "0.00", message = "{money.negative}")
        @Digits(integer = 8, fraction = 2, message = "{money.format}") BigDecimal minBenefit,
        @NotNull(message = "{standard.number.required}") @Min(value = 1, message = "{standard.int.min}")
        @Max(value = 24, message = "{standard.int.max}") Integer incomeReferenceMonths,
        @NotNull(message = "{standard.number.required}") @DecimalMin(value = "0", message = "{standard.percent.range}")
        @DecimalMax(value = "100", message = "{standard.percent.range}")
        @Digits(integer = 3, fraction = 2, message = "{standard.decimal.format}") BigDecimal employmentCostPct,
        boolean deductMedical,
        boolean deductEducation,
        boolean deductRehabilitation,
        boolean deductRent,
        // 分类施保
        @NotNull(message = "{standard.choice.required}") TopUpMode topupElderlyMode,
        @NotNull(message = "{money.required}") @DecimalMin(value = "0.00", message = "{standard.number.negative}")
        @Digits(integer = 8, fraction = 2, message = "{standard.decimal.format}") BigDecimal topupElderlyValue,
        @NotNull(message = "{standard.choice.required}") TopUpMode topupMinorMode,
        @NotNull(message = "{money.required}") @DecimalMin(value = "0.00", message = "{standard.number.negative}")
        @Digits(integer = 8, fraction = 2, message = "{standard.decimal.format}") BigDecimal topupMinorValue,
        @NotNull(message = "{standard.choice.required}") TopUpMode topupDisabilityMode,
        @NotNull(message = "{money.required}") @DecimalMin(value = "0.00", message = "{standard.number.negative}")
        @Digits(integer = 8, fraction = 2, message = "{standard.decimal.format}") BigDecimal topupDisabilityValue,
        @NotNull(message = "{standard.choice.required}") TopUpMode topupIllnessMode,
        @NotNull(message = "{money.required}") @DecimalMin(value = "0.00", message = "{standard.number.negative}")
        @Digits(integer = 8, fraction = 2, message = "{standard.decimal.format}") BigDecimal topupIllnessValue,
        @NotNull(message = "{standard.choice.required}") TopUpStacking topupStacking,
        // 家庭财产限制
        @NotNull(message = "{standard.number.required}") @DecimalMin(value = "0", message = "{standard.multiple.negative}")
        @Digits(integer = 3, fraction = 2, message = "{standard.decimal.format}") BigDecimal moneyAssetsMultiple,
        @NotNull(message = "{standard.number.required}") @Min(value = 0, message = "{standard.int.min}")
        @Max(value = 99, message = "{standard.int.max}") Integer maxVehicles,
        @DecimalMin(value = "0.00", message = "{money.negative}")
        @Digits(integer = 10, fraction = 2, message = "{money.format}") BigDecimal maxVehicleValue,
        @NotNull(message = "{standard.number.required}") @Min(value = 0, message = "{standard.int.min}")
        @Max(value = 99, message = "{standard.int.max}") Integer maxHomes,
        @DecimalMin(value = "0.00", message = "{standard.number.negative}")
        @Digits(integer = 6, fraction = 2, message = "{standard.decimal.format}") BigDecimal maxFloorAreaPerPerson,
        @NotNull(message = "{money.required}") @DecimalMin(value = "0.00", message = "{money.negative}")
        @Digits(integer = 12, fraction = 2, message = "{money.format}") BigDecimal maxBusinessCapital,
        // 特困供养
        @NotNull(message = "{money.required}") @DecimalMin(value = "0.00", message = "{money.negative}")
        @Digits(integer = 8, fraction = 2, message = "{money.format}") BigDecimal tekunBasic,
        @NotNull(message = "{money.required}") @DecimalMin(value = "0.00", message = "{money.negative}")
        @Digits(integer = 8, fraction = 2, message = "{money.format}") BigDecimal tekunCareHomeSelf,
        @NotNull(message = "{money.required}") @DecimalMin(value = "0.00", message = "{money.negative}")
        @Digits(integer = 8, fraction = 2, message = "{money.format}") BigDecimal tekunCareHomePartial,
        @NotNull(message = "{money.required}") @DecimalMin(value = "0.00", message = "{money.negative}")
        @Digits(integer = 8, fraction = 2, message = "{money.format}") BigDecimal tekunCareHomeFull,
        @NotNull(message = "{money.required}") @DecimalMin(value = "0.00", message = "{money.negative}")
        @Digits(integer = 8, fraction = 2, message = "{money.format}") BigDecimal tekunCareInstSelf,
        @NotNull(message = "{money.required}") @DecimalMin(value = "0.00", message = "{money.negative}")
        @Digits(integer = 8, fraction = 2, message = "{money.format}") BigDecimal tekunCareInstPartial,
        @NotNull(message = "{money.required}") @DecimalMin(value = "0.00", message = "{money.negative}")
        @Digits(integer = 8, fraction = 2, message = "{money.format}") BigDecimal tekunCareInstFull,
        @NotNull(message = "{standard.number.required}") @Min(value = 16, message = "{standard.int.min}")
        @Max(value = 18, message = "{standard.int.max}") Integer tekunMinorAge,
        // 低保边缘与单人保
        @NotNull(message = "{standard.number.required}") @DecimalMin(value = "1", message = "{standard.edgeMultiplier.min}")
        @Digits(integer = 2, fraction = 2, message = "{standard.decimal.format}") BigDecimal edgeMultiplier,
        @NotNull(message = "{standard.choice.required}") SingleBasis singleBasis,
        @NotNull(message = "{standard.number.required}") @DecimalMin(value = "0", message = "{standard.percent.range}")
        @DecimalMax(value = "100", message = "{standard.percent.range}")
        @Digits(integer = 3, fraction = 2, message = "{standard.decimal.format}") BigDecimal singleSharePct,
        boolean singleRequiresEdge,
        // 刚性支出
        @NotNull(message = "{standard.number.required}") @DecimalMin(value = "0", message = "{standard.rigidRatio.range}")
        @DecimalMax(value = "1000", message = "{standard.rigidRatio.range}")
        @Digits(integer = 4, fraction = 2, message = "{standard.decimal.format}") BigDecimal rigidRatioPct,
        @NotNull(message = "{money.required}") @DecimalMin(value = "0.00", message = "{money.negative}")
        @Digits(integer = 10, fraction = 2, message = "{money.format}") BigDecimal disposableIncomeLastYear,
        // 临时救助
        @NotNull(message = "{standard.number.required}") @DecimalMin(value = "0", message = "{standard.multiple.negative}")
        @Digits(integer = 3, fraction = 2, message = "{standard.decimal.format}") BigDecimal tempReliefCapMultiple,
        @NotNull(message = "{standard.number.required}") @DecimalMin(value = "0", message = "{standard.multiple.negative}")
        @Digits(integer = 3, fraction = 2, message = "{standard.decimal.format}") BigDecimal tempReliefTownshipMultiple,
        // 动态管理
        @NotNull(message = "{standard.number.required}") @Min(value = 0, message = "{standard.int.min}")
        @Max(value = 36, message = "{standard.int.max}") Integer graceMonths,
        @NotNull(message = "{standard.number.required}") @Min(value = 1, message = "{standard.int.min}")
        @Max(value = 36, message = "{standard.int.max}") Integer dibaoReviewMonths,
        @NotNull(message = "{standard.number.required}") @Min(value = 1, message = "{standard.int.min}")
        @Max(value = 36, message = "{standard.int.max}") Integer tekunReviewMonths,
        @NotNull(message = "{standard.number.required}") @Min(value = 1, message = "{standard.int.min}")
        @Max(value = 36, message = "{standard.int.max}") Integer edgeReviewMonths,
        // 办理时限与公示
        @NotNull(message = "{standard.number.required}") @Min(value = 1, message = "{standard.int.min}")
        @Max(value = 30, message = "{standard.int.max}") Integer publicityDays,
        @NotNull(message = "{standard.choice.required}") DayUnit publicityUnit,
        boolean publicityCounted,
        @NotNull(message = "{standard.number.required}") @Min(value = 1, message = "{standard.int.min}")
        @Max(value = 60, message = "{standard.int.max}") Integer investigationStartWd,
        @NotNull(message = "{standard.number.required}") @Min(value = 1, message = "{standard.int.min}")
        @Max(value = 60, message = "{standard.int.max}") Integer reReviewWd,
        @NotNull(message = "{standard.number.required}") @Min(value = 1, message = "{standard.int.min}")
        @Max(value = 60, message = "{standard.int.max}") Integer countyDecisionWd,
        @NotNull(message = "{standard.number.required}") @Min(value = 1, message = "{standard.int.min}")
        @Max(value = 60, message = "{standard.int.max}") Integer refusalNoticeWd,
        @NotNull(message = "{standard.number.required}") @Min(value = 1, message = "{standard.int.min}")
        @Max(value = 120, message = "{standard.int.max}") Integer totalWd,
        @NotNull(message = "{standard.number.required}") @Min(value = 1, message = "{standard.int.min}")
        @Max(value = 120, message = "{standard.int.max}") Integer totalExtendedWd,
        @NotNull(message = "{standard.number.required}") @DecimalMin(value = "0", message = "{standard.percent.range}")
        @DecimalMax(value = "100", message = "{standard.percent.range}")
        @Digits(integer = 3, fraction = 2, message = "{standard.decimal.format}") BigDecimal countySamplingPct,
        boolean decisionDelegated,
        @NotNull(message = "{standard.number.required}") @Min(value = 1, message = "{standard.int.min}")
        @Max(value = 60, message = "{standard.int.max}") Integer urgentPaperworkWd) {

    /**
     * National defaults (the column defaults of V3) for an area without any version yet; the
     * 低保 and 特困 amounts are local and left empty.
     */
    public static StandardForm defaults(String areaCode, YearMonth effectiveFrom) {
        BigDecimal zero = BigDecimal.ZERO;
        return new StandardForm(areaCode, null, effectiveFrom, null,
                null, RoundingRule.UP_YUAN, zero, 6, zero, true, true, true, false,
                TopUpMode.FIXED, zero, TopUpMode.FIXED, zero, TopUpMode.FIXED, zero, TopUpMode.FIXED, zero,
                TopUpStacking.ONCE,
                new BigDecimal("3"), 0, null, 1, null, new BigDecimal("100000"),
                null, zero, zero, zero, zero, zero, zero, 18,
                new BigDecimal("1.5"), SingleBasis.SHARE, new BigDecimal("50"), true,
                new BigDecimal("80"), zero,
                new BigDecimal("6"), new BigDecimal("3"),
                6, 12, 12, 12,
                7, DayUnit.CALENDAR, false, 3, 15, 10, 3, 30, 45, new BigDecimal("30"), false, 5);
    }

    /** Every value of an existing version, e.g. to edit it or to start the next one from it. */
    public static StandardForm from(StandardVersion v) {
        return new StandardForm(v.areaCode(), v.hukouType(), v.effectiveFrom(), v.note(),
                v.dibaoStandard(), v.roundingRule(), v.minBenefit(), v.incomeReferenceMonths(), v.employmentCostPct(),
                v.deductMedical(), v.deductEducation(), v.deductRehabilitation(), v.deductRent(),
                v.topupElderlyMode(), v.topupElderlyValue(), v.topupMinorMode(), v.topupMinorValue(),
                v.topupDisabilityMode(), v.topupDisabilityValue(), v.topupIllnessMode(), v.topupIllnessValue(),
                v.topupStacking(),
                v.moneyAssetsMultiple(), v.maxVehicles(), v.maxVehicleValue(), v.maxHomes(),
                v.maxFloorAreaPerPerson(), v.maxBusinessCapital(),
                v.tekunBasic(), v.tekunCareHomeSelf(), v.tekunCareHomePartial(), v.tekunCareHomeFull(),
                v.tekunCareInstSelf(), v.tekunCareInstPartial(), v.tekunCareInstFull(), v.tekunMinorAge(),
                v.edgeMultiplier(), v.singleBasis(), v.singleSharePct(), v.singleRequiresEdge(),
                v.rigidRatioPct(), v.disposableIncomeLastYear(),
                v.tempReliefCapMultiple(), v.tempReliefTownshipMultiple(),
                v.graceMonths(), v.dibaoReviewMonths(), v.tekunReviewMonths(), v.edgeReviewMonths(),
                v.publicityDays(), v.publicityUnit(), v.publicityCounted(), v.investigationStartWd(), v.reReviewWd(),
                v.countyDecisionWd(), v.refusalNoticeWd(), v.totalWd(), v.totalExtendedWd(), v.countySamplingPct(),
                v.decisionDelegated(), v.urgentPaperworkWd());
    }

    /** The same parameters for another area and month (a new version started from this one), without the note. */
    public StandardForm forNewVersion(String newAreaCode, YearMonth month) {
        return copy(newAreaCode, month, null);
    }

    /** The same values for the given area (the page's URL decides the area, not a form field). */
    public StandardForm withAreaCode(String code) {
        return copy(code, effectiveFrom, note);
    }

    private StandardForm copy(String code, YearMonth month, String newNote) {
        return new StandardForm(code, hukouType, month, newNote,
                dibaoStandard, roundingRule, minBenefit, incomeReferenceMonths, employmentCostPct,
                deductMedical, deductEducation, deductRehabilitation, deductRent,
                topupElderlyMode, topupElderlyValue, topupMinorMode, topupMinorValue,
                topupDisabilityMode, topupDisabilityValue, topupIllnessMode, topupIllnessValue, topupStacking,
                moneyAssetsMultiple, maxVehicles, maxVehicleValue, maxHomes, maxFloorAreaPerPerson, maxBusinessCapital,
                tekunBasic, tekunCareHomeSelf, tekunCareHomePartial, tekunCareHomeFull,
                tekunCareInstSelf, tekunCareInstPartial, tekunCareInstFull, tekunMinorAge,
                edgeMultiplier, singleBasis, singleSharePct, singleRequiresEdge,
                rigidRatioPct, disposableIncomeLastYear, tempReliefCapMultiple, tempReliefTownshipMultiple,
                graceMonths, dibaoReviewMonths, tekunReviewMonths, edgeReviewMonths,
                publicityDays, publicityUnit, publicityCounted, investigationStartWd, reReviewWd,
                countyDecisionWd, refusalNoticeWd, totalWd, totalExtendedWd, countySamplingPct, decisionDelegated,
                urgentPaperworkWd);
    }
}
