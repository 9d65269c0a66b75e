package cn.dibao.eligibility;

import cn.dibao.engine.EligibilityEngine;
import cn.dibao.engine.EligibilityResult;
import cn.dibao.engine.Parameters;
import cn.dibao.engine.Programme;
import cn.dibao.engine.RuleCode;
import cn.dibao.engine.RuleOutcome;
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
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The simulator's SQL and the engine must agree, household by household, on 低保 eligibility and
 * amount and on the 低保边缘 income band — over every household of the demo county (the 300
 * generated ones and whatever other tests registered there).
 */
@IntegrationTest
class StandardSimulatorConsistencyTest {

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
    void sqlAndEngineAgreeForEveryHouseholdOfTheCounty() {
        List<StandardSimulator.HouseholdOutcome> sql = simulator.outcomes(Fixtures.COUNTY, MONTH);
        assertThat(sql).hasSizeGreaterThanOrEqualTo(250);
        AsStaff.call(users, "reviewer", () -> {
            int dibao = 0;
            for (StandardSimulator.HouseholdOutcome o : sql) {
                HouseholdFile file = households.file(o.householdId());
                StandardVersion v = standards.inForce(file.areaCode(), file.hukouType(), MONTH).orElseThrow();
                assertThat(v.id()).isEqualTo(o.standardId());
                EligibilityResult r = engine.evaluate(SnapshotFactory.of(file, MONTH, v.dibao().incomeReferenceMonths()), ParametersFactory.of(v));
                String expected = category(r);
                assertThat(o.category()).as("category of household %d", o.householdId()).isEqualTo(expected);
                assertThat(o.amount()).as("低保 amount of household %d", o.householdId())
                        .isEqualByComparingTo(r.programme(Programme.DIBAO).amount());
                if (expected.equals("DIBAO")) {
                    dibao++;
                }
            }
            assertThat(dibao).as("the demo data has 低保 households to compare").isGreaterThan(10);
            return null;
        });
    }

    @Test
    void simulatedGainsAndLossesMatchTheEngineUnderTheNewStandard() {
        BigDecimal proposed = new BigDecimal("1000.00");
        StandardSimulator.Simulation sim = AsStaff.call(users, "admin",
                () -> simulator.simulate(Fixtures.COUNTY, MONTH, proposed));
        Map<Long, StandardSimulator.HouseholdOutcome> before = simulator.outcomes(Fixtures.COUNTY, MONTH).stream()
                .collect(Collectors.toMap(StandardSimulator.HouseholdOutcome::householdId, Function.identity()));
        long[] gain = {0};
        long[] lose = {0};
        BigDecimal[] costAfter = {BigDecimal.ZERO};
        AsStaff.call(users, "reviewer", () -> {
            for (long id : before.keySet()) {
                HouseholdFile file = households.file(id);
                StandardVersion v = standards.inForce(file.areaCode(), file.hukouType(), MONTH).orElseThrow();
                Parameters p = ParametersFactory.of(v);
                if (v.areaCode().equals(Fixtures.COUNTY)) {
                    p = withStandard(p, 100_000);
                }
                EligibilityResult r = engine.evaluate(SnapshotFactory.of(file, MONTH, v.dibao().incomeReferenceMonths()), p);
                boolean wasDibao = before.get(id).category().equals("DIBAO");
                boolean isDibao = r.programme(Programme.DIBAO).eligible();
                gain[0] += !wasDibao && isDibao ? 1 : 0;
                lose[0] += wasDibao && !isDibao ? 1 : 0;
                costAfter[0] = costAfter[0].add(r.programme(Programme.DIBAO).amount());
            }
            return null;
        });
        assertThat(sim.households()).isEqualTo(before.size());
        assertThat(sim.gain()).isEqualTo(gain[0]).isPositive();
        assertThat(sim.lose()).isEqualTo(lose[0]);
        assertThat(sim.costAfter()).isEqualByComparingTo(costAfter[0]);
        assertThat(sim.costDifference()).isPositive();
    }

