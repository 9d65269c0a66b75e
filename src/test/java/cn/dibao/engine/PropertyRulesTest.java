package cn.dibao.engine;

import cn.dibao.engine.HouseholdSnapshot.AssetKind;
import cn.dibao.engine.HouseholdSnapshot.Labour;
import cn.dibao.engine.HouseholdSnapshot.Schooling;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;

import static cn.dibao.engine.Households.household;
import static cn.dibao.engine.Households.seedStandard;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The property rules beyond the 低保 limits (ADR 0019): other assets, homes bought in the last years,
 * non-residential property, and limits per programme. The month checked is 2026-07 (a household of one adult
 * without income, so 低保 turns on property alone).
 */
class PropertyRulesTest {

    private final EligibilityEngine engine = new EligibilityEngine();

    private static PropertyRules dibaoRules(Long otherFen, Integer recentYears, Integer nonResidential) {
        return new PropertyRules(otherFen, recentYears, nonResidential, null, null, null, null);
    }

    private EligibilityResult run(Households h, PropertyRules rules) {
        return engine.evaluate(h.build(), seedStandard().withPropertyRules(rules));
    }

    private static Households alone() {
        Households h = household();
        h.adult("周一");
        return h;
    }

    @ParameterizedTest(name = "other assets {0} fen against limit {1} → 低保 {2}")
    @CsvSource({"2000000, 1000000, false", "500000, 1000000, true", "1000000, 1000000, true",
            "100000000, , true"}) // no limit set: other property is only recorded
    void otherAssetsAgainstTheLocalLimit(long valueFen, Long limitFen, boolean dibao) {
        Households h = alone().owned(null, AssetKind.OTHER, valueFen, 1, null);
        EligibilityResult r = run(h, dibaoRules(limitFen, null, null));
        assertThat(r.programme(Programme.DIBAO).eligible()).isEqualTo(dibao);
        if (limitFen == null) {
            assertThat(r.propertyRules()).noneMatch(o -> o.code() == RuleCode.OTHER_ASSETS);
        } else {
            assertThat(r.propertyRules()).filteredOn(o -> o.code() == RuleCode.OTHER_ASSETS).singleElement()
                    .satisfies(o -> assertThat(o.passed()).isEqualTo(dibao));
        }
    }

    @ParameterizedTest(name = "home bought {0}, rule {1} years → 低保 {2}")
    @CsvSource({"2024-03-01, 3, false", "2023-07-02, 3, false", "2023-07-01, 3, true", "2019-05-01, 3, true",
            "2026-01-01, , true"})
    void aHomeBoughtWithinTheLastYears(LocalDate bought, Integer years, boolean dibao) {
        Households h = alone().owned(null, AssetKind.REAL_ESTATE, 0, 1, bought);
        EligibilityResult r = run(h, dibaoRules(null, years, null));
        assertThat(r.programme(Programme.DIBAO).eligible()).isEqualTo(dibao);
        assertThat(r.propertyRules().stream().anyMatch(o -> o.code() == RuleCode.RECENT_HOME)).isEqualTo(years != null);
        if (!dibao) {
            assertThat(r.propertyRules()).filteredOn(o -> o.code() == RuleCode.RECENT_HOME).singleElement()
                    .satisfies(o -> assertThat(o.text()).isEqualTo("近 3 年内购置的非豁免房产 1 套，当地规定近 3 年内购房的不予认定"));
        }
    }

    @Test
    void aHomeWithoutPurchaseDateOrExemptPassesTheRecentRule() {
        Households h = alone().owned(null, AssetKind.REAL_ESTATE, 0, 1, null);
        assertThat(run(h, dibaoRules(null, 3, null)).programme(Programme.DIBAO).eligible()).isTrue();
    }

    @ParameterizedTest(name = "{0} non-residential, {1} allowed → 低保 {2}")
    @CsvSource({"1, 0, false", "0, 0, true", "1, 1, true", "2, 1, false", "3, , true"})
    void nonResidentialProperty(int count, Integer allowed, boolean dibao) {
        Households h = alone();
        if (count > 0) {
            h.owned(null, AssetKind.NON_RESIDENTIAL, 20_000_000, count, null);
        }
        EligibilityResult r = run(h, dibaoRules(null, null, allowed));
        assertThat(r.programme(Programme.DIBAO).eligible()).isEqualTo(dibao);
        // non-residential property is not a home
        assertThat(r.propertyRules()).filteredOn(o -> o.code() == RuleCode.HOMES).singleElement()
                .satisfies(o -> assertThat(o.actual()).isZero());
    }

