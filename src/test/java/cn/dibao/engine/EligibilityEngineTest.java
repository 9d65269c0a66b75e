package cn.dibao.engine;

import cn.dibao.engine.EligibilityResult.LineStatus;
import cn.dibao.engine.HouseholdSnapshot.AssetKind;
import cn.dibao.engine.HouseholdSnapshot.DeductionKind;
import cn.dibao.engine.HouseholdSnapshot.Labour;
import cn.dibao.engine.HouseholdSnapshot.ObligorAbility;
import cn.dibao.engine.HouseholdSnapshot.Schooling;
import cn.dibao.engine.HouseholdSnapshot.SelfCare;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;

import static cn.dibao.engine.Households.household;
import static cn.dibao.engine.Households.seedStandard;
import static org.assertj.core.api.Assertions.assertThat;

class EligibilityEngineTest {

    private final EligibilityEngine engine = new EligibilityEngine();

    private EligibilityResult run(Households h) {
        return engine.evaluate(h.build(), seedStandard());
    }

    private static BigDecimal yuan(String s) {
        return new BigDecimal(s);
    }

    // ---- 低保 --------------------------------------------------------------------------------

    @Test
    void threeAdultsBelowTheStandardGetTheDifference() {
        Households h = household();
        long a = h.adult("张伟");
        h.adult("李娜");
        h.adult("张强");
        h.income(a, 150_000);
        EligibilityResult r = run(h);
        assertThat(r.category()).isEqualTo(Programme.DIBAO);
        // 855 × 3 − 1500 = 1065
        assertThat(r.programme(Programme.DIBAO).amount()).isEqualByComparingTo("1065.00");
        assertThat(r.programme(Programme.DIBAO).rules()).allMatch(RuleOutcome::passed);
    }

    @ParameterizedTest(name = "{0} members, income {1} fen → eligible {2}, amount {3}")
    @CsvSource({
            "1, 85499, true, 1.00",     // one fen below: 0.01 rounded up to the yuan
            "1, 85500, false, 0.00",    // exactly at the standard: not eligible
            "2, 170999, true, 1.00",
            "2, 171000, false, 0.00",
            "3, 0, true, 2565.00"})
    void theStandardIsAStrictThreshold(int n, long incomeFen, boolean eligible, String amount) {
        Households h = household();
        long first = h.adult("甲");
        for (int i = 1; i < n; i++) {
            h.adult("乙" + i);
        }
        h.income(first, incomeFen);
        EligibilityResult r = run(h);
        assertThat(r.programme(Programme.DIBAO).eligible()).isEqualTo(eligible);
        assertThat(r.programme(Programme.DIBAO).amount()).isEqualByComparingTo(amount);
    }

    @Test
    void membersNotLivingTogetherAreNeitherCountedNorTheirIncome() {
        Households h = household();
        long a = h.adult("王芳");
        long away = h.member("王磊", 35, false, null, null, null, false, Labour.FULL, Schooling.NONE);
        h.income(a, 50_000).income(away, 900_000);
        EligibilityResult r = run(h);
        assertThat(r.countedMembers()).isEqualTo(1);
        assertThat(r.incomeLines()).anyMatch(l -> l.status() == LineStatus.NOT_MEMBER && l.person().equals("王磊"));
        // 855 − 500 = 355
        assertThat(r.programme(Programme.DIBAO).amount()).isEqualByComparingTo("355.00");
    }

    @Test
    void excludedIncomeIsShownButNotCounted() {
        Households h = household();
        long a = h.member("赵大爷", 70, true, null, null, SelfCare.SELF_CARE, false, Labour.PARTIAL, Schooling.NONE);
        h.adult("赵明");
        h.income(a, HouseholdSnapshot.IncomeKind.TRANSFER, 100_000).excludedIncome(a, 18_300, "PREFERENTIAL_PENSION");
        EligibilityResult r = run(h);
        assertThat(r.grossIncome()).isEqualTo(Money.fenToMicro(100_000));
        assertThat(r.incomeLines()).anyMatch(l -> l.status() == LineStatus.EXCLUDED
                && "PREFERENTIAL_PENSION".equals(l.note()));
        // 855 × 2 − 1000 = 710, plus the elderly top-up of 50 for 赵大爷
        assertThat(r.programme(Programme.DIBAO).amount()).isEqualByComparingTo("760.00");
    }

