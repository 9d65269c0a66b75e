package cn.dibao.household;

/** What an income item is when the law may leave it out of the income (§4.3); the standard version says for which programme and until when (ADR 0021). */
public enum ExclusionReason {
    PREFERENTIAL_PENSION, FAMILY_PLANNING_REWARD, SCHOLARSHIP, HEROIC_AWARD, ASSISTANCE_BENEFIT, BASIC_PENSION, ELDERLY_ALLOWANCE,
    // 基本医疗保险等社会保险待遇: left out of 特困 income by D3 第六条, counted for 低保 (ADR 0021)
    SOCIAL_INSURANCE, LOCAL_RULE
}
