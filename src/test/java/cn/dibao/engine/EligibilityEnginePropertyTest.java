package cn.dibao.engine;

import cn.dibao.engine.EligibilityResult.ProgrammeResult;
import cn.dibao.engine.HouseholdSnapshot.Income;
import cn.dibao.engine.HouseholdSnapshot.IncomeKind;
import cn.dibao.engine.HouseholdSnapshot.Labour;
import cn.dibao.engine.HouseholdSnapshot.Member;
import cn.dibao.engine.HouseholdSnapshot.Schooling;
import cn.dibao.engine.HouseholdSnapshot.SelfCare;
import cn.dibao.support.Gen;
import cn.dibao.support.Seeds;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Properties of the benefit formulas that must hold for every household and every local rule,
 * checked on seeded random cases ({@link Seeds}).
 */
class EligibilityEnginePropertyTest {

    private final EligibilityEngine engine = new EligibilityEngine();

    record Case(HouseholdSnapshot household, Parameters params) {
    }

    static Stream<Long> seeds() {
        return Seeds.of(EligibilityEnginePropertyTest.class, 1000);
    }

    /** A household of 1–6 members with 0–6 wage incomes of up to 4000 yuan, under a random local rule. */
    static Case aCase(Gen gen) {
        List<Member> members = new ArrayList<>();
        for (Member m : gen.list(1, 6, () -> member(gen))) {
            int i = members.size() + 1;
            members.add(new Member(i, "成员" + i, m.age(), m.counted(), m.notCountedReason(), m.disabilityCategory(),
                    m.disabilityGrade(), m.selfCare(), m.seriousIllness(), m.labour(), m.schooling()));
        }
        List<Long> amounts = gen.list(0, 6, () -> gen.between(0L, 400_000L));
        Parameters p = params(gen);
        List<Income> items = new ArrayList<>();
        for (int i = 0; i < amounts.size(); i++) {
            items.add(new Income(members.get(i % members.size()).personId(), IncomeKind.WAGE, "收入", amounts.get(i),
                    false, null));
        }
        return new Case(new HouseholdSnapshot(Households.MONTH, "370211001001", true, members, items, List.of(),
                List.of(), List.of(), List.of()), p);
    }

    private static Member member(Gen gen) {
        int age = gen.between(0, 95);
        boolean counted = gen.oneOf(true, true, true, false);
        int cat = gen.between(0, 7);
        int grade = gen.between(1, 4);
        SelfCare care = gen.oneOf(SelfCare.values());
        boolean ill = gen.oneOf(true, false, false, false);
        Labour labour = gen.oneOf(Labour.values());
        return new Member(0, "成员", age, counted, counted ? null : "NOT_LIVING_TOGETHER", cat == 0 ? null : cat,
                cat == 0 ? null : grade, care, ill, labour, Schooling.NONE);
    }

    private static Parameters params(Gen gen) {
        long std = gen.between(30_000L, 150_000L);
        RoundingRule rounding = gen.oneOf(RoundingRule.values());
        TopUpStacking stacking = gen.oneOf(TopUpStacking.values());
        TopUpMode mode = gen.oneOf(TopUpMode.values());
        long pct = gen.between(0L, 2_000L);
        long fixed = gen.between(0L, 20_000L);
        Parameters base = Households.params(std, rounding);
        Parameters.TopUp t = mode == TopUpMode.PERCENT ? new Parameters.TopUp(TopUpMode.PERCENT, pct)
                : new Parameters.TopUp(TopUpMode.FIXED, fixed);
        return new Parameters(base.standardId(), base.label(), std, rounding, 0, 0, true, true, true, false, t, t,
                new Parameters.TopUp(TopUpMode.FIXED, fixed), t, stacking, base.moneyAssetsMultipleHundredths(),
                base.maxVehicles(), null, base.maxHomes(), null, base.maxBusinessCapitalFen(), (long) Math.ceil(std * 1.3),
                base.careHomeSelfFen(), base.careHomePartialFen(), base.careHomeFullFen(), base.careInstSelfFen(),
                base.careInstPartialFen(), base.careInstFullFen(), 18, 150, SingleBasis.SHARE, 5_000, true, 8_000,
                4_800_000, 600, 300, 60, 18, 25,
                base.income(), base.propertyRules(), base.single());
    }

    @ParameterizedTest(name = Seeds.NAME)
    @MethodSource("seeds")
    void aBenefitIsNeverNegative(long seed) {
        Seeds.check(seed, gen -> {
            Case c = aCase(gen);
            EligibilityResult r = engine.evaluate(c.household(), c.params());
            r.programmes().forEach(p -> assertThat(p.amount()).isGreaterThanOrEqualTo(BigDecimal.ZERO));
            assertThat(r.monthlyTotal()).isGreaterThanOrEqualTo(BigDecimal.ZERO);
        });
    }