    /**
     * A county whose standard has its own 分类施保 ages (elderly from 55, minor under 16): the
     * simulator reads each member's birth date instead of the national-age counts and must still
     * match the engine household by household, before and after a new standard, at the boundaries.
     */
    @Test
    void sqlAndEngineAgreeUnderLocalTopUpAges() {
        TestCounty test = new TestCounty(jdbc);
        String reviewer = fixtures.user(test.county, "Ages-test-2026", "REVIEWER");
        String admin = fixtures.user(test.county, "Ages-test-2026", "ADMIN");
        jdbc.update("""
                insert into subsidy_standard (area_code, effective_from, dibao_standard, tekun_basic, rounding_rule,
                    topup_elderly_mode, topup_elderly_value, topup_minor_mode, topup_minor_value,
                    topup_disability_mode, topup_disability_value, topup_stacking, topup_elderly_age, topup_minor_age)
                values (?, date '2026-01-01', 855.55, 1112.22, 'UP_YUAN', 'PERCENT', 15.5, 'FIXED', 80,
                    'FIXED', 101.01, 'ONCE', 55, 16)
                """, test.county);
        List<Long> ids = List.of(
                // 58: elderly from 55, not from 60
                test.household(new String[][]{{"1968-03-01", null, "TRANSFER", "300.00"}}),
                // exactly 55 on the first of the month, and one day short of it
                test.household(new String[][]{{"1971-07-01", null, "WAGE", "200.00"}, {"1971-07-02", null, null, null}}),
                // 17 and exactly 16: not minors under 16; 15 is
                test.household(new String[][]{{"1986-01-01", null, "WAGE", "1500.00"}, {"2009-03-01", null, null, null},
                        {"2010-07-01", null, null, null}, {"2010-07-02", null, null, null}}),
                // elderly and severely disabled: the higher top-up once
                test.household(new String[][]{{"1960-01-01", "2", "TRANSFER", "100.00"}, {"1990-01-01", null, null, null}}));
        List<StandardSimulator.HouseholdOutcome> sql = simulator.outcomes(test.county, MONTH);
        assertThat(sql).extracting(StandardSimulator.HouseholdOutcome::householdId).containsExactlyInAnyOrderElementsOf(ids);
        StandardSimulator.Simulation sim = AsStaff.call(users, admin,
                () -> simulator.simulate(test.county, MONTH, new BigDecimal("1000.00")));
        BigDecimal[] national = {BigDecimal.ZERO};
        BigDecimal[] before = {BigDecimal.ZERO};
        BigDecimal[] after = {BigDecimal.ZERO};
        AsStaff.call(users, reviewer, () -> {
            for (StandardSimulator.HouseholdOutcome o : sql) {
                HouseholdFile file = households.file(o.householdId());
                StandardVersion v = standards.inForce(file.areaCode(), file.hukouType(), MONTH).orElseThrow();
                Parameters p = ParametersFactory.of(v);
                assertThat(p.topUpElderlyAge()).isEqualTo(55);
                assertThat(p.topUpMinorAge()).isEqualTo(16);
                EligibilityResult r = engine.evaluate(SnapshotFactory.of(file, MONTH, v.dibao().incomeReferenceMonths()), p);
                assertThat(o.category()).as("category of household %d", o.householdId()).isEqualTo(category(r));
                assertThat(o.amount()).as("低保 amount of household %d", o.householdId())
                        .isEqualByComparingTo(r.programme(Programme.DIBAO).amount());
                before[0] = before[0].add(r.programme(Programme.DIBAO).amount());
                after[0] = after[0].add(engine.evaluate(SnapshotFactory.of(file, MONTH, v.dibao().incomeReferenceMonths()), withStandard(p, 100_000))
                        .programme(Programme.DIBAO).amount());
                national[0] = national[0].add(engine.evaluate(SnapshotFactory.of(file, MONTH, v.dibao().incomeReferenceMonths()), withAges(p, 60, 18))
                        .programme(Programme.DIBAO).amount());
            }
            return null;
        });
        assertThat(sql).allMatch(o -> o.category().equals("DIBAO"));
        assertThat(sim.costBefore()).isEqualByComparingTo(before[0]);
        assertThat(sim.costAfter()).isEqualByComparingTo(after[0]);
        assertThat(before[0]).as("the local ages change the amounts").isNotEqualByComparingTo(national[0]);
    }

