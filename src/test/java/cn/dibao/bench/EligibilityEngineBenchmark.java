package cn.dibao.bench;

import cn.dibao.engine.EligibilityEngine;
import cn.dibao.engine.EligibilityResult;
import cn.dibao.engine.IncomeRules;
import cn.dibao.engine.PropertyRules;
import cn.dibao.engine.SingleRules;
import cn.dibao.engine.HouseholdSnapshot;
import cn.dibao.engine.HouseholdSnapshot.Asset;
import cn.dibao.engine.HouseholdSnapshot.AssetKind;
import cn.dibao.engine.HouseholdSnapshot.Income;
import cn.dibao.engine.HouseholdSnapshot.IncomeKind;
import cn.dibao.engine.HouseholdSnapshot.Labour;
import cn.dibao.engine.HouseholdSnapshot.Member;
import cn.dibao.engine.HouseholdSnapshot.Obligor;
import cn.dibao.engine.HouseholdSnapshot.ObligorAbility;
import cn.dibao.engine.HouseholdSnapshot.Schooling;
import cn.dibao.engine.HouseholdSnapshot.SelfCare;
import cn.dibao.engine.Parameters;
import cn.dibao.engine.Programme;
import cn.dibao.engine.RoundingRule;
import cn.dibao.engine.SingleBasis;
import cn.dibao.engine.TopUpMode;
import cn.dibao.engine.TopUpStacking;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 4's target: the engine evaluates at least 200,000 households per second on one core.
 * 1M synthetic snapshots (the shape of the generated registry: 1–5 members, wages, pensions,
 * some disabilities, assets, expenses) are built first, then evaluated on one thread, 3 rounds.
 * Run: {@code ./mvnw -Pbench test -Dtest=EligibilityEngineBenchmark}.
 */
@Tag("benchmark")
class EligibilityEngineBenchmark {

    static final int N = Integer.getInteger("bench.snapshots", 1_000_000);

    @Test
    void householdsPerSecondOnOneCore() {
        List<HouseholdSnapshot> snapshots = generate(N, 7L);
        Parameters p = params();
        EligibilityEngine engine = new EligibilityEngine();
        Map<Programme, Integer> categories = new EnumMap<>(Programme.class);
        double best = 0;
        for (int round = 1; round <= 3; round++) {
            long t = System.nanoTime();
            long checksum = 0;
            for (HouseholdSnapshot h : snapshots) {
                EligibilityResult r = engine.evaluate(h, p);
                checksum += r.monthlyTotal().unscaledValue().longValue();
                if (round == 1 && r.category() != null) {
                    categories.merge(r.category(), 1, Integer::sum);
                }
            }
            double seconds = (System.nanoTime() - t) / 1e9;
            double rate = N / seconds;
            best = Math.max(best, rate);
            System.out.printf(Locale.ROOT, "BENCH engine round %d: %d households in %.2fs = %.0f households/s (checksum %d)%n",
                    round, N, seconds, rate, checksum);
        }
        System.out.println("BENCH engine categories " + categories + " " + BenchmarkSupport.machine());
        System.out.printf(Locale.ROOT, "BENCH engine best %.0f households/s on one thread%n", best);
        assertThat(best).as("households per second on one core").isGreaterThanOrEqualTo(200_000);
    }

    static Parameters params() {
        return new Parameters(1L, "基准", 85_500, RoundingRule.UP_YUAN, 0, 0, true, true, true, false,
                new Parameters.TopUp(TopUpMode.FIXED, 5_000), new Parameters.TopUp(TopUpMode.PERCENT, 500),
                new Parameters.TopUp(TopUpMode.FIXED, 10_000), new Parameters.TopUp(TopUpMode.FIXED, 10_000),
                TopUpStacking.ONCE, 300, 0, null, 1, null, 10_000_000, 112_000, 18_500, 37_000, 148_000, 27_800,
                55_500, 222_000, 18, 150, SingleBasis.SHARE, 5_000, true, 8_000, 4_800_000, 600, 300, 60, 18, 25,
                IncomeRules.NATIONAL, PropertyRules.NATIONAL, SingleRules.NATIONAL);
    }

    static List<HouseholdSnapshot> generate(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        YearMonth month = YearMonth.of(2026, 7);
        List<HouseholdSnapshot> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int size = 1 + r.nextInt(5);
            List<Member> members = new ArrayList<>(size);
            List<Income> incomes = new ArrayList<>(size);
            for (int k = 0; k < size; k++) {
                int age = k == 0 ? 25 + r.nextInt(65) : r.nextInt(90);
                boolean disabled = r.nextInt(100) < 6;
                members.add(new Member(k + 1, "成员", age, r.nextInt(100) < 97, null, disabled ? 1 + r.nextInt(7) : null,
                        disabled ? 1 + r.nextInt(4) : null, SelfCare.values()[r.nextInt(3)], r.nextInt(100) < 3,
                        age >= 60 ? Labour.PARTIAL : Labour.FULL, Schooling.NONE));
                if (age >= 18 && r.nextInt(100) < 60) {
                    incomes.add(new Income(k + 1, age >= 60 ? IncomeKind.TRANSFER : IncomeKind.WAGE, "收入",
                            20_000 + r.nextInt(300_000), false, null));
                }
                if (age >= 60) {
                    incomes.add(new Income(k + 1, IncomeKind.TRANSFER, "基础养老金", 18_300, true, "BASIC_PENSION"));
                }
            }
            List<Asset> assets = r.nextInt(100) < 30
                    ? List.of(new Asset(AssetKind.DEPOSIT, r.nextInt(6_000_000), 1, 0, false)) : List.of();
            List<Obligor> obligors = size == 1 ? List.of(new Obligor(null, r.nextBoolean() ? ObligorAbility.YES
                    : ObligorAbility.NO)) : List.of();
            List<HouseholdSnapshot.Expense> expenses = r.nextInt(100) < 10
                    ? List.of(new HouseholdSnapshot.Expense("MEDICAL", r.nextInt(5_000_000))) : List.of();
            list.add(new HouseholdSnapshot(month, "370211001001", true, members, incomes, List.of(), assets, expenses,
                    obligors));
        }
        return list;
    }
}
