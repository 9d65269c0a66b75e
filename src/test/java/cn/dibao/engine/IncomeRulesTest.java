package cn.dibao.engine;

import cn.dibao.engine.EligibilityResult.IncomeLine;
import cn.dibao.engine.EligibilityResult.LineStatus;
import cn.dibao.engine.HouseholdSnapshot.IncomeKind;
import cn.dibao.engine.HouseholdSnapshot.Labour;
import cn.dibao.engine.HouseholdSnapshot.ObligorAbility;
import cn.dibao.engine.HouseholdSnapshot.Schooling;
import cn.dibao.engine.HouseholdSnapshot.SelfCare;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;

import static cn.dibao.engine.Households.household;
import static cn.dibao.engine.Households.seedStandard;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The 收入计算期 (ADR 0020) and the income exclusions per programme with end dates (ADR 0021), against the seeds'
 * standard (低保 855, 特困 1120) and the national sets of domain-rules §4.3.
 */
class IncomeRulesTest {

    private final EligibilityEngine engine = new EligibilityEngine();

    private static Parameters period(Parameters p, int months) {
        return p.withIncome(new IncomeRules(months, p.income().exclusions()));
    }

    private static IncomeLine line(EligibilityResult r, String item) {
        return r.incomeLines().stream().filter(l -> l.item().equals(item)).findFirst().orElseThrow();
    }

    // ---- 收入计算期 -------------------------------------------------------------------------------

    @ParameterizedTest(name = "2000.00 in force {0} of {1} months → {2} a month")
    @CsvSource({
            "6, 6, 2000.000000",  // spans the period: the month's own amount
            "4, 6, 1333.333333",  // started inside it: rounded down to the micro-yuan
            "1, 12, 166.666666",
            "3, 3, 2000.000000",
            "2, 7, 571.428571"})
    void anItemCountsItsAverageOverThePeriod(int months, int k, String monthly) {
        Households h = household();
        long a = h.adult("钱勇");
        h.incomeOver(a, IncomeKind.WAGE, 200_000, months, null);
        EligibilityResult r = engine.evaluate(h.build(), period(seedStandard(), k));
        assertThat(Money.toYuan(r.grossIncome())).isEqualByComparingTo(monthly);
        assertThat(line(r, "WAGE").detail()).startsWith("近" + k + "个月中" + months + "个月，月额 2000.00 元");
    }

    @Test
    void anItemWithoutMonthsIsTheMonthsOwnAmount() {
        Households h = household();
        long a = h.adult("钱勇");
        h.income(a, 200_000);
        EligibilityResult r = engine.evaluate(h.build(), period(seedStandard(), 6));
        assertThat(Money.toYuan(r.grossIncome())).isEqualByComparingTo("2000.00");
        assertThat(line(r, "工资").detail()).isNull();
    }

    @Test
    void theAutomaticEmploymentCostComesFromTheAveragedWage() {
        Parameters p = period(seedStandard(), 6);
        p = new Parameters(p.standardId(), p.label(), p.dibaoFen(), p.rounding(), p.minBenefitFen(), 3_000,
                p.deductMedical(), p.deductEducation(), p.deductRehabilitation(), p.deductRent(), p.elderly(), p.minor(),
                p.disability(), p.illness(), p.stacking(), p.moneyAssetsMultipleHundredths(), p.maxVehicles(),
                p.maxVehicleValueFen(), p.maxHomes(), p.maxFloorAreaPerPersonHundredths(), p.maxBusinessCapitalFen(),
                p.tekunBasicFen(), p.careHomeSelfFen(), p.careHomePartialFen(), p.careHomeFullFen(),
                p.careInstSelfFen(), p.careInstPartialFen(), p.careInstFullFen(), p.tekunMinorAge(),
                p.edgeMultiplierHundredths(), p.singleBasis(), p.singleShareBp(), p.singleRequiresEdge(),
                p.rigidRatioBp(), p.disposableIncomeLastYearFen(), p.tempReliefCapHundredths(),
                p.tempReliefTownshipHundredths(), p.topUpElderlyAge(), p.topUpMinorAge(), p.tekunSchoolAge(),
                p.income(), p.propertyRules(), p.single());
        Households h = household();
        long a = h.adult("钱勇");
        // 1200 for 1 of 6 months: 200 a month, under the cap of 30 % × 855 = 256.50, so all of it is deducted
        h.incomeOver(a, IncomeKind.WAGE, 120_000, 1, null);
        EligibilityResult r = engine.evaluate(h.build(), p);
        assertThat(Money.toYuan(r.deductions())).isEqualByComparingTo("200.00");
        // in force all 6 months: 1200 a month, the cap applies
        Households full = household();
        full.incomeOver(full.adult("钱勇"), IncomeKind.WAGE, 120_000, 6, null);
        assertThat(Money.toYuan(engine.evaluate(full.build(), p).deductions())).isEqualByComparingTo("256.50");
    }

    // ---- exclusions per programme, with end dates ---------------------------------------------------