    /**
     * 转移净收入 (ADR 0006): 社保缴费 and 赡养支出 are deducted, and the 赡养费 an obligor pays counts,
     * in the month facts as in the engine. An isolated county (TestCounty) with the seeds' 855.
     */
    @Test
    void transferSpendingAndSupportReceivedAgreeWithTheEngine() {
        TestCounty place = new TestCounty(jdbc);
        String county = place.county;
        String village = place.village;
        String reviewer = fixtures.user(county, "Transfer-test-2026", "REVIEWER");
        jdbc.update("insert into subsidy_standard (area_code, effective_from, dibao_standard, tekun_basic) "
                + "values (?, date '2026-01-01', 855.00, 1120.00)", county);
        List<Long> ids = new ArrayList<>();
        // pension 1000, 社保缴费 200 → 800 counted → 55
        long pension = household(village);
        long p1 = member(pension, "1980-01-01", true);
        income(pension, p1, "TRANSFER", "1000.00");
        deduction(pension, p1, "SOCIAL_INSURANCE", "200.00");
        ids.add(pension);
        // wage 900, 赡养支出 100 paid by the household → 800 → 55
        long supportPaid = household(village);
        income(supportPaid, member(supportPaid, "1980-01-01", true), "WAGE", "900.00");
        deduction(supportPaid, null, "SUPPORT_PAID", "100.00");
        ids.add(supportPaid);
        // 社保缴费 of a member who does not live with the household: not deducted → 1000, not 低保
        long away = household(village);
        income(away, member(away, "1980-01-01", true), "TRANSFER", "1000.00");
        deduction(away, member(away, "1982-01-01", false), "SOCIAL_INSURANCE", "200.00");
        ids.add(away);
        // 赡养费 500 to the household → 355
        long received = household(village);
        member(received, "1980-01-01", true);
        obligor(received, null, "500.00");
        ids.add(received);
        // 赡养费 500 to a member who does not live with the household → not counted → 855
        long notCounted = household(village);
        member(notCounted, "1980-01-01", true);
        obligor(notCounted, member(notCounted, "1950-01-01", false), "500.00");
        ids.add(notCounted);
        // 赡养费 300 to the counted head with wage 700 → 1000 → 边缘 band
        long edge = household(village);
        long head = member(edge, "1980-01-01", true);
        income(edge, head, "WAGE", "700.00");
        obligor(edge, head, "300.00");
        ids.add(edge);

        Map<Long, StandardSimulator.HouseholdOutcome> sql = assertMatchesEngine(county, reviewer, ids);
        assertThat(sql.get(pension).amount()).isEqualByComparingTo("55.00");
        assertThat(sql.get(supportPaid).amount()).isEqualByComparingTo("55.00");
        assertThat(sql.get(away).category()).isEqualTo("DIBAO_EDGE");
        assertThat(sql.get(received).amount()).isEqualByComparingTo("355.00");
        assertThat(sql.get(notCounted).amount()).isEqualByComparingTo("855.00");
        assertThat(sql.get(edge).category()).isEqualTo("DIBAO_EDGE");

        // an obligor's payment changed with plain SQL: the trigger on obligor must mark the household
        jdbc.update("update obligor set monthly_support = 600.00 where household_id = ?", received);
        sql = assertMatchesEngine(county, reviewer, ids);
        assertThat(sql.get(received).amount()).isEqualByComparingTo("255.00");
    }

