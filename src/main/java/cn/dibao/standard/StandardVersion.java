package cn.dibao.standard;

import cn.dibao.engine.DayUnit;
import cn.dibao.engine.RoundingRule;
import cn.dibao.engine.SingleBasis;
import cn.dibao.engine.TopUpMode;
import cn.dibao.engine.TopUpStacking;
import cn.dibao.household.HukouType;

import java.math.BigDecimal;
import java.time.YearMonth;

/**
 * One version of a local standard (地方标准): the full parameter set of an area (a county, or a
 * township overriding its county) for urban, rural or both ({@code hukouType} null) households,
 * from {@code effectiveFrom} on. One component per column of {@code subsidy_standard}, named as
 * the column in camelCase; money in yuan, percentages as 0–100, time limits in working days.
 * The eligibility engine reads exactly these names.
 */
public record StandardVersion(
        long id,
        String areaCode,
        HukouType hukouType,
        YearMonth effectiveFrom,
        String note,
        // 低保
        BigDecimal dibaoStandard,
        RoundingRule roundingRule,
        BigDecimal minBenefit,
        int incomeReferenceMonths,
        BigDecimal employmentCostPct,
        boolean deductMedical,
        boolean deductEducation,
        boolean deductRehabilitation,
        boolean deductRent,
        // 分类施保
        TopUpMode topupElderlyMode,
        BigDecimal topupElderlyValue,
        TopUpMode topupMinorMode,
        BigDecimal topupMinorValue,
        TopUpMode topupDisabilityMode,
        BigDecimal topupDisabilityValue,
        TopUpMode topupIllnessMode,
        BigDecimal topupIllnessValue,
        TopUpStacking topupStacking,
        // 家庭财产限制
        BigDecimal moneyAssetsMultiple,
        int maxVehicles,
        BigDecimal maxVehicleValue,
        int maxHomes,
        BigDecimal maxFloorAreaPerPerson,
        BigDecimal maxBusinessCapital,
        // 特困供养
        BigDecimal tekunBasic,
        BigDecimal tekunCareHomeSelf,
        BigDecimal tekunCareHomePartial,
        BigDecimal tekunCareHomeFull,
        BigDecimal tekunCareInstSelf,
        BigDecimal tekunCareInstPartial,
        BigDecimal tekunCareInstFull,
        int tekunMinorAge,
        // 低保边缘与单人保
        BigDecimal edgeMultiplier,
        SingleBasis singleBasis,
        BigDecimal singleSharePct,
        boolean singleRequiresEdge,
        // 刚性支出
        BigDecimal rigidRatioPct,
        BigDecimal disposableIncomeLastYear,
        // 临时救助
        BigDecimal tempReliefCapMultiple,
        BigDecimal tempReliefTownshipMultiple,
        // 动态管理
        int graceMonths,
        int dibaoReviewMonths,
        int tekunReviewMonths,
        int edgeReviewMonths,
        // 办理时限与公示
        int publicityDays,
        DayUnit publicityUnit,
        boolean publicityCounted,
        int investigationStartWd,
        int reReviewWd,
        int countyDecisionWd,
        int refusalNoticeWd,
        int totalWd,
        int totalExtendedWd,
        BigDecimal countySamplingPct,
        boolean decisionDelegated,
        int urgentPaperworkWd,
        long version) {
}
