package cn.dibao.engine;

import java.time.LocalDate;
import java.util.Map;

/**
 * How a locality counts income beyond the flat parameters (issue 14, ADR 0020 and 0021).
 *
 * <p>{@code referenceMonths} is the 收入计算期 k: a member's income of month M is the average over the k months
 * ending with M of the items in force in each month. {@code exclusions} says, per exclusion category (the code
 * the caseworker records on an item, e.g. {@code BASIC_PENSION}), whether it is left out of the 低保 income (D2
 * 第十三条; 低保边缘, 刚性支出 and 单人保 follow 低保) and of 特困's own income (D3 第六条), and until when: an
 * exclusion ending before month M's first day no longer applies in M. A category without an entry (an old
 * code) is left out of both, as an excluded item always was.
 */
public record IncomeRules(int referenceMonths, Map<String, Exclusion> exclusions) {

    /** The end of the 十四五 period, to which D2 limits the 基础养老金 exclusion. */
    public static final LocalDate FOURTEENTH_PLAN_END = LocalDate.of(2025, 12, 31);

    /**
     * The national sets (domain-rules §4.3): D2 leaves out 优待抚恤金, 计划生育奖励与扶助金, 奖学金, 见义勇为等奖励,
     * the assistance the government pays, the 基础养老金 (during the 十四五 period only) and what the city rules;
     * D3 leaves out of 特困's own income the 基础养老金, 基本医疗保险等社会保险, 优待抚恤金 and 高龄津贴 (and what the
     * locality rules). 高龄津贴 and social insurance are not in D2's list: they count for 低保. A 6-month period.
     */
    public static final IncomeRules NATIONAL = new IncomeRules(6, Map.of(
            "PREFERENTIAL_PENSION", new Exclusion(true, null, true, null),
            "FAMILY_PLANNING_REWARD", new Exclusion(true, null, false, null),
            "SCHOLARSHIP", new Exclusion(true, null, false, null),
            "HEROIC_AWARD", new Exclusion(true, null, false, null),
            "ASSISTANCE_BENEFIT", new Exclusion(true, null, false, null),
            "BASIC_PENSION", new Exclusion(true, FOURTEENTH_PLAN_END, true, null),
            "ELDERLY_ALLOWANCE", new Exclusion(false, null, true, null),
            "SOCIAL_INSURANCE", new Exclusion(false, null, true, null),
            "LOCAL_RULE", new Exclusion(true, null, true, null)));

    public IncomeRules {
        if (referenceMonths < 1 || referenceMonths > 24) {
            throw new IllegalArgumentException("income reference period out of 1..24: " + referenceMonths);
        }
        exclusions = Map.copyOf(exclusions);
    }

    /**
     * For one category: left out of 低保 income ({@code dibao}) up to and including {@code dibaoUntil}, and of
     * 特困's own income ({@code tekun}) up to and including {@code tekunUntil}; a null end date: no end. The
     * 基础养老金 shows why the ends are apart: D2 limits its exclusion to the 十四五 period, D3 does not.
     */
    public record Exclusion(boolean dibao, LocalDate dibaoUntil, boolean tekun, LocalDate tekunUntil) {

        public static final Exclusion NONE = new Exclusion(false, null, false, null);

        /** Left out of 低保 income in the month starting on {@code first}. */
        public boolean dibaoIn(LocalDate first) {
            return dibao && (dibaoUntil == null || !dibaoUntil.isBefore(first));
        }

        /** Left out of 特困's own income in the month starting on {@code first}. */
        public boolean tekunIn(LocalDate first) {
            return tekun && (tekunUntil == null || !tekunUntil.isBefore(first));
        }
    }

    /** The exclusion of a category, or null when the category is none of these (then: left out of both). */
    public Exclusion of(String category) {
        return category == null ? null : exclusions.get(category);
    }
}