    /**
     * The property rules of ADR 0019 in the month facts as in the engine: other assets against the 低保 limit, a
     * home bought within 3 years, non-residential property (none allowed), and 低保边缘 limits of its own (6 ×
     * the yearly standard, no rule on other assets or non-residential property: its own limits replace 低保's
     * whole). One adult per household, 855 a month.
     */
    @Test
    void propertyRulesAndEdgeLimitsAgreeWithTheEngine() {
        TestCounty place = new TestCounty(jdbc);
        String county = place.county;
        String village = place.village;
        String reviewer = fixtures.user(county, "Property-test-2026", "REVIEWER");
        long standard = jdbc.queryForObject("insert into subsidy_standard (area_code, effective_from, dibao_standard, "
                + "tekun_basic, max_other_assets, recent_home_years, max_non_residential) "
                + "values (?, date '2026-01-01', 855.00, 1120.00, 10000.00, 3, 0) returning id", Long.class, county);
        jdbc.update("insert into standard_property (standard_id, programme, money_assets_multiple, max_vehicles, "
                + "max_homes, max_business_capital) values (?, 'DIBAO_EDGE', 6, 0, 1, 100000)", standard);
        Map<String, Long> h = new java.util.LinkedHashMap<>();
        h.put("otherAbove", person(village, null, "OTHER", "20000.00", 1, null));
        h.put("otherWithin", person(village, null, "OTHER", "5000.00", 1, null));
        h.put("recentHome", person(village, null, "REAL_ESTATE", "300000.00", 1, "2025-01-01"));
        h.put("oldHome", person(village, null, "REAL_ESTATE", "300000.00", 1, "2020-01-01"));
        h.put("boundaryHome", person(village, null, "REAL_ESTATE", "300000.00", 1, "2023-07-01"));
        h.put("shop", person(village, null, "NON_RESIDENTIAL", "500000.00", 1, null));
        h.put("edgeDeposits", person(village, "1000.00", "DEPOSIT", "40000.00", 1, null));
        h.put("poorDeposits", person(village, null, "DEPOSIT", "40000.00", 1, null));
        h.put("edgeTooMuch", person(village, "1000.00", "DEPOSIT", "70000.00", 1, null));
        h.put("edgeOther", person(village, "1000.00", "OTHER", "20000.00", 1, null));
        h.put("edgeShop", person(village, "1000.00", "NON_RESIDENTIAL", "500000.00", 1, null));

        Map<Long, StandardSimulator.HouseholdOutcome> sql = assertMatchesEngine(county, reviewer,
                new ArrayList<>(h.values()));
        Map<String, String> expected = Map.ofEntries(Map.entry("otherAbove", "NONE"), Map.entry("otherWithin", "DIBAO"),
                Map.entry("recentHome", "NONE"), Map.entry("oldHome", "DIBAO"), Map.entry("boundaryHome", "DIBAO"),
                Map.entry("shop", "NONE"), Map.entry("edgeDeposits", "DIBAO_EDGE"), Map.entry("poorDeposits", "NONE"),
                Map.entry("edgeTooMuch", "NONE"), Map.entry("edgeOther", "DIBAO_EDGE"), Map.entry("edgeShop", "DIBAO_EDGE")); // 边缘's own limits have no rule on it
        expected.forEach((name, category) -> assertThat(sql.get(h.get(name)).category()).as(name).isEqualTo(category));
    }

    /** A household of one adult born 1980 with an optional wage and one asset (bought on {@code acquired}). */
    private long person(String village, String wage, String assetType, String value, int quantity, String acquired) {
        long household = household(village);
        long p = member(household, "1980-01-01", true);
        if (wage != null) {
            income(household, p, "WAGE", wage);
        }
        jdbc.update("insert into asset_item (household_id, person_id, type, value, quantity, period_from, acquired_on) "
                + "values (?, ?, ?, ?, ?, date '2026-01-01', cast(? as date))", household, p, assetType,
                new BigDecimal(value), quantity, acquired);
        return household;
    }

    /**
     * §4.1 flags decide who is counted (ADR 0016), in the month facts as in the engine: a son serving a
     * sentence is not counted (his wage neither), counted again with the caseworker's override, and counted
     * once the flag is cleared (with plain SQL: the trigger on person must mark the household).
     */
    @Test
    void flaggedMembersAreCountedAsTheEngineCountsThem() {
        TestCounty place = new TestCounty(jdbc);
        String county = place.county;
        String village = place.village;
        String reviewer = fixtures.user(county, "Flag-test-2026", "REVIEWER");
        jdbc.update("insert into subsidy_standard (area_code, effective_from, dibao_standard, tekun_basic) "
                + "values (?, date '2026-01-01', 855.00, 1120.00)", county);
        // head without income, son with a wage of 1,500 serving a sentence → 1 person, 855
        long prison = household(village);
        member(prison, "1975-01-01", true);
        long son = member(prison, "1990-01-01", true);
        income(prison, son, "WAGE", "1500.00");
        jdbc.update("update person set serving_sentence = true where id = ?", son);
        // the same, but 监外执行 and back home: counted by override → 2 persons, 750 each → 210
        long parole = household(village);
        member(parole, "1975-01-01", true);
        long paroled = member(parole, "1990-01-01", true);
        income(parole, paroled, "WAGE", "1500.00");
        jdbc.update("update person set serving_sentence = true where id = ?", paroled);
        jdbc.update("update household_member set count_override_reason = '监外执行，已回家居住' where person_id = ?",
                paroled);
        // a daughter declared missing and clergy: not counted → 855
        long missing = household(village);
        member(missing, "1975-01-01", true);
        long daughter = member(missing, "1992-01-01", true);
        income(missing, daughter, "WAGE", "1500.00");
        jdbc.update("update person set declared_missing = true, clergy_apart = true where id = ?", daughter);
        List<Long> ids = List.of(prison, parole, missing);

        Map<Long, StandardSimulator.HouseholdOutcome> sql = assertMatchesEngine(county, reviewer, ids);
        assertThat(sql.get(prison).amount()).isEqualByComparingTo("855.00");
        assertThat(sql.get(parole).amount()).isEqualByComparingTo("210.00");
        assertThat(sql.get(missing).amount()).isEqualByComparingTo("855.00");

        // released: the flag cleared, he counts again
        jdbc.update("update person set serving_sentence = false where id = ?", son);
        sql = assertMatchesEngine(county, reviewer, ids);
        assertThat(sql.get(prison).amount()).isEqualByComparingTo("210.00");
    }

