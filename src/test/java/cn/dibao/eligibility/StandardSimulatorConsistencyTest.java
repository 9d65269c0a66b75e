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
import java.time.YearMonth;
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
                EligibilityResult r = engine.evaluate(SnapshotFactory.of(file, MONTH), ParametersFactory.of(v));
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
                EligibilityResult r = engine.evaluate(SnapshotFactory.of(file, MONTH), p);
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
                p.tekunSchoolAge());
    }
}