    @Test
    void deductionsReduceIncomeOnlyWhenTheLocalStandardAllowsThem() {
        Households h = household();
        long a = h.adult("孙丽");
        h.income(a, 100_000).deduction(a, DeductionKind.MEDICAL, 30_000).deduction(a, DeductionKind.RENT, 20_000);
        EligibilityResult r = run(h);
        // medical deducted (300), rent not deducted by the seed standard: 855 − 700 = 155
        assertThat(r.deductions()).isEqualTo(Money.fenToMicro(30_000));
        assertThat(r.incomeLines()).anyMatch(l -> l.status() == LineStatus.IGNORED && l.item().equals("RENT"));
        assertThat(r.programme(Programme.DIBAO).amount()).isEqualByComparingTo("155.00");
    }

    @Test
    void classifiedTopUpsCountOncePerPersonOrStacked() {
        Households h = household();
        long a = h.member("周老汉", 75, true, 4, 1, SelfCare.PARTIAL, true, Labour.NONE, Schooling.NONE);
        h.adult("周强");
        h.income(a, 0);
        h.income(h.adult("周娟"), 200_000);
        // elderly 50, disability 100, illness 100 → once: 100
        EligibilityResult once = run(h);
        long base = 85_500L * 3 - 200_000;
        assertThat(once.programme(Programme.DIBAO).amount()).isEqualByComparingTo(BigDecimal.valueOf(base + 10_000, 2));
        Parameters stacked = withStacking(seedStandard(), TopUpStacking.STACK);
        EligibilityResult sum = engine.evaluate(h.build(), stacked);
        assertThat(sum.programme(Programme.DIBAO).amount()).isEqualByComparingTo(BigDecimal.valueOf(base + 25_000, 2));
    }

    @Test
    void moneyAssetsJustOverTheLimitRuleOutDibao() {
        // limit: 3 × 12 × 855 × 1 person = 30780
        Households ok = household();
        ok.adult("钱多");
        ok.asset(AssetKind.DEPOSIT, 3_078_000, 1, 0, false);
        assertThat(run(ok).programme(Programme.DIBAO).eligible()).isTrue();

        Households over = household();
        over.adult("钱多");
        over.asset(AssetKind.DEPOSIT, 3_078_001, 1, 0, false);
        EligibilityResult r = run(over);
        assertThat(r.programme(Programme.DIBAO).eligible()).isFalse();
        assertThat(r.propertyRules()).anyMatch(x -> x.code() == RuleCode.MONEY_ASSETS && !x.passed());
        assertThat(r.programme(Programme.DIBAO).rules()).anyMatch(x -> x.code() == RuleCode.PROPERTY && !x.passed());
    }

    @Test
    void exemptAssetsAreIgnoredAndVehiclesOrExtraHomesAreNot() {
        Households h = household();
        h.adult("吴刚");
        h.asset(AssetKind.VEHICLE, 800_000, 1, 0, true);      // 残疾人代步车, exempt
        h.asset(AssetKind.REAL_ESTATE, 0, 1, 6_000, false);
        assertThat(run(h).programme(Programme.DIBAO).eligible()).isTrue();
        h.asset(AssetKind.VEHICLE, 3_000_000, 1, 0, false);
        assertThat(run(h).programme(Programme.DIBAO).eligible()).isFalse();
        Households homes = household();
        homes.adult("吴刚");
        homes.asset(AssetKind.REAL_ESTATE, 0, 2, 12_000, false);
        assertThat(run(homes).propertyRules()).anyMatch(x -> x.code() == RuleCode.HOMES && !x.passed());
    }

    // ---- 特困 --------------------------------------------------------------------------------

    @Test
    void seedFiguresForAnOldPersonLivingAloneWithoutAnAbleObligor() {
        Households h = household();
        long a = h.member("刘树立", 78, true, null, null, SelfCare.SELF_CARE, false, Labour.PARTIAL, Schooling.NONE);
        h.excludedIncome(a, 18_300, "BASIC_PENSION");
        h.obligor(null, ObligorAbility.NO);
        EligibilityResult r = run(h);
        assertThat(r.category()).isEqualTo(Programme.TEKUN);
        // 基本生活 1120 + 全自理 185 (分散供养)
        assertThat(r.programme(Programme.TEKUN).amount()).isEqualByComparingTo("1305.00");
        EligibilityResult inst = engine.evaluate(h.build(), seedStandard(), EligibilityEngine.CareSetting.INSTITUTION);
        assertThat(inst.programme(Programme.TEKUN).amount()).isEqualByComparingTo("1398.00");
    }