    /**
     * ADR 0020, 0021: items starting inside the 收入计算期, ending inside it, spanning it and lying before it, under
     * a county version of 12 months and a township override of 4 months (each household averages by the version
     * in force for it), with the 低保 exclusions of the national sets; the simulated new standard as well.
     */
    @Test
    void averagedIncomeAgreesWithTheEnginePerVersionInForce() {
        TestCounty place = new TestCounty(jdbc);
        String county = place.county;
        String reviewer = fixtures.user(county, "Period-test-2026", "REVIEWER");
        String admin = fixtures.user(county, "Period-test-2026", "ADMIN");
        jdbc.update("insert into subsidy_standard (area_code, effective_from, dibao_standard, tekun_basic, "
                + "income_reference_months, employment_cost_pct) values (?, date '2026-01-01', 855.00, 1120.00, 12, 25)",
                county);
        String other = county.substring(0, 6) + "002000";
        jdbc.update("insert into area (code, name, level, parent_code) values (?, ?, 'TOWNSHIP', ?)", other,
                Fixtures.unique("期间测试"), county);
        String otherVillage = county.substring(0, 6) + "002201";
        jdbc.update("insert into area (code, name, level, parent_code) values (?, ?, 'VILLAGE', ?)", otherVillage,
                Fixtures.unique("期间测试"), other);
        jdbc.update("insert into subsidy_standard (area_code, effective_from, dibao_standard, tekun_basic, "
                + "income_reference_months) values (?, date '2026-03-01', 900.00, 1170.00, 4)", other);
        List<Long> ids = new ArrayList<>();
        for (String village : List.of(place.village, otherVillage)) {
            long spans = household(village);
            incomeOver(spans, member(spans, "1980-01-01", true), "WAGE", "1300.00", "2024-01-01", null, null);
            ids.add(spans);
            long startsInside = household(village);
            incomeOver(startsInside, member(startsInside, "1980-01-01", true), "WAGE", "3000.00", "2026-05-20", null,
                    null);
            ids.add(startsInside);
            long endsInside = household(village);
            long e = member(endsInside, "1960-01-01", true);
            incomeOver(endsInside, e, "BUSINESS", "2500.00", "2025-01-01", "2026-04-10", null);
            incomeOver(endsInside, e, "TRANSFER", "183.00", "2019-01-01", null, "BASIC_PENSION");
            incomeOver(endsInside, e, "TRANSFER", "100.00", "2019-01-01", null, "ELDERLY_ALLOWANCE");
            incomeOver(endsInside, e, "TRANSFER", "800.00", "2019-01-01", null, "PREFERENTIAL_PENSION");
            ids.add(endsInside);
            long before = household(village);
            incomeOver(before, member(before, "1980-01-01", true), "WAGE", "5000.00", "2024-01-01", "2025-06-30",
                    null);
            ids.add(before);
            long edge = household(village);
            incomeOver(edge, member(edge, "1980-01-01", true), "OTHER", "1100.00", "2026-01-01", null, null);
            ids.add(edge);
        }
        Map<Long, StandardSimulator.HouseholdOutcome> sql = assertMatchesEngine(county, reviewer, ids);
        assertThat(sql.values()).extracting(StandardSimulator.HouseholdOutcome::category)
                .contains("DIBAO", "DIBAO_EDGE", "NONE");
        // the same household pattern averages otherwise under the township's 4 months than the county's 12
        assertThat(sql.get(ids.get(1)).amount()).isNotEqualByComparingTo(sql.get(ids.get(6)).amount());
        StandardSimulator.Simulation sim = AsStaff.call(users, admin,
                () -> simulator.simulate(county, MONTH, new BigDecimal("1000.00")));
        BigDecimal[] after = {BigDecimal.ZERO};
        AsStaff.call(users, reviewer, () -> {
            for (long id : ids) {
                HouseholdFile file = households.file(id);
                StandardVersion v = standards.inForce(file.areaCode(), file.hukouType(), MONTH).orElseThrow();
                Parameters p = ParametersFactory.of(v);
                EligibilityResult r = engine.evaluate(SnapshotFactory.of(file, MONTH, v.dibao().incomeReferenceMonths()),
                        v.areaCode().equals(county) ? withStandard(p, 100_000) : p);
                after[0] = after[0].add(r.programme(Programme.DIBAO).amount());
            }
            return null;
        });
        assertThat(sim.costAfter()).isEqualByComparingTo(after[0]);
    }

