package cn.dibao.household;

/** 扣减 items (§4.3); amounts and limits are local settings applied by the eligibility engine. */
public enum DeductionType {
    EMPLOYMENT_COST, MEDICAL, EDUCATION, REHABILITATION, RENT
}
