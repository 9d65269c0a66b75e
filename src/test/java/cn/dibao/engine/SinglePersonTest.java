package cn.dibao.engine;

import cn.dibao.engine.EligibilityResult.ProgrammeResult;
import cn.dibao.engine.HouseholdSnapshot.AssetKind;
import cn.dibao.engine.HouseholdSnapshot.Employment;
import cn.dibao.engine.HouseholdSnapshot.Labour;
import cn.dibao.engine.HouseholdSnapshot.Schooling;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static cn.dibao.engine.Households.household;
import static cn.dibao.engine.Households.noTopUps;
import static cn.dibao.engine.Households.seedStandard;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * 单人保 (D2 第八条 and 阜新's alone mode, ADR 0018): who may apply alone, on what, at which amount. The seeds'
 * standard (855) without top-ups, so the amount is the share alone: 50 % of 855 = 427.50, rounded up to 428.
 */
class SinglePersonTest {

    private final EligibilityEngine engine = new EligibilityEngine();

    /** 阜新: alone mode on, the national groups. */
    private static Parameters fuxin() {
        return noTopUps(seedStandard()).withSingle(new SingleRules(true, 18, true, 2, 3));
    }

    /** The father earns 9,000 a month: far above the 边缘 line of a household of three (3 × 855 × 1.5 = 3,847.50). */
    private static Households richFamily(Households h) {
        long father = h.worker("张父", 55, "HEAD", null, null, Employment.EMPLOYED);
        h.worker("张母", 52, "SPOUSE", null, null, Employment.EMPLOYED);
        h.income(father, 900_000);
        return h;
    }

    private ProgrammeResult single(Households h, Parameters p) {
        return engine.evaluate(h.build(), p).programme(Programme.DIBAO_SINGLE);
    }

    @Test
    void anUnemployedAdultGradeOneDisabledPersonOfARichFamilyIsCoveredAloneAtHalfTheStandard() {
        Households h = richFamily(household());
        h.worker("小薇", 31, "CHILD", 4, 1, Employment.UNEMPLOYED);
        EligibilityResult r = engine.evaluate(h.build(), fuxin());
        assertThat(r.programme(Programme.DIBAO).eligible()).isFalse();
        assertThat(r.programme(Programme.DIBAO_EDGE).eligible()).isFalse();
        ProgrammeResult s = r.programme(Programme.DIBAO_SINGLE);
        assertThat(s.eligible()).isTrue();
        assertThat(s.persons()).containsExactly("小薇");
        assertThat(s.amount()).isEqualByComparingTo("428.00");
        assertThat(r.category()).isEqualTo(Programme.DIBAO_SINGLE);
        assertThat(s.rules()).filteredOn(o -> o.code() == RuleCode.SINGLE_NO_EMPLOYMENT).singleElement()
                .satisfies(o -> assertThat(o.text()).isEqualTo("小薇 无业，属于无业人员"));
        assertThat(s.rules()).anyMatch(o -> o.code() == RuleCode.SINGLE_OWN_PROPERTY && o.passed());
    }

    @Test
    void withoutTheAloneModeTheSamePersonIsNotCovered() {
        Households h = richFamily(household());
        h.worker("小薇", 31, "CHILD", 4, 1, Employment.UNEMPLOYED);
        ProgrammeResult s = single(h, noTopUps(seedStandard()));
        assertThat(s.eligible()).isFalse();
        assertThat(s.rules()).noneMatch(o -> o.code() == RuleCode.SINGLE_ADULT);
    }

    @Test
    void aTenYearOldIsNotCoveredAlone() {
        Households h = richFamily(household());
        h.worker("小明", 10, "CHILD", 4, 1, Employment.NOT_WORKING_AGE);
        ProgrammeResult s = single(h, fuxin());
        assertThat(s.eligible()).isFalse();
        assertThat(s.rules()).filteredOn(o -> o.code() == RuleCode.SINGLE_ADULT).singleElement()
                .satisfies(o -> assertThat(o.passed()).isFalse());
    }

    @Test
    void anEmployedAdultEarningSixThousandIsNotCoveredAlone() {
        Households h = household();
        long a = h.worker("李强", 35, "HEAD", 4, 2, Employment.EMPLOYED);
        h.income(a, 600_000);
        ProgrammeResult s = single(h, fuxin());
        assertThat(s.eligible()).isFalse();
        assertThat(s.rules()).anyMatch(o -> o.code() == RuleCode.SINGLE_NO_EMPLOYMENT && !o.passed());
        assertThat(s.rules()).anyMatch(o -> o.code() == RuleCode.SINGLE_OWN_INCOME && !o.passed());
    }

    @ParameterizedTest(name = "{0} → no employment {1}")
    @CsvSource({"UNEMPLOYED, true", "RETIRED, true", "NOT_WORKING_AGE, true", "EMPLOYED, false", "FLEXIBLE, false",
            "FARMING, false", "UNKNOWN, false"})
    void whichEmploymentCountsAsNone(Employment employment, boolean covered) {
        Households h = richFamily(household());
        h.worker("王五", 40, "CHILD", 1, 1, employment);
        assertThat(single(h, fuxin()).eligible()).isEqualTo(covered);
    }

    @Test
    void ownDepositsAboveTheSinglePersonLimitFailWhateverTheFamilyOwns() {
        // one person: 855 × 12 × 3 = 30,780
        Households poorOwner = richFamily(household());
        long v = poorOwner.worker("小薇", 31, "CHILD", 4, 1, Employment.UNEMPLOYED);
        poorOwner.owned(v, AssetKind.DEPOSIT, 3_100_000, 1, null);
        ProgrammeResult s = single(poorOwner, fuxin());
        assertThat(s.eligible()).isFalse();
        assertThat(s.rules()).filteredOn(o -> o.code() == RuleCode.MONEY_ASSETS).singleElement()
                .satisfies(o -> assertThat(o.text()).startsWith("小薇 本人名下存款").contains("30780.00"));

        // the family's own deposits (the father's, the household's) do not count for her
        Households richOwners = richFamily(household());
        richOwners.worker("小薇", 31, "CHILD", 4, 1, Employment.UNEMPLOYED);
        richOwners.owned(null, AssetKind.DEPOSIT, 50_000_000, 1, null).owned(1L, AssetKind.DEPOSIT, 9_000_000, 1, null);
        assertThat(single(richOwners, fuxin()).eligible()).isTrue();
    }

    @Test
    void theSinglePersonLimitsCanDifferFromTheDibaoOnes() {
        PropertyRules.Limits strict = new PropertyRules.Limits(100, 0, null, 1, null, 10_000_000, null, null, null);
        Parameters p = fuxin().withPropertyRules(new PropertyRules(null, null, null, null, null, null, strict));
        Households h = richFamily(household());
        long v = h.worker("小薇", 31, "CHILD", 4, 1, Employment.UNEMPLOYED);
        h.owned(v, AssetKind.DEPOSIT, 2_000_000, 1, null); // 20,000: within 30,780 (低保), above 10,260 (单人保)
        assertThat(single(h, fuxin()).eligible()).isTrue();
        assertThat(single(h, p).eligible()).isFalse();
    }

    @Test
    void theD2EdgeModeIsUnchanged() {
        // a household of two in the 边缘 band: 2 × 855 = 1,710 ≤ 2,000 < 2,565
        Households h = household();
        long earner = h.adult("赵父");
        h.member("赵子", 20, true, 5, 3, null, false, Labour.NONE, Schooling.NONE);
        h.income(earner, 200_000);
        for (Parameters p : new Parameters[]{noTopUps(seedStandard()), fuxin()}) {
            ProgrammeResult s = single(h, p);
            assertThat(s.eligible()).isTrue();
            assertThat(s.persons()).containsExactly("赵子");
            assertThat(s.amount()).isEqualByComparingTo("428.00");
            assertThat(s.rules()).noneMatch(o -> o.code() == RuleCode.SINGLE_ADULT); // covered by D2, no alone test
        }
        // above the band, D2 does not cover him (and he has no employment recorded for the alone mode)
        h.income(earner, 300_000);
        assertThat(single(h, noTopUps(seedStandard())).eligible()).isFalse();
        assertThat(single(h, fuxin()).eligible()).isFalse();
    }

    @Test
    void theQualifyingGroupsAreLocal() {
        Households h = richFamily(household());
        h.worker("钱二", 40, "CHILD", 4, 2, Employment.UNEMPLOYED);
        assertThat(single(h, fuxin()).eligible()).isTrue();
        // only grade 1 of any category qualifies here
        assertThat(single(h, fuxin().withSingle(new SingleRules(true, 18, true, 1, 3))).eligible()).isFalse();

        Households ill = richFamily(household());
        ill.member("孙三", 40, true, null, null, null, true, Labour.PARTIAL, Schooling.NONE);
        ProgrammeResult national = single(ill, fuxin());
        assertThat(national.rules()).anyMatch(o -> o.code() == RuleCode.SINGLE_GROUP && o.passed());
        ProgrammeResult noIllness = single(ill, fuxin().withSingle(new SingleRules(true, 18, false, 2, 3)));
        assertThat(noIllness.rules()).filteredOn(o -> o.code() == RuleCode.SINGLE_GROUP && o.subject().equals("孙三"))
                .singleElement().satisfies(o -> assertThat(o.passed()).isFalse());
    }
}