    @ParameterizedTest(name = "self-care {0} → {1} yuan")
    @CsvSource({"SELF_CARE, 1305.00", "PARTIAL, 1490.00", "FULL, 2600.00"})
    void careStandardFollowsTheSelfCareTier(SelfCare tier, String amount) {
        Households h = household();
        h.member("老人", 82, true, null, null, tier, false, Labour.NONE, Schooling.NONE);
        assertThat(run(h).programme(Programme.TEKUN).amount()).isEqualByComparingTo(amount);
    }

    @Test
    void anAbleObligorRulesOutTekun() {
        Households h = household();
        long a = h.member("孤老", 72, true, null, null, SelfCare.SELF_CARE, false, Labour.PARTIAL, Schooling.NONE);
        h.obligor(a, ObligorAbility.YES);
        EligibilityResult r = run(h);
        assertThat(r.programme(Programme.TEKUN).eligible()).isFalse();
        assertThat(r.programme(Programme.TEKUN).rules())
                .anyMatch(x -> x.code() == RuleCode.TEKUN_NO_OBLIGOR && !x.passed());
        // still 低保: 855 + 50 elderly top-up
        assertThat(r.category()).isEqualTo(Programme.DIBAO);
        assertThat(r.programme(Programme.DIBAO).amount()).isEqualByComparingTo("905.00");
    }

    @Test
    void aCoResidentAbleAdultRulesOutTekunButAnUnableObligorDoesNot() {
        Households h = household();
        h.member("老母", 80, true, null, null, SelfCare.FULL, false, Labour.NONE, Schooling.NONE);
        h.adult("儿子");
        assertThat(run(h).programme(Programme.TEKUN).eligible()).isFalse();

        Households alone = household();
        alone.member("老母", 80, true, null, null, SelfCare.FULL, false, Labour.NONE, Schooling.NONE);
        alone.obligor(null, ObligorAbility.NO);
        assertThat(run(alone).programme(Programme.TEKUN).eligible()).isTrue();
    }

    @ParameterizedTest(name = "age {0}, disability {1}/{2}, school {3} → no labour capacity {4}")
    @CsvSource({
            "59, , , NONE, false",
            "60, , , NONE, true",
            "17, , , NONE, true",
            "19, , , SENIOR, true",        // beyond 18 while in high school
            "19, , , UNDERGRADUATE, false",
            "40, 5, 3, NONE, true",        // intellectual grade 3
            "40, 4, 2, NONE, true",        // physical grade 2
            "40, 4, 3, NONE, false",
            "40, 1, 1, NONE, true",        // visual grade 1
            "40, 1, 2, NONE, false",
            "40, 2, 1, NONE, false"})      // hearing never qualifies on its own
    void tekunLabourCapacityRules(int age, Integer category, Integer grade, Schooling school, boolean expected) {
        Households h = household();
        h.member("申请人", age, true, category, grade, SelfCare.SELF_CARE, false, Labour.PARTIAL, school);
        EligibilityResult r = run(h);
        assertThat(r.programme(Programme.TEKUN).rules())
                .anyMatch(x -> x.code() == RuleCode.TEKUN_NO_LABOUR && x.passed() == expected);
        assertThat(r.programme(Programme.TEKUN).eligible()).isEqualTo(expected);
    }

    // ---- 单人保, 边缘, 刚性支出, 临时救助 -------------------------------------------------------------

    @Test
    void singlePersonCoverageInAnEdgeHousehold() {
        // 3 persons, income 3000: standard total 2565 ≤ 3000 < 3847.50 → 边缘; the severely disabled son → 单人保
        Households h = household();
        long a = h.adult("父亲");
        h.adult("母亲");
        h.member("儿子", 25, true, 5, 2, SelfCare.PARTIAL, false, Labour.NONE, Schooling.NONE);
        h.income(a, 300_000);
        EligibilityResult r = run(h);
        assertThat(r.programme(Programme.DIBAO).eligible()).isFalse();
        assertThat(r.programme(Programme.DIBAO_SINGLE).eligible()).isTrue();
        assertThat(r.programme(Programme.DIBAO_SINGLE).persons()).containsExactly("儿子");
        // 50% of 855 = 427.50, plus the disability top-up 100 = 527.50 → up to the yuan 528
        assertThat(r.programme(Programme.DIBAO_SINGLE).amount()).isEqualByComparingTo("528.00");
        assertThat(r.category()).isEqualTo(Programme.DIBAO_SINGLE);
        assertThat(r.programme(Programme.DIBAO_EDGE).eligible()).isTrue();
    }