    private void incomeOver(long household, long person, String category, String amount, String from, String to,
                            String exclusion) {
        jdbc.update("""
                insert into income_item (household_id, person_id, category, monthly_amount, period_from, period_to,
                    excluded, exclusion_reason)
                values (?, ?, ?, ?, cast(? as date), cast(? as date), ?, ?)""", household, person, category,
                new BigDecimal(amount), from, to, exclusion != null, exclusion);
    }

    private Map<Long, StandardSimulator.HouseholdOutcome> assertMatchesEngine(String county, String reviewer,
                                                                             List<Long> ids) {
        List<StandardSimulator.HouseholdOutcome> outcomes = simulator.outcomes(county, MONTH);
        assertThat(outcomes).extracting(StandardSimulator.HouseholdOutcome::householdId)
                .containsExactlyInAnyOrderElementsOf(ids);
        AsStaff.call(users, reviewer, () -> {
            for (StandardSimulator.HouseholdOutcome o : outcomes) {
                HouseholdFile file = households.file(o.householdId());
                StandardVersion v = standards.inForce(file.areaCode(), file.hukouType(), MONTH).orElseThrow();
                EligibilityResult r = engine.evaluate(SnapshotFactory.of(file, MONTH, v.dibao().incomeReferenceMonths()), ParametersFactory.of(v));
                assertThat(o.category()).as("category of household %d", o.householdId()).isEqualTo(category(r));
                assertThat(o.amount()).as("低保 amount of household %d", o.householdId())
                        .isEqualByComparingTo(r.programme(Programme.DIBAO).amount());
            }
            return null;
        });
        return outcomes.stream().collect(Collectors.toMap(StandardSimulator.HouseholdOutcome::householdId,
                Function.identity()));
    }

    private long household(String village) {
        return jdbc.queryForObject("insert into household (area_code, address, hukou_type) values (?, ?, 'URBAN') "
                + "returning id", Long.class, village, Fixtures.unique("转移测试地址"));
    }

    /** A member living together since 2025 (the first one is head), or one recorded as not living together. */
    private long member(long household, String born, boolean counted) {
        long person = jdbc.queryForObject("""
                insert into person (name, id_type, id_number, sex, birth_date)
                values (?, 'RESIDENT_ID', ?, 'M', cast(? as date)) returning id""", Long.class,
                Fixtures.unique("转移"), Fixtures.newIdNumber(LocalDate.parse(born), true), born);
        boolean head = jdbc.queryForObject("select head_person_id is null from household where id = ?",
                Boolean.class, household);
        jdbc.update("insert into household_member (household_id, person_id, relation, joined_on, counted, "
                + "not_counted_reason) values (?, ?, ?, date '2025-01-01', ?, ?)", household, person,
                head ? "HEAD" : "CHILD", counted, counted ? null : "NOT_LIVING_TOGETHER");
        if (head) {
            jdbc.update("update household set head_person_id = ? where id = ?", person, household);
        }
        return person;
    }