    @Test
    void anExclusionWhoseEndDateHasPassedCountsAgain() {
        Households h = household();
        long a = h.adult("孙兰");
        h.income(a, IncomeKind.WAGE, 50_000).incomeOver(a, IncomeKind.TRANSFER, 18_300, 6, "BASIC_PENSION");
        // D2 leaves the 基础养老金 out during the 十四五 period, to 2025-12-31 (domain-rules §4.3)
        EligibilityResult before = engine.evaluate(h.build(YearMonth.of(2025, 12)), seedStandard());
        assertThat(Money.toYuan(before.grossIncome())).isEqualByComparingTo("500.00");
        assertThat(line(before, "BASIC_PENSION").status()).isEqualTo(LineStatus.EXCLUDED);
        assertThat(line(before, "BASIC_PENSION").detail()).contains("低保不计入");

        EligibilityResult after = engine.evaluate(h.build(YearMonth.of(2026, 1)), seedStandard());
        assertThat(Money.toYuan(after.grossIncome())).isEqualByComparingTo("683.00");
        IncomeLine l = line(after, "BASIC_PENSION");
        assertThat(l.status()).isEqualTo(LineStatus.COUNTED);
        assertThat(l.reason()).isEqualTo("BASIC_PENSION");
        assertThat(l.detail()).contains("低保不计入至 2025-12-31 止，自 2026-01-01 起重新计入").contains("特困不计入");
        assertThat(after.programme(Programme.DIBAO).amount()).isEqualByComparingTo("172.00"); // 855 − 683
    }

    @Test
    void aLocalityCanExtendAnExclusion() {
        Map<String, IncomeRules.Exclusion> sets = new HashMap<>(IncomeRules.NATIONAL.exclusions());
        sets.put("BASIC_PENSION", new IncomeRules.Exclusion(true, LocalDate.of(2030, 12, 31), true, null));
        Parameters extended = seedStandard().withIncome(new IncomeRules(6, sets));
        Households h = household();
        long a = h.adult("孙兰");
        h.income(a, IncomeKind.WAGE, 50_000).incomeOver(a, IncomeKind.TRANSFER, 18_300, 6, "BASIC_PENSION");
        EligibilityResult r = engine.evaluate(h.build(YearMonth.of(2026, 7)), extended);
        assertThat(Money.toYuan(r.grossIncome())).isEqualByComparingTo("500.00");
    }

    /** D3 第六条 leaves the 高龄津贴 out of 特困 income; D2 does not list it, so it counts for 低保. */
    @Test
    void theElderlyAllowanceIsLeftOutForTekunButCountsForDibao() {
        Households h = household();
        long a = h.member("吴奶奶", 82, true, null, null, SelfCare.SELF_CARE, false, Labour.NONE, Schooling.NONE);
        h.incomeOver(a, IncomeKind.TRANSFER, 90_000, 6, "ELDERLY_ALLOWANCE").obligor(null, ObligorAbility.NO);
        EligibilityResult r = engine.evaluate(h.build(), seedStandard());
        // 低保: 900 ≥ 855, not eligible
        assertThat(Money.toYuan(r.grossIncome())).isEqualByComparingTo("900.00");
        assertThat(r.programme(Programme.DIBAO).eligible()).isFalse();
        // 特困: own income 0 < 855
        assertThat(r.programme(Programme.TEKUN).eligible()).isTrue();
        assertThat(r.programme(Programme.TEKUN).rules()).anyMatch(x -> x.code() == RuleCode.TEKUN_NO_MEANS
                && x.passed() && x.actual() == 0);
        assertThat(line(r, "ELDERLY_ALLOWANCE").detail()).contains("低保计入").contains("特困不计入");
    }

    @Test
    void aScholarshipIsLeftOutForDibaoButCountsForTekun() {
        Households h = household();
        long a = h.member("吴奶奶", 82, true, null, null, SelfCare.SELF_CARE, false, Labour.NONE, Schooling.NONE);
        h.incomeOver(a, IncomeKind.OTHER, 90_000, 6, "SCHOLARSHIP").obligor(null, ObligorAbility.NO);
        EligibilityResult r = engine.evaluate(h.build(), seedStandard());
        assertThat(r.grossIncome()).isZero();
        assertThat(r.programme(Programme.TEKUN).eligible()).isFalse(); // own income 900 ≥ 855
        assertThat(r.category()).isEqualTo(Programme.DIBAO);
        assertThat(line(r, "SCHOLARSHIP").status()).isEqualTo(LineStatus.EXCLUDED);
        assertThat(line(r, "SCHOLARSHIP").detail()).contains("低保不计入").contains("特困计入");
    }

    @Test
    void aCategoryTheRulesDoNotKnowIsLeftOutOfBoth() {
        Households h = household();
        long a = h.member("吴奶奶", 82, true, null, null, SelfCare.SELF_CARE, false, Labour.NONE, Schooling.NONE);
        h.excludedIncome(a, 90_000, "RETIRED_CODE").obligor(null, ObligorAbility.NO);
        EligibilityResult r = engine.evaluate(h.build(), seedStandard());
        assertThat(r.grossIncome()).isZero();
        assertThat(r.programme(Programme.TEKUN).eligible()).isTrue();
    }

    @Test
    void theNationalPeriodIsSixMonthsAndOutOfRangeIsRefused() {
        assertThat(IncomeRules.NATIONAL.referenceMonths()).isEqualTo(6);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new IncomeRules(0, Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new IncomeRules(25, Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
