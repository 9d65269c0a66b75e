package cn.dibao.standard;

import cn.dibao.common.jpa.AuditedEntity;
import cn.dibao.engine.DayUnit;
import cn.dibao.engine.RoundingRule;
import cn.dibao.engine.SingleBasis;
import cn.dibao.engine.TopUpMode;
import cn.dibao.engine.TopUpStacking;
import cn.dibao.household.HukouType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;

/** One row of {@code subsidy_standard}: a version of an area's local standard (V3). */
@Entity
@Table(name = "subsidy_standard")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
class SubsidyStandard extends AuditedEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 12, updatable = false)
    private String areaCode;
    @Enumerated(EnumType.STRING)
    @Column(length = 5)
    private HukouType hukouType;
    /** Always the first day of a month. */
    @Column(nullable = false)
    private LocalDate effectiveFrom;
    @Column(length = 200)
    private String note;

    // 低保
    @Column(nullable = false, precision = 10, scale = 2)
    private BigDecimal dibaoStandard;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 12)
    private RoundingRule roundingRule;
    @Column(nullable = false, precision = 10, scale = 2)
    private BigDecimal minBenefit;
    @Column(nullable = false)
    private short incomeReferenceMonths;
    @Column(nullable = false, precision = 5, scale = 2)
    private BigDecimal employmentCostPct;
    @Column(nullable = false)
    private boolean deductMedical;
    @Column(nullable = false)
    private boolean deductEducation;
    @Column(nullable = false)
    private boolean deductRehabilitation;
    @Column(nullable = false)
    private boolean deductRent;

    // 分类施保
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 7)
    private TopUpMode topupElderlyMode;
    @Column(nullable = false, precision = 10, scale = 2)
    private BigDecimal topupElderlyValue;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 7)
    private TopUpMode topupMinorMode;
    @Column(nullable = false, precision = 10, scale = 2)
    private BigDecimal topupMinorValue;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 7)
    private TopUpMode topupDisabilityMode;
    @Column(nullable = false, precision = 10, scale = 2)
    private BigDecimal topupDisabilityValue;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 7)
    private TopUpMode topupIllnessMode;
    @Column(nullable = false, precision = 10, scale = 2)
    private BigDecimal topupIllnessValue;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 5)
    private TopUpStacking topupStacking;

    // 家庭财产限制
    @Column(nullable = false, precision = 5, scale = 2)
    private BigDecimal moneyAssetsMultiple;
    @Column(nullable = false)
    private short maxVehicles;
    @Column(precision = 12, scale = 2)
    private BigDecimal maxVehicleValue;
    @Column(nullable = false)
    private short maxHomes;
    @Column(precision = 8, scale = 2)
    private BigDecimal maxFloorAreaPerPerson;
    @Column(nullable = false, precision = 14, scale = 2)
    private BigDecimal maxBusinessCapital;

    // 特困供养
    @Column(nullable = false, precision = 10, scale = 2)
    private BigDecimal tekunBasic;
    @Column(nullable = false, precision = 10, scale = 2)
    private BigDecimal tekunCareHomeSelf;
    @Column(nullable = false, precision = 10, scale = 2)
    private BigDecimal tekunCareHomePartial;
    @Column(nullable = false, precision = 10, scale = 2)
    private BigDecimal tekunCareHomeFull;
    @Column(nullable = false, precision = 10, scale = 2)
    private BigDecimal tekunCareInstSelf;
    @Column(nullable = false, precision = 10, scale = 2)
    private BigDecimal tekunCareInstPartial;
    @Column(nullable = false, precision = 10, scale = 2)
    private BigDecimal tekunCareInstFull;
    @Column(nullable = false)
    private short tekunMinorAge;

    // 低保边缘与单人保
    @Column(nullable = false, precision = 4, scale = 2)
    private BigDecimal edgeMultiplier;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 6)
    private SingleBasis singleBasis;
    @Column(nullable = false, precision = 5, scale = 2)
    private BigDecimal singleSharePct;
    @Column(nullable = false)
    private boolean singleRequiresEdge;

    // 刚性支出
    @Column(nullable = false, precision = 5, scale = 2)
    private BigDecimal rigidRatioPct;
    @Column(nullable = false, precision = 12, scale = 2)
    private BigDecimal disposableIncomeLastYear;

    // 临时救助
    @Column(nullable = false, precision = 5, scale = 2)
    private BigDecimal tempReliefCapMultiple;
    @Column(nullable = false, precision = 5, scale = 2)
    private BigDecimal tempReliefTownshipMultiple;

    // 动态管理
    @Column(nullable = false)
    private short graceMonths;
    @Column(nullable = false)
    private short dibaoReviewMonths;
    @Column(nullable = false)
    private short tekunReviewMonths;
    @Column(nullable = false)
    private short edgeReviewMonths;

    // 办理时限与公示
    @Column(nullable = false)
    private short publicityDays;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 8)
    private DayUnit publicityUnit;
    @Column(nullable = false)
    private boolean publicityCounted;
    @Column(nullable = false)
    private short investigationStartWd;
    @Column(nullable = false)
    private short reReviewWd;
    @Column(nullable = false)
    private short countyDecisionWd;
    @Column(nullable = false)
    private short refusalNoticeWd;
    @Column(nullable = false)
    private short totalWd;
    @Column(nullable = false)
    private short totalExtendedWd;
    private short urgentPaperworkWd;
    @Column(nullable = false, precision = 5, scale = 2)
    private BigDecimal countySamplingPct;
    @Column(nullable = false)
    private boolean decisionDelegated;

    SubsidyStandard(String areaCode, StandardForm form) {
        this.areaCode = areaCode;
        apply(form);
    }

    YearMonth month() {
        return YearMonth.from(effectiveFrom);
    }

    /** Takes every value of a validated form except the area, which a version never changes. */
    void apply(StandardForm f) {
        this.hukouType = f.hukouType();
        this.effectiveFrom = f.effectiveFrom().atDay(1);
        this.note = f.note();
        this.dibaoStandard = f.dibaoStandard();
        this.roundingRule = f.roundingRule();
        this.minBenefit = f.minBenefit();
        this.incomeReferenceMonths = f.incomeReferenceMonths().shortValue();
        this.employmentCostPct = f.employmentCostPct();
        this.deductMedical = f.deductMedical();
        this.deductEducation = f.deductEducation();
        this.deductRehabilitation = f.deductRehabilitation();
        this.deductRent = f.deductRent();
        this.topupElderlyMode = f.topupElderlyMode();
        this.topupElderlyValue = f.topupElderlyValue();
        this.topupMinorMode = f.topupMinorMode();
        this.topupMinorValue = f.topupMinorValue();
        this.topupDisabilityMode = f.topupDisabilityMode();
        this.topupDisabilityValue = f.topupDisabilityValue();
        this.topupIllnessMode = f.topupIllnessMode();
        this.topupIllnessValue = f.topupIllnessValue();
        this.topupStacking = f.topupStacking();
        this.moneyAssetsMultiple = f.moneyAssetsMultiple();
        this.maxVehicles = f.maxVehicles().shortValue();
        this.maxVehicleValue = f.maxVehicleValue();
        this.maxHomes = f.maxHomes().shortValue();
        this.maxFloorAreaPerPerson = f.maxFloorAreaPerPerson();
        this.maxBusinessCapital = f.maxBusinessCapital();
        this.tekunBasic = f.tekunBasic();
        this.tekunCareHomeSelf = f.tekunCareHomeSelf();
        this.tekunCareHomePartial = f.tekunCareHomePartial();
        this.tekunCareHomeFull = f.tekunCareHomeFull();
        this.tekunCareInstSelf = f.tekunCareInstSelf();
        this.tekunCareInstPartial = f.tekunCareInstPartial();
        this.tekunCareInstFull = f.tekunCareInstFull();
        this.tekunMinorAge = f.tekunMinorAge().shortValue();
        this.edgeMultiplier = f.edgeMultiplier();
        this.singleBasis = f.singleBasis();
        this.singleSharePct = f.singleSharePct();
        this.singleRequiresEdge = f.singleRequiresEdge();
        this.rigidRatioPct = f.rigidRatioPct();
        this.disposableIncomeLastYear = f.disposableIncomeLastYear();
        this.tempReliefCapMultiple = f.tempReliefCapMultiple();
        this.tempReliefTownshipMultiple = f.tempReliefTownshipMultiple();
        this.graceMonths = f.graceMonths().shortValue();
        this.dibaoReviewMonths = f.dibaoReviewMonths().shortValue();
        this.tekunReviewMonths = f.tekunReviewMonths().shortValue();
        this.edgeReviewMonths = f.edgeReviewMonths().shortValue();
        this.publicityDays = f.publicityDays().shortValue();
        this.publicityUnit = f.publicityUnit();
        this.publicityCounted = f.publicityCounted();
        this.investigationStartWd = f.investigationStartWd().shortValue();
        this.reReviewWd = f.reReviewWd().shortValue();
        this.countyDecisionWd = f.countyDecisionWd().shortValue();
        this.refusalNoticeWd = f.refusalNoticeWd().shortValue();
        this.totalWd = f.totalWd().shortValue();
        this.totalExtendedWd = f.totalExtendedWd().shortValue();
        this.countySamplingPct = f.countySamplingPct();
        this.decisionDelegated = f.decisionDelegated();
        this.urgentPaperworkWd = f.urgentPaperworkWd().shortValue();
    }

    StandardVersion view() {
        return new StandardVersion(id, areaCode, hukouType, month(), note,
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
                urgentPaperworkWd, getVersion());
    }
}