    private void income(long household, long person, String category, String amount) {
        jdbc.update("insert into income_item (household_id, person_id, category, monthly_amount, period_from) "
                + "values (?, ?, ?, ?, date '2026-01-01')", household, person, category, new BigDecimal(amount));
    }

    private void deduction(long household, Long person, String type, String amount) {
        jdbc.update("insert into deduction_item (household_id, person_id, type, monthly_amount, period_from) "
                + "values (?, ?, ?, ?, date '2026-01-01')", household, person, type, new BigDecimal(amount));
    }

    private void obligor(long household, Long supported, String amount) {
        jdbc.update("insert into obligor (household_id, name, relation, supported_person_id, able_to_support, "
                + "monthly_support, override_reason) values (?, ?, 'SUPPORT_PARENT', ?, 'NO', ?, '本人无力赡养')", household,
                Fixtures.unique("义务人"), supported, new BigDecimal(amount));
    }

    /** The categories the simulator knows: 低保, the 边缘 income band with property in limits, or none. */
    private static String category(EligibilityResult r) {
        if (r.programme(Programme.DIBAO).eligible()) {
            return "DIBAO";
        }
        List<RuleOutcome> edge = r.programme(Programme.DIBAO_EDGE).rules();
        boolean band = edge.stream().filter(x -> x.code() == RuleCode.EDGE_FLOOR || x.code() == RuleCode.EDGE_CEILING
                || x.code() == RuleCode.PROPERTY).allMatch(RuleOutcome::passed);
        return band ? "DIBAO_EDGE" : "NONE";
    }

    private static Parameters withAges(Parameters p, int elderly, int minor) {
        return new Parameters(p.standardId(), p.label(), p.dibaoFen(), p.rounding(), p.minBenefitFen(),
                p.employmentCostBp(), p.deductMedical(), p.deductEducation(), p.deductRehabilitation(), p.deductRent(),
                p.elderly(), p.minor(), p.disability(), p.illness(), p.stacking(), p.moneyAssetsMultipleHundredths(),
                p.maxVehicles(), p.maxVehicleValueFen(), p.maxHomes(), p.maxFloorAreaPerPersonHundredths(),
                p.maxBusinessCapitalFen(), p.tekunBasicFen(), p.careHomeSelfFen(), p.careHomePartialFen(),
                p.careHomeFullFen(), p.careInstSelfFen(), p.careInstPartialFen(), p.careInstFullFen(),
                p.tekunMinorAge(), p.edgeMultiplierHundredths(), p.singleBasis(), p.singleShareBp(),
                p.singleRequiresEdge(), p.rigidRatioBp(), p.disposableIncomeLastYearFen(),
                p.tempReliefCapHundredths(), p.tempReliefTownshipHundredths(), elderly, minor, p.tekunSchoolAge(), p.income(), p.propertyRules(), p.single());
    }

    private static Parameters withStandard(Parameters p, long fen) {
        return new Parameters(p.standardId(), p.label(), fen, p.rounding(), p.minBenefitFen(), p.employmentCostBp(),
                p.deductMedical(), p.deductEducation(), p.deductRehabilitation(), p.deductRent(), p.elderly(),
                p.minor(), p.disability(), p.illness(), p.stacking(), p.moneyAssetsMultipleHundredths(),
                p.maxVehicles(), p.maxVehicleValueFen(), p.maxHomes(), p.maxFloorAreaPerPersonHundredths(),
                p.maxBusinessCapitalFen(), p.tekunBasicFen(), p.careHomeSelfFen(), p.careHomePartialFen(),
                p.careHomeFullFen(), p.careInstSelfFen(), p.careInstPartialFen(), p.careInstFullFen(),
                p.tekunMinorAge(), p.edgeMultiplierHundredths(), p.singleBasis(), p.singleShareBp(),
                p.singleRequiresEdge(), p.rigidRatioBp(), p.disposableIncomeLastYearFen(),
                p.tempReliefCapHundredths(), p.tempReliefTownshipHundredths(), p.topUpElderlyAge(), p.topUpMinorAge(),
                p.tekunSchoolAge(), p.income(), p.propertyRules(), p.single());
    }
}