    @Test
    void edgeBandBoundaries() {
        // one adult: edge band is [855, 1282.50)
        Households h = household();
        long a = h.adult("边缘");
        h.income(a, 128_249);
        assertThat(run(h).category()).isEqualTo(Programme.DIBAO_EDGE);
        Households over = household();
        long b = over.adult("超出");
        over.income(b, 128_250);
        assertThat(run(over).programme(Programme.DIBAO_EDGE).eligible()).isFalse();
    }

    @Test
    void rigidExpenditureWhenSpendingExceedsTheLocalShareOfIncome() {
        // income 2000/month → 24000/year; expenses 20000 → 83% > 80%; per-capita 24000 < 48000
        Households h = household();
        long a = h.adult("病家");
        h.income(a, 200_000).expense(2_000_000);
        EligibilityResult r = run(h);
        assertThat(r.category()).isEqualTo(Programme.RIGID_EXPENDITURE);
        Households low = household();
        long b = low.adult("病家");
        low.income(b, 200_000).expense(1_900_000); // 79%
        assertThat(run(low).programme(Programme.RIGID_EXPENDITURE).eligible()).isFalse();
    }

    @Test
    void tempReliefCapsAreMultiplesOfTheStandard() {
        Households h = household();
        h.adult("甲");
        h.adult("乙");
        EligibilityResult r = run(h);
        assertThat(r.programme(Programme.TEMP_RELIEF).rules())
                .anyMatch(x -> x.code() == RuleCode.TEMP_CAP && x.threshold() == Money.fenToMicro(6L * 85_500 * 2))
                .anyMatch(x -> x.code() == RuleCode.TEMP_TOWNSHIP && x.threshold() == Money.fenToMicro(3L * 85_500 * 2));
        assertThat(r.programme(Programme.TEMP_RELIEF).rules().get(0).text()).contains("10260.00");
    }

    @Test
    void everyRuleExplainsItselfInChinese() {
        Households h = household();
        long a = h.member("张三", 65, true, 4, 2, SelfCare.PARTIAL, true, Labour.NONE, Schooling.NONE);
        h.income(a, 10_000).asset(AssetKind.VEHICLE, 1_000_000, 1, 0, false).expense(50_000);
        EligibilityResult r = run(h);
        r.programmes().forEach(p -> p.rules().forEach(rule -> assertThat(rule.text()).isNotBlank()));
        r.propertyRules().forEach(rule -> assertThat(rule.text()).matches(".*[\\u4e00-\\u9fa5].*"));
    }

    private static Parameters withStacking(Parameters p, TopUpStacking stacking) {
        return new Parameters(p.standardId(), p.label(), p.dibaoFen(), p.rounding(), p.minBenefitFen(),
                p.employmentCostBp(), p.deductMedical(), p.deductEducation(), p.deductRehabilitation(), p.deductRent(),
                p.elderly(), p.minor(), p.disability(), p.illness(), stacking, p.moneyAssetsMultipleHundredths(),
                p.maxVehicles(), p.maxVehicleValueFen(), p.maxHomes(), p.maxFloorAreaPerPersonHundredths(),
                p.maxBusinessCapitalFen(), p.tekunBasicFen(), p.careHomeSelfFen(), p.careHomePartialFen(),
                p.careHomeFullFen(), p.careInstSelfFen(), p.careInstPartialFen(), p.careInstFullFen(), p.tekunMinorAge(),
                p.edgeMultiplierHundredths(), p.singleBasis(), p.singleShareBp(), p.singleRequiresEdge(),
                p.rigidRatioBp(), p.disposableIncomeLastYearFen(), p.tempReliefCapHundredths(),
                p.tempReliefTownshipHundredths(), p.topUpElderlyAge(), p.topUpMinorAge(), p.tekunSchoolAge(), p.income(), p.propertyRules(), p.single());
    }
}
