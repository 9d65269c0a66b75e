package cn.dibao.engine;

import cn.dibao.engine.EligibilityResult.ProgrammeResult;
import cn.dibao.engine.HouseholdSnapshot.AssetKind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static cn.dibao.engine.Households.household;
import static cn.dibao.engine.Households.seedStandard;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * 支出型临时救助 (§7.1): the household's income below last year's local disposable income per person, its rigid
 * spending of the 12 months beyond the local share of its income, property within the rules. 急难型 is open
 * to every household with members (the programme stays eligible; TEMP_EXPENDITURE says whether 支出型 holds).
 */
class TempReliefExpenditureTest {

    private final EligibilityEngine engine = new EligibilityEngine();

    @ParameterizedTest(name = "wage {0}, spending {1}, deposits {2}: 支出型 {3}")
    @CsvSource({
            // two adults, one wage; seed standard: disposable 48,000 a person a year, rigid share 80 %
            "150000, 3000000, 0, true",         // 18,000 a year, a 30,000 hospital bill
            "150000, 1440000, 0, false",        // spending exactly 80 % of the income is not beyond it
            "150000, 1440001, 0, true",
            "400000, 9000000, 0, true",         // 24,000 a person a year < 48,000
            "800000, 9000000, 0, false",        // 48,000 a person a year is not below 48,000
            "150000, 3000000, 99999900, false", // money assets over the limit
            "0, 1, 0, true",                    // no income: any rigid spending is beyond it
            "0, 0, 0, false"})
    void expenditureTypeNeedsLowIncomeRigidSpendingAndProperty(long wageFen, long spendingFen, long depositFen,
                                                             boolean holds) {
        Households h = household();
        long head = h.adult("户主");
        h.adult("配偶");
        if (wageFen > 0) {
            h.income(head, wageFen);
        }
        if (spendingFen > 0) {
            h.expense(spendingFen);
        }
        if (depositFen > 0) {
            h.asset(AssetKind.DEPOSIT, depositFen, 1, 0, false);
        }
        ProgrammeResult relief = engine.evaluate(h.build(), seedStandard()).programmes().stream()
                .filter(p -> p.programme() == Programme.TEMP_RELIEF).findFirst().orElseThrow();
        assertThat(relief.eligible()).as("急难型 is not means-tested").isTrue();
        RuleOutcome expenditure = relief.rules().stream().filter(r -> r.code() == RuleCode.TEMP_EXPENDITURE)
                .findFirst().orElseThrow();
        assertThat(expenditure.passed()).isEqualTo(holds);
        assertThat(relief.rules()).extracting(RuleOutcome::code).containsExactly(RuleCode.TEMP_CAP,
                RuleCode.TEMP_TOWNSHIP, RuleCode.RIGID_INCOME, RuleCode.RIGID_RATIO, RuleCode.PROPERTY,
                RuleCode.TEMP_EXPENDITURE);
    }
}
