package cn.dibao.engine;

import cn.dibao.engine.HouseholdSnapshot.Labour;
import cn.dibao.engine.HouseholdSnapshot.Schooling;
import cn.dibao.engine.HouseholdSnapshot.SelfCare;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;

import static cn.dibao.engine.Households.household;
import static cn.dibao.engine.Households.seedStandard;
import static cn.dibao.engine.Households.withAges;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ages a standard version sets (issue 14): the 分类施保 elderly and minor groups, and the age
 * under which a pupil of compulsory, senior-high or secondary-vocational school has no labour
 * capacity for 特困 (D3 第二十四条). Seed standard: 低保 855, elderly and minor top-up 50 once.
 */
class AgeSettingsTest {

    private final EligibilityEngine engine = new EligibilityEngine();

    @ParameterizedTest(name = "{0} years old, elderly from {1} → elderly {2}, 低保 {3}")
    @CsvSource({
            "58, 55, true, 905.00",
            "58, 60, false, 855.00",
            "55, 55, true, 905.00",    // from the birthday on
            "54, 55, false, 855.00",
            "59, 60, false, 855.00",
            "60, 60, true, 905.00",
            "62, 65, false, 855.00"})
    void theElderlyTopUpFollowsTheLocalAge(int age, int elderlyAge, boolean elderly, String amount) {
        Households h = household();
        long id = h.member("申请人", age, true, null, null, null, false, Labour.FULL, Schooling.NONE);
        h.income(id, 0);
        Parameters p = withAges(seedStandard(), elderlyAge, 18, 25);
        HouseholdSnapshot s = h.build();

        assertThat(EligibilityEngine.topUpGroups(s.members().get(0), p) & EligibilityEngine.ELDERLY).isEqualTo(
                elderly ? EligibilityEngine.ELDERLY : 0);
        EligibilityResult r = engine.evaluate(s, p);
        assertThat(r.programme(Programme.DIBAO).amount()).isEqualByComparingTo(new BigDecimal(amount));
        // 特困's "no labour capacity from 60" is D3's own age, not the local 分类施保 one
        assertThat(r.programme(Programme.TEKUN).eligible()).isEqualTo(age >= 60);
    }

    @ParameterizedTest(name = "{0} years old, minor under {1} → minor {2}, 低保 {3}")
    @CsvSource({
            "17, 16, false, 1710.00",
            "17, 18, true, 1760.00",
            "15, 16, true, 1760.00",
            "16, 16, false, 1710.00",   // the birthday ends it
            "13, 14, true, 1760.00",
            "14, 14, false, 1710.00"})
    void theMinorTopUpFollowsTheLocalAge(int age, int minorAge, boolean minor, String amount) {
        Households h = household();
        h.income(h.adult("家长"), 0);
        h.member("孩子", age, true, null, null, null, false, Labour.NONE, Schooling.COMPULSORY);
        Parameters p = withAges(seedStandard(), 60, minorAge, 25);
        HouseholdSnapshot s = h.build();

        assertThat(EligibilityEngine.topUpGroups(s.members().get(1), p) & EligibilityEngine.MINOR).isEqualTo(
                minor ? EligibilityEngine.MINOR : 0);
        EligibilityResult r = engine.evaluate(s, p);
        assertThat(r.programme(Programme.DIBAO).amount()).isEqualByComparingTo(new BigDecimal(amount));
    }

    @ParameterizedTest(name = "{0} years old in {1} school, school age {2} → no labour capacity {3}")
    @CsvSource({
            "23, VOCATIONAL, 25, true",
            "23, VOCATIONAL, 22, false",
            "23, SENIOR, 24, true",
            "23, SENIOR, 23, false",      // the birthday ends it
            "19, COMPULSORY, 18, false",
            // D3 第二十四条 extends it for 义务教育, 普通高中 and 中职 only: not for university students
            "23, UNDERGRADUATE, 25, false",
            "23, UNDERGRADUATE, 30, false",
            "23, NONE, 30, false"})
    void theInSchoolExtensionFollowsTheLocalAge(int age, Schooling school, int schoolAge, boolean noLabour) {
        Households h = household();
        h.member("学生", age, true, null, null, SelfCare.SELF_CARE, false, Labour.PARTIAL, school);
        EligibilityResult r = engine.evaluate(h.build(), withAges(seedStandard(), 60, 18, schoolAge));

        assertThat(r.programme(Programme.TEKUN).rules())
                .filteredOn(x -> x.code() == RuleCode.TEKUN_NO_LABOUR).singleElement()
                .satisfies(x -> assertThat(x.passed()).isEqualTo(noLabour));
        assertThat(r.programme(Programme.TEKUN).eligible()).isEqualTo(noLabour);
    }
}
