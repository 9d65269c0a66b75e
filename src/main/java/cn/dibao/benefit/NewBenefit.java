package cn.dibao.benefit;

import cn.dibao.engine.CareTier;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

/**
 * A benefit as an approval opens it ({@link BenefitService#open}): the case, the payee, the persons it
 * covers (ADR 0026), the approved amounts by component, the first month, the check and standard they
 * come from, and the basis a later standard recalculates it from (ADR 0013).
 */
public record NewBenefit(long applicationId, long householdId, long payeePersonId, List<Long> covered,
                         String areaCode, String assistanceType, String category, boolean oneOff, Amounts amounts,
                         YearMonth start, long checkId, long standardId, Basis basis) {

    public NewBenefit {
        covered = List.copyOf(covered);
        if (!oneOff && !covered.contains(payeePersonId) && !category.equals("DIBAO")) {
            // 单人保 and 特困 pay the person they cover; only a household's 低保 may have another payee
            throw new IllegalArgumentException("payee " + payeePersonId + " is not covered by " + category);
        }
    }

    /** Whether the benefit pays for someone's living (低保, 单人保, 特困): one per person and month. */
    public boolean cash() {
        return !oneOff && CASH.contains(category);
    }

    /** Whether it is one of the household's programmes (低保, 边缘, 刚性支出): one per household and month. */
    public boolean householdLevel() {
        return !oneOff && HOUSEHOLD.contains(category);
    }

    static final java.util.Set<String> CASH = java.util.Set.of("DIBAO", "DIBAO_SINGLE", "TEKUN");
    static final java.util.Set<String> HOUSEHOLD = java.util.Set.of("DIBAO", "DIBAO_EDGE", "RIGID_EXPENDITURE");

    /** The monthly (or one-off) amount and its parts: 补差, 分类施保, 基本生活标准, 照料护理; gap + … = total. */
    public record Amounts(BigDecimal gap, BigDecimal topUp, BigDecimal basic, BigDecimal care, BigDecimal total) {

        public Amounts {
            if (gap.add(topUp).add(basic).add(care).compareTo(total) != 0) {
                throw new IllegalArgumentException("the parts " + gap + "+" + topUp + "+" + basic + "+" + care
                        + " are not the total " + total);
            }
        }

        public static Amounts gapOnly(BigDecimal total) {
            return new Amounts(total, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, total);
        }
    }

    /** Counted persons, net income, 特困 care tier and the 分类施保 groups of the persons covered; null where n/a. */
    public record Basis(Integer persons, BigDecimal netIncome, CareTier careTier, List<Integer> topUpGroups) {
        public static final Basis NONE = new Basis(null, null, null, null);
    }
}
