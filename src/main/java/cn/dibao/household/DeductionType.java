package cn.dibao.household;

/**
 * 扣减 items (§4.3); amounts and limits are local settings applied by the eligibility engine.
 * SOCIAL_INSURANCE (社保缴费) and SUPPORT_PAID (赡养支出 paid out) are 转移性支出, always deducted.
 */
public enum DeductionType {
    EMPLOYMENT_COST, MEDICAL, EDUCATION, REHABILITATION, RENT, SOCIAL_INSURANCE, SUPPORT_PAID
}
