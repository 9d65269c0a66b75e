package cn.dibao.engine;

import cn.dibao.engine.EligibilityResult.LineStatus;
import cn.dibao.engine.HouseholdSnapshot.DeductionKind;
import cn.dibao.engine.HouseholdSnapshot.IncomeKind;
import cn.dibao.engine.HouseholdSnapshot.Labour;
import cn.dibao.engine.HouseholdSnapshot.Obligor;
import cn.dibao.engine.HouseholdSnapshot.ObligorAbility;
import cn.dibao.engine.HouseholdSnapshot.Schooling;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static cn.dibao.engine.Households.household;
import static cn.dibao.engine.Households.params;
import static org.assertj.core.api.Assertions.assertThat;

/** 转移净收入 (§4.3): transfer income, with the 赡养费 obligors pay, minus 社保缴费 and 赡养支出 paid out. */
class TransferNetIncomeTest {

    private final EligibilityEngine engine = new EligibilityEngine();

    /** The seeds' standard with no 刚性支出 deduction enabled: transfer spending must not depend on those switches. */
    private static Parameters noLocalDeductions() {
        Parameters p = params(85_500, RoundingRule.UP_YUAN);
        return new Parameters(p.standardId(), p.label(), p.dibaoFen(), p.rounding(), p.minBenefitFen(),
                p.employmentCostBp(), false, false, false, false, p.elderly(), p.minor(), p.disability(),
                p.illness(), p.stacking(), p.moneyAssetsMultipleHundredths(), p.maxVehicles(),
                p.maxVehicleValueFen(), p.maxHomes(), p.maxFloorAreaPerPersonHundredths(), p.maxBusinessCapitalFen(),
                p.tekunBasicFen(), p.careHomeSelfFen(), p.careHomePartialFen(), p.careHomeFullFen(),
                p.careInstSelfFen(), p.careInstPartialFen(), p.careInstFullFen(), p.tekunMinorAge(),
                p.edgeMultiplierHundredths(), p.singleBasis(), p.singleShareBp(), p.singleRequiresEdge(),
                p.rigidRatioBp(), p.disposableIncomeLastYearFen(), p.tempReliefCapHundredths(),
                p.tempReliefTownshipHundredths(), p.topUpElderlyAge(), p.topUpMinorAge(), p.tekunSchoolAge(), p.income(), p.propertyRules(), p.single());
    }

    private EligibilityResult run(Households h) {
        return engine.evaluate(h.build(), noLocalDeductions());
    }

    /** A 45-year-old on a pension (early retirement on disability grounds is common), so no 分类施保 or 特困 muddies the figures. */
    private static long pensioner(Households h, String name) {
        return h.member(name, 45, true, null, null, null, false, Labour.FULL, Schooling.NONE);
    }

    @ParameterizedTest(name = "pension 1000, {0} 200 by a counted member {1} → net {2}")
    @CsvSource({
            "SOCIAL_INSURANCE, true, 800.00",
            "SOCIAL_INSURANCE, false, 1000.00", // paid by someone who does not live with the household: not deducted
            "SUPPORT_PAID, true, 800.00",
            "SUPPORT_PAID, false, 1000.00"})
    void transferSpendingIsDeductedForCountedMembersWhateverTheLocalSwitches(DeductionKind kind, boolean counted,
                                                                            String net) {
        Households h = household();
        long a = pensioner(h, "周梅");
        long payer = counted ? a : h.member("周强", 40, false, null, null, null, false, Labour.FULL, Schooling.NONE);
        h.income(a, IncomeKind.TRANSFER, 100_000).deduction(payer, kind, 20_000);
        EligibilityResult r = run(h);
        assertThat(Money.toYuan(r.netIncome())).isEqualByComparingTo(net);
        assertThat(r.incomeLines()).anyMatch(l -> l.item().equals(kind.name())
                && l.status() == (counted ? LineStatus.DEDUCTED : LineStatus.IGNORED));
        // 855 − net, rounded up to the yuan
        assertThat(r.programme(Programme.DIBAO).amount())
                .isEqualByComparingTo(counted ? "55.00" : "0.00");
    }

    @Test
    void transferSpendingIsNotCappedAtTransferIncomeButTheHouseholdNetIsNotNegative() {
        Households h = household();
        long a = h.adult("吴刚");
        h.income(a, 60_000).deduction(a, DeductionKind.SOCIAL_INSURANCE, 30_000);
        // no transfer income: the 社保 paid still reduces the wage-earning household's income (600 − 300)
        assertThat(run(h).netIncome()).isEqualTo(Money.fenToMicro(30_000));

        Households poor = household();
        long b = poor.adult("吴敏");
        poor.income(b, 10_000).deduction(b, DeductionKind.SUPPORT_PAID, 30_000);
        assertThat(run(poor).netIncome()).isZero();
    }

    @ParameterizedTest(name = "赡养费 500 for {0} → counted {1}")
    @CsvSource({
            "household, true",
            "counted member, true",
            "member living elsewhere, false"})
    void supportAnObligorPaysIsTransferIncome(String supported, boolean counted) {
        Households h = household();
        long a = pensioner(h, "郑华");
        long away = h.member("郑小", 40, false, null, null, null, false, Labour.FULL, Schooling.NONE);
        Long target = switch (supported) {
            case "household" -> null;
            case "counted member" -> a;
            default -> away;
        };
        HouseholdSnapshot base = h.build();
        HouseholdSnapshot withSupport = new HouseholdSnapshot(base.month(), base.areaCode(), base.urban(),
                base.members(), base.incomes(), base.deductions(), base.assets(), base.expenses(),
                java.util.List.of(new Obligor(target, ObligorAbility.NO, "郑大", 50_000)));
        EligibilityResult r = engine.evaluate(withSupport, noLocalDeductions());
        assertThat(r.grossIncome()).isEqualTo(counted ? Money.fenToMicro(50_000) : 0);
        assertThat(r.incomeLines()).singleElement().satisfies(l -> {
            assertThat(l.item()).isEqualTo("赡养费（郑大）");
            assertThat(l.status()).isEqualTo(counted ? LineStatus.COUNTED : LineStatus.NOT_MEMBER);
        });
        // 855 − 500 = 355 when counted; the full 855 otherwise
        assertThat(r.programme(Programme.DIBAO).amount()).isEqualByComparingTo(counted ? "355.00" : "855.00");
    }

    @Test
    void anObligorWhoPaysNothingAddsNoIncomeLine() {
        Households h = household();
        pensioner(h, "钱芳");
        h.obligor(null, ObligorAbility.NO);
        EligibilityResult r = run(h);
        assertThat(r.incomeLines()).isEmpty();
        assertThat(r.grossIncome()).isZero();
    }
}