    @Test
    void theEdgeLimitsCanBeWiderThanTheDibaoOnes() {
        // two adults, income 2,000 in the 边缘 band (1,710–2,565); deposits 70,000 above 低保's 61,560 (2 × 855 × 12 × 3)
        Households h = household();
        long a = h.adult("吴一");
        h.adult("吴二");
        h.income(a, 200_000).owned(null, AssetKind.DEPOSIT, 7_000_000, 1, null);
        assertThat(run(h, PropertyRules.NATIONAL).programme(Programme.DIBAO_EDGE).eligible()).isFalse();

        PropertyRules.Limits edge = new PropertyRules.Limits(600, 0, null, 1, null, 10_000_000, null, null, null);
        EligibilityResult r = run(h, new PropertyRules(null, null, null, null, edge, null, null));
        assertThat(r.programme(Programme.DIBAO_EDGE).eligible()).isTrue();
        assertThat(r.programme(Programme.DIBAO_EDGE).rules())
                .anyMatch(o -> o.code() == RuleCode.MONEY_ASSETS && o.passed() && o.p1() == 600)
                .anyMatch(o -> o.code() == RuleCode.PROPERTY && o.text().equals("家庭财产符合低保边缘家庭的财产限额"));
        // 低保 keeps its own limits: the household's property section still fails them
        assertThat(r.propertyRules()).anyMatch(o -> o.code() == RuleCode.MONEY_ASSETS && !o.passed());
        // below the 低保 line a household failing 低保's property is not 边缘 either
        Households poor = household();
        poor.adult("郑一");
        poor.owned(null, AssetKind.DEPOSIT, 5_000_000, 1, null);
        assertThat(run(poor, new PropertyRules(null, null, null, null, edge, null, null))
                .programme(Programme.DIBAO_EDGE).eligible()).isFalse();
    }

    @Test
    void theTekunLimitsCanDiffer() {
        // a 70-year-old alone, no income; deposits 40,000 above 低保's 30,780 for one person
        Households h = household();
        h.member("冯老", 70, true, null, null, null, false, Labour.NONE, Schooling.NONE);
        h.owned(null, AssetKind.DEPOSIT, 4_000_000, 1, null);
        assertThat(run(h, PropertyRules.NATIONAL).programme(Programme.TEKUN).eligible()).isFalse();
        PropertyRules.Limits tekun = new PropertyRules.Limits(500, 0, null, 1, null, 0, null, null, null);
        EligibilityResult r = run(h, new PropertyRules(null, null, null, tekun, null, null, null));
        assertThat(r.programme(Programme.TEKUN).eligible()).isTrue();
        assertThat(r.programme(Programme.DIBAO).eligible()).isFalse();
        // and stricter: a recent home fails 特困 only
        PropertyRules.Limits strict = new PropertyRules.Limits(500, 0, null, 1, null, 0, null, 3, 0);
        Households home = household();
        home.member("冯老", 70, true, null, null, null, false, Labour.NONE, Schooling.NONE);
        home.owned(null, AssetKind.REAL_ESTATE, 0, 1, LocalDate.of(2025, 1, 1));
        EligibilityResult s = run(home, new PropertyRules(null, null, null, strict, null, null, null));
        assertThat(s.programme(Programme.TEKUN).eligible()).isFalse();
        assertThat(s.programme(Programme.TEKUN).rules()).anyMatch(o -> o.code() == RuleCode.RECENT_HOME && !o.passed());
        assertThat(s.programme(Programme.DIBAO).eligible()).isTrue(); // 低保 has no rule on recent purchases here
    }

    @Test
    void theRigidLimitsCanDiffer() {
        // income 3,500 a month for one: above the 边缘 line, below 48,000 a year; 刚性支出 of 50,000; one vehicle
        Households h = household();
        long a = h.adult("陈一");
        h.income(a, 350_000).expense(5_000_000).owned(null, AssetKind.VEHICLE, 3_000_000, 1, null);
        assertThat(run(h, PropertyRules.NATIONAL).programme(Programme.RIGID_EXPENDITURE).eligible()).isFalse();
        PropertyRules.Limits rigid = new PropertyRules.Limits(300, 1, null, 1, null, 10_000_000, null, null, null);
        EligibilityResult r = run(h, new PropertyRules(null, null, null, null, null, rigid, null));
        assertThat(r.programme(Programme.RIGID_EXPENDITURE).eligible()).isTrue();
    }
}