    @ParameterizedTest(name = Seeds.NAME)
    @MethodSource("seeds")
    void theDibaoBenefitNeverRisesWhenIncomeRises(long seed) {
        Seeds.check(seed, gen -> {
            Case c = aCase(gen);
            long more = gen.between(1L, 300_000L);
            EligibilityResult before = engine.evaluate(c.household(), c.params());
            EligibilityResult after = engine.evaluate(withExtraIncome(c.household(), more), c.params());
            assertThat(after.programme(Programme.DIBAO).amount())
                    .isLessThanOrEqualTo(before.programme(Programme.DIBAO).amount());
        });
    }

    @ParameterizedTest(name = Seeds.NAME)
    @MethodSource("seeds")
    void theDibaoBenefitIsZeroAtOrAboveTheStandard(long seed) {
        Seeds.check(seed, gen -> {
            Case c = aCase(gen);
            EligibilityResult r = engine.evaluate(c.household(), c.params());
            long standardTotal = Money.fenToMicro(c.params().dibaoFen()) * r.countedMembers();
            if (r.netIncome() >= standardTotal) {
                assertThat(r.programme(Programme.DIBAO).eligible()).isFalse();
                assertThat(r.programme(Programme.DIBAO).amount()).isEqualByComparingTo("0");
            }
        });
    }

    /**
     * The per-capita form, (standard − per-capita income) × members, and the total form the engine
     * uses, standard × members − household income, give the same benefit under the rounding rule.
     */
    @ParameterizedTest(name = Seeds.NAME)
    @MethodSource("seeds")
    void perCapitaAndTotalFormsAgree(long seed) {
        Seeds.check(seed, gen -> {
            Case c = aCase(gen);
            Parameters p = Households.noTopUps(c.params());
            EligibilityResult r = engine.evaluate(c.household(), p);
            if (!r.programme(Programme.DIBAO).eligible()) {
                return;
            }
            int n = r.countedMembers();
            BigDecimal perCapita = Money.toYuan(r.netIncome()).divide(BigDecimal.valueOf(n), MathContext.DECIMAL128);
            BigDecimal standard = BigDecimal.valueOf(p.dibaoFen(), 2);
            // The product carries only the tail of the division; the exact value has two decimals.
            BigDecimal perCapitaForm = standard.subtract(perCapita).multiply(BigDecimal.valueOf(n))
                    .setScale(2, RoundingMode.HALF_EVEN);
            assertThat(r.programme(Programme.DIBAO).amount()).isEqualByComparingTo(p.rounding().apply(perCapitaForm));
        });
    }

    @ParameterizedTest(name = Seeds.NAME)
    @MethodSource("seeds")
    void everyRuleThatDecidedTheResultIsInTheExplanation(long seed) {
        Seeds.check(seed, gen -> {
            Case c = aCase(gen);
            EligibilityResult r = engine.evaluate(c.household(), c.params());
            for (ProgrammeResult p : r.programmes()) {
                if (p.programme() == Programme.TEMP_RELIEF) {
                    continue;
                }
                if (p.programme() == Programme.TEKUN || p.programme() == Programme.DIBAO_SINGLE) {
                    // person-based: eligible persons are named, and an ineligible household shows a failed rule
                    if (p.eligible()) {
                        assertThat(p.persons()).isNotEmpty();
                    } else if (!p.rules().isEmpty()) {
                        assertThat(p.rules()).anyMatch(rule -> !rule.passed());
                    }
                    continue;
                }
                if (p.eligible()) {
                    assertThat(p.rules()).isNotEmpty().allMatch(RuleOutcome::passed);
                } else {
                    assertThat(p.rules()).anyMatch(rule -> !rule.passed());
                }
                p.rules().forEach(rule -> assertThat(rule.text()).isNotBlank());
            }
            if (r.category() != null) {
                assertThat(r.programme(r.category()).eligible()).isTrue();
            }
        });
    }

    private static HouseholdSnapshot withExtraIncome(HouseholdSnapshot h, long fen) {
        List<Income> incomes = new ArrayList<>(h.incomes());
        Member first = h.members().stream().filter(Member::counted).findFirst().orElse(h.members().get(0));
        incomes.add(new Income(first.personId(), IncomeKind.WAGE, "增加", fen, false, null));
        return new HouseholdSnapshot(h.month(), h.areaCode(), h.urban(), h.members(), incomes, h.deductions(),
                h.assets(), h.expenses(), h.obligors());
    }
}
