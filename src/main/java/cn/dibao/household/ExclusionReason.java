package cn.dibao.household;

/** Income recorded but not counted (§4.3). */
public enum ExclusionReason {
    PREFERENTIAL_PENSION, FAMILY_PLANNING_REWARD, SCHOLARSHIP, HEROIC_AWARD, ASSISTANCE_BENEFIT, BASIC_PENSION, ELDERLY_ALLOWANCE, LOCAL_RULE
}
