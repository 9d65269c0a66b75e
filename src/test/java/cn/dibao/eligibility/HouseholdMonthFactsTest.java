package cn.dibao.eligibility;

import cn.dibao.engine.EligibilityEngine;
import cn.dibao.engine.EligibilityResult;
import cn.dibao.engine.Programme;
import cn.dibao.household.HouseholdFile;
import cn.dibao.household.HouseholdService;
import cn.dibao.standard.StandardService;
import cn.dibao.standard.StandardVersion;
import cn.dibao.support.AsStaff;
import cn.dibao.support.Fixtures;
import cn.dibao.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The simulator reads per-household facts kept by {@link HouseholdMonthFacts}. On an isolated
 * county (3799xx, no demo user's area) with a standard that rounds half up to the jiao, deducts
 * 就业成本 and pays 分类施保 as a percentage, the simulator must match the engine household by
 * household — before and after the data changes behind its back, which triggers must catch.
 */
@IntegrationTest
class HouseholdMonthFactsTest {

    static final YearMonth MONTH = YearMonth.of(2026, 7);

    @Autowired
    StandardSimulator simulator;
    @Autowired
    HouseholdService households;
    @Autowired
    StandardService standards;
    @Autowired
    UserDetailsService users;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Fixtures fixtures;

    private final EligibilityEngine engine = new EligibilityEngine();

    @Test
    void factsFollowEveryWriteAndTheSqlRoundsLikeTheEngine() {
        TestCounty test = new TestCounty(jdbc);
        String county = test.county;
        String reviewer = fixtures.user(county, "Facts-test-2026", "REVIEWER");
        jdbc.update("""
                insert into subsidy_standard (area_code, effective_from, dibao_standard, tekun_basic, rounding_rule,
                    employment_cost_pct, topup_elderly_mode, topup_elderly_value, topup_disability_mode,
                    topup_disability_value, topup_stacking)
                values (?, date '2026-01-01', 855.55, 1112.22, 'HALF_UP_JIAO', 20, 'PERCENT', 15.5, 'FIXED', 101.01, 'STACK')
                """, county);
        List<Long> ids = new ArrayList<>();
        // wages under and over the 就业成本 cap (20% of 855.55 = 171.11), pensions, elderly and disabled members
        ids.add(test.household(new String[][]{{"1980-01-01", null, "WAGE", "1000.33"}}));
        ids.add(test.household(new String[][]{{"1955-03-02", null, "TRANSFER", "300.07"},
                {"1958-05-05", "2", "WAGE", "120.00"}}));
        ids.add(test.household(new String[][]{{"1990-06-01", "1", "WAGE", "2500.00"},
                {"2015-02-03", null, null, null}, {"2012-09-09", null, null, null}}));
        ids.add(test.household(new String[][]{{"1966-07-01", null, "OTHER", "0.05"}}));
        ids.add(test.household(new String[][]{{"1985-01-01", null, "WAGE", "5000.00"}}));

        assertMatchesEngine(county, reviewer, ids);
        Timestamp built = jdbc.queryForObject("select built_at from household_month_fact_set where county_code = ? "
                + "and month = ?", Timestamp.class, county, MONTH.atDay(1));

        // changes made with plain SQL, not through the service: the triggers must still mark them
        long changed = ids.get(0);
        jdbc.update("update income_item set monthly_amount = 400.26 where household_id = ?", changed);
        long person = jdbc.queryForObject("select person_id from household_member where household_id = ? limit 1",
                Long.class, ids.get(4));
        jdbc.update("update person set birth_date = date '1950-01-01', disability_category = 1, disability_grade = 1 "
                + "where id = ?", person);
        jdbc.update("update household_member set counted = false, not_counted_reason = 'NOT_LIVING_TOGETHER' "
                + "where household_id = ? and person_id <> (select head_person_id from household where id = ?)",
                ids.get(2), ids.get(2));
        ids.add(test.household(new String[][]{{"1970-01-01", null, "BUSINESS", "333.33"}}));

        assertMatchesEngine(county, reviewer, ids);
        assertThat(jdbc.queryForObject("select built_at from household_month_fact_set where county_code = ? "
                + "and month = ?", Timestamp.class, county, MONTH.atDay(1)))
                .as("changes are applied household by household, not by rebuilding the set").isEqualTo(built);
        assertThat(jdbc.queryForObject("select count(*) from household_fact_dirty where household_id = any(?)",
                Integer.class, (Object) ids.toArray(Long[]::new))).isZero();
    }

    /**
     * ADR 0020, 0021: the facts average each item over the version's 收入计算期 and apply its 低保 exclusions with
     * their end dates; a change of the version's period or exclusions rebuilds the county's set (a trigger).
     */
    @Test
    void factsAverageOverTheVersionsPeriodAndFollowItsExclusions() {
        TestCounty test = new TestCounty(jdbc);
        String county = test.county;
        String reviewer = fixtures.user(county, "Facts-period-2026", "REVIEWER");
        long standard = jdbc.queryForObject("""
                insert into subsidy_standard (area_code, effective_from, dibao_standard, tekun_basic, rounding_rule,
                    employment_cost_pct, income_reference_months)
                values (?, date '2026-01-01', 855.55, 1112.22, 'HALF_UP_JIAO', 20, 7) returning id
                """, Long.class, county);
        List<Long> ids = new ArrayList<>();
        // {from, to, category, amount, exclusion}: over the 7 months 2026-01..07
        ids.add(withIncome(test, new String[][]{{"2024-01-01", null, "WAGE", "1000.33", null}}));        // spans it
        ids.add(withIncome(test, new String[][]{{"2026-05-10", null, "WAGE", "2000.00", null},         // starts inside
                {"2025-06-01", "2026-03-15", "BUSINESS", "700.01", null}}));                           // ends inside
        ids.add(withIncome(test, new String[][]{{"2025-01-01", "2025-12-31", "WAGE", "3000.00", null}, // before it
                {"2026-07-01", "2026-07-31", "OTHER", "333.33", null}}));                              // one month
        ids.add(withIncome(test, new String[][]{{"2020-01-01", null, "TRANSFER", "183.00", "BASIC_PENSION"},
                {"2020-01-01", null, "TRANSFER", "150.00", "ELDERLY_ALLOWANCE"},
                {"2020-01-01", null, "TRANSFER", "500.00", "PREFERENTIAL_PENSION"},
                {"2026-02-01", null, "WAGE", "800.00", null}}));
        List<BigDecimal> first = assertMatchesEngine(county, reviewer, ids);

        jdbc.update("update subsidy_standard set income_reference_months = 3 where id = ?", standard);
        List<BigDecimal> shorter = assertMatchesEngine(county, reviewer, ids);
        assertThat(shorter).as("a 3-month period averages otherwise").isNotEqualTo(first);

        // the city extends the 基础养老金 exclusion beyond the 十四五 period
        jdbc.update("update standard_income_exclusion set dibao_until = date '2030-12-31' "
                + "where standard_id = ? and category = 'BASIC_PENSION'", standard);
        List<BigDecimal> extended = assertMatchesEngine(county, reviewer, ids);
        assertThat(extended.get(3)).as("the pension no longer counts for 低保").isGreaterThan(shorter.get(3));
        assertThat(extended.subList(0, 3)).isEqualTo(shorter.subList(0, 3));
    }

    /** A one-person household with income items {from, to, category, amount, exclusion category}. */
    private long withIncome(TestCounty test, String[][] items) {
        long household = test.household(new String[][]{{"1950-01-01", null, null, null}});
        long person = jdbc.queryForObject("select head_person_id from household where id = ?", Long.class, household);
        for (String[] i : items) {
            jdbc.update("""
                    insert into income_item (household_id, person_id, category, monthly_amount, period_from, period_to,
                        excluded, exclusion_reason)
                    values (?, ?, ?, ?, cast(? as date), cast(? as date), ?, ?)""", household, person, i[2],
                    new BigDecimal(i[3]), i[0], i[1], i[4] != null, i[4]);
        }
        return household;
    }

    private List<BigDecimal> assertMatchesEngine(String county, String reviewer, List<Long> ids) {
        var outcomes = simulator.outcomes(county, MONTH);
        List<BigDecimal> amounts = new ArrayList<>();
        assertThat(outcomes).extracting(StandardSimulator.HouseholdOutcome::householdId)
                .containsExactlyInAnyOrderElementsOf(ids);
        AsStaff.call(users, reviewer, () -> {
            for (StandardSimulator.HouseholdOutcome o : outcomes) {
                HouseholdFile file = households.file(o.householdId());
                StandardVersion v = standards.inForce(file.areaCode(), file.hukouType(), MONTH).orElseThrow();
                EligibilityResult r = engine.evaluate(SnapshotFactory.of(file, MONTH, v.dibao().incomeReferenceMonths()), ParametersFactory.of(v));
                BigDecimal expected = r.programme(Programme.DIBAO).amount();
                assertThat(o.amount()).as("低保 amount of household %d", o.householdId()).isEqualByComparingTo(expected);
                assertThat(o.category().equals("DIBAO")).isEqualTo(r.programme(Programme.DIBAO).eligible());
            }
            return null;
        });
        assertThat(outcomes).anySatisfy(o -> assertThat(o.amount().remainder(BigDecimal.ONE)).isNotZero());
        // in the order of ids (outcomes come by household id, which is the order they were made)
        ids.forEach(id -> amounts.add(outcomes.stream().filter(o -> o.householdId() == id).findFirst()
                .orElseThrow().amount()));
        return amounts;
    }
}
