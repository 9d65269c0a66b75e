package cn.dibao.standard;

import cn.dibao.engine.IncomeRules;
import cn.dibao.household.ExclusionReason;
import jakarta.validation.constraints.NotNull;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Per exclusion category of income, for which programmes a standard version leaves it out and until when
 * (ADR 0021). On the page a field is named by its path ({@code incomeExclusions.basicPension.dibaoUntil}); in
 * JSON a version carries them as {@code incomeExclusions}, one object per category.
 */
public record IncomeExclusions(
        @NotNull(message = "{standard.required}") IncomeExclusion preferentialPension,
        @NotNull(message = "{standard.required}") IncomeExclusion familyPlanningReward,
        @NotNull(message = "{standard.required}") IncomeExclusion scholarship,
        @NotNull(message = "{standard.required}") IncomeExclusion heroicAward,
        @NotNull(message = "{standard.required}") IncomeExclusion assistanceBenefit,
        @NotNull(message = "{standard.required}") IncomeExclusion basicPension,
        @NotNull(message = "{standard.required}") IncomeExclusion elderlyAllowance,
        @NotNull(message = "{standard.required}") IncomeExclusion socialInsurance,
        @NotNull(message = "{standard.required}") IncomeExclusion localRule) {

    /** The categories in the order of the form's rows. */
    public static final List<ExclusionReason> CATEGORIES = List.of(ExclusionReason.PREFERENTIAL_PENSION,
            ExclusionReason.FAMILY_PLANNING_REWARD, ExclusionReason.SCHOLARSHIP, ExclusionReason.HEROIC_AWARD,
            ExclusionReason.ASSISTANCE_BENEFIT, ExclusionReason.BASIC_PENSION, ExclusionReason.ELDERLY_ALLOWANCE,
            ExclusionReason.SOCIAL_INSURANCE, ExclusionReason.LOCAL_RULE);

    public IncomeExclusion of(ExclusionReason category) {
        return switch (category) {
            case PREFERENTIAL_PENSION -> preferentialPension;
            case FAMILY_PLANNING_REWARD -> familyPlanningReward;
            case SCHOLARSHIP -> scholarship;
            case HEROIC_AWARD -> heroicAward;
            case ASSISTANCE_BENEFIT -> assistanceBenefit;
            case BASIC_PENSION -> basicPension;
            case ELDERLY_ALLOWANCE -> elderlyAllowance;
            case SOCIAL_INSURANCE -> socialInsurance;
            case LOCAL_RULE -> localRule;
        };
    }

    /** The name of a category's part of the form and of the JSON ({@code basicPension}). */
    public static String section(ExclusionReason category) {
        String[] words = category.name().toLowerCase().split("_");
        StringBuilder b = new StringBuilder(words[0]);
        for (int i = 1; i < words.length; i++) {
            b.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
        }
        return b.toString();
    }

    /** The parts of the form in their order, by name, with their category. */
    public static Map<String, ExclusionReason> sections() {
        Map<String, ExclusionReason> m = new LinkedHashMap<>();
        CATEGORIES.forEach(c -> m.put(section(c), c));
        return m;
    }

    /** The national sets (domain-rules §4.3), the values of {@link IncomeRules#NATIONAL} and of V32. */
    static IncomeExclusions defaults() {
        Map<ExclusionReason, IncomeExclusion> m = new EnumMap<>(ExclusionReason.class);
        for (ExclusionReason c : CATEGORIES) {
            IncomeRules.Exclusion x = IncomeRules.NATIONAL.of(c.name());
            m.put(c, new IncomeExclusion(x.dibao(), x.dibaoUntil(), x.tekun(), x.tekunUntil()));
        }
        return from(0, m);
    }

    Map<ExclusionReason, IncomeExclusion> asMap() {
        Map<ExclusionReason, IncomeExclusion> m = new EnumMap<>(ExclusionReason.class);
        CATEGORIES.forEach(c -> m.put(c, of(c)));
        return m;
    }

    /** From the rows of a version; every category has one (V32 fills in the defaults of a row inserted without). */
    static IncomeExclusions from(long standardId, Map<ExclusionReason, IncomeExclusion> rows) {
        for (ExclusionReason c : CATEGORIES) {
            if (rows.get(c) == null) {
                throw new IllegalStateException("standard " + standardId + " has no income exclusion for " + c);
            }
        }
        return new IncomeExclusions(rows.get(ExclusionReason.PREFERENTIAL_PENSION),
                rows.get(ExclusionReason.FAMILY_PLANNING_REWARD), rows.get(ExclusionReason.SCHOLARSHIP),
                rows.get(ExclusionReason.HEROIC_AWARD), rows.get(ExclusionReason.ASSISTANCE_BENEFIT),
                rows.get(ExclusionReason.BASIC_PENSION), rows.get(ExclusionReason.ELDERLY_ALLOWANCE),
                rows.get(ExclusionReason.SOCIAL_INSURANCE), rows.get(ExclusionReason.LOCAL_RULE));
    }

    /** In the engine's terms. */
    public IncomeRules rules(int referenceMonths) {
        Map<String, IncomeRules.Exclusion> m = new LinkedHashMap<>();
        for (ExclusionReason c : CATEGORIES) {
            IncomeExclusion x = of(c);
            m.put(c.name(), new IncomeRules.Exclusion(x.dibao(), x.dibaoUntil(), x.tekun(), x.tekunUntil()));
        }
        return new IncomeRules(referenceMonths, m);
    }
}
