package cn.dibao.engine;

import cn.dibao.engine.EligibilityResult.ProgrammeResult;
import cn.dibao.engine.HouseholdSnapshot.Income;
import cn.dibao.engine.HouseholdSnapshot.IncomeKind;
import cn.dibao.engine.HouseholdSnapshot.Labour;
import cn.dibao.engine.HouseholdSnapshot.Member;
import cn.dibao.engine.HouseholdSnapshot.Schooling;
import cn.dibao.engine.HouseholdSnapshot.SelfCare;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Properties of the benefit formulas that must hold for every household and every local rule. */
class EligibilityEngineProperties {

    private final EligibilityEngine engine = new EligibilityEngine();

    record Case(HouseholdSnapshot household, Parameters params) {
    }

    @Provide
    Arbitrary<Case> cases() {
        Arbitrary<Member> member = Combinators.combine(
                Arbitraries.integers().between(0, 95),
                Arbitraries.of(true, true, true, false),
                Arbitraries.integers().between(0, 7),
                Arbitraries.integers().between(1, 4),
                Arbitraries.of(SelfCare.values()),
                Arbitraries.of(true, false, false, false),
                Arbitraries.of(Labour.values())).as((age, counted, cat, grade, care, ill, labour) ->
                new Member(0, "成员", age, counted, counted ? null : "NOT_LIVING_TOGETHER", cat == 0 ? null : cat,
                        cat == 0 ? null : grade, care, ill, labour, Schooling.NONE));
        Arbitrary<List<Member>> members = member.list().ofMinSize(1).ofMaxSize(6).map(list -> {
            List<Member> numbered = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                Member m = list.get(i);
                numbered.add(new Member(i + 1, "成员" + (i + 1), m.age(), m.counted(), m.notCountedReason(),
                        m.disabilityCategory(), m.disabilityGrade(), m.selfCare(), m.seriousIllness(), m.labour(),
                        m.schooling()));
            }
            return numbered;
        });
        Arbitrary<List<Long>> incomes = Arbitraries.longs().between(0, 400_000).list().ofMinSize(0).ofMaxSize(6);
        Arbitrary<Parameters> params = Combinators.combine(
                Arbitraries.longs().between(30_000, 150_000),
                Arbitraries.of(RoundingRule.values()),
                Arbitraries.of(TopUpStacking.values()),
                Arbitraries.of(TopUpMode.values()),
                Arbitraries.longs().between(0, 2_000),
                Arbitraries.longs().between(0, 20_000)).as((std, rounding, stacking, mode, pct, fixed) -> {
            Parameters base = Households.params(std, rounding);
            Parameters.TopUp t = mode == TopUpMode.PERCENT ? new Parameters.TopUp(TopUpMode.PERCENT, pct)
                    : new Parameters.TopUp(TopUpMode.FIXED, fixed);
            return new Parameters(base.standardId(), base.label(), std, rounding, 0, 0, true, true, true, false, t, t,
                    new Parameters.TopUp(TopUpMode.FIXED, fixed), t, stacking, base.moneyAssetsMultipleHundredths(),
                    base.maxVehicles(), null, base.maxHomes(), null, base.maxBusinessCapitalFen(), (long) Math.ceil(std * 1.3),
                    base.careHomeSelfFen(), base.careHomePartialFen(), base.careHomeFullFen(), base.careInstSelfFen(),
                    base.careInstPartialFen(), base.careInstFullFen(), 18, 150, SingleBasis.SHARE, 5_000, true, 8_000,
                    4_800_000, 600, 300);
        });
        return Combinators.combine(members, incomes, params).as((ms, amounts, p) -> {
            List<Income> items = new ArrayList<>();
            for (int i = 0; i < amounts.size(); i++) {
                items.add(new Income(ms.get(i % ms.size()).personId(), IncomeKind.WAGE, "收入", amounts.get(i), false, null));
            }
            return new Case(new HouseholdSnapshot(Households.MONTH, "370211001001", true, ms, items, List.of(),
                    List.of(), List.of(), List.of()), p);
        });
    }

    @Property(tries = 2000)
    void aBenefitIsNeverNegative(@ForAll("cases") Case c) {
        EligibilityResult r = engine.evaluate(c.household(), c.params());
        r.programmes().forEach(p -> assertThat(p.amount()).isGreaterThanOrEqualTo(BigDecimal.ZERO));
        assertThat(r.monthlyTotal()).isGreaterThanOrEqualTo(BigDecimal.ZERO);
    }

    @Property(tries = 2000)
    void theDibaoBenefitNeverRisesWhenIncomeRises(@ForAll("cases") Case c, @ForAll @LongRange(min = 1, max = 300_000) long more) {
        EligibilityResult before = engine.evaluate(c.household(), c.params());
        EligibilityResult after = engine.evaluate(withExtraIncome(c.household(), more), c.params());
        assertThat(after.programme(Programme.DIBAO).amount())
                .isLessThanOrEqualTo(before.programme(Programme.DIBAO).amount());
    }

    @Property(tries = 2000)
    void theDibaoBenefitIsZeroAtOrAboveTheStandard(@ForAll("cases") Case c) {
        EligibilityResult r = engine.evaluate(c.household(), c.params());
        long standardTotal = Money.fenToMicro(c.params().dibaoFen()) * r.countedMembers();
        if (r.netIncome() >= standardTotal) {
            assertThat(r.programme(Programme.DIBAO).eligible()).isFalse();
            assertThat(r.programme(Programme.DIBAO).amount()).isEqualByComparingTo("0");
        }
    }

    /**
     * The per-capita form, (standard − per-capita income) × members, and the total form the engine
     * uses, standard × members − household income, give the same benefit under the rounding rule.
     */
    @Property(tries = 2000)
    void perCapitaAndTotalFormsAgree(@ForAll("cases") Case c) {
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
    }

    @Property(tries = 2000)
    void everyRuleThatDecidedTheResultIsInTheExplanation(@ForAll("cases") Case c) {
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
    }

    private static HouseholdSnapshot withExtraIncome(HouseholdSnapshot h, long fen) {
        List<Income> incomes = new ArrayList<>(h.incomes());
        Member first = h.members().stream().filter(Member::counted).findFirst().orElse(h.members().get(0));
        incomes.add(new Income(first.personId(), IncomeKind.WAGE, "增加", fen, false, null));
        return new HouseholdSnapshot(h.month(), h.areaCode(), h.urban(), h.members(), incomes, h.deductions(),
                h.assets(), h.expenses(), h.obligors());
    }
}
