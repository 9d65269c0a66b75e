package cn.dibao.household;

/** Outreach groups for lists (the seeds tag 独居老人, 留守儿童, 重残…). */
public enum HouseholdTag {
    ELDERLY_ALONE, EMPTY_NEST, LEFT_BEHIND_CHILD, DE_FACTO_UNSUPPORTED_CHILD, SEVERE_DISABILITY, SERIOUS_ILLNESS, PREVENT_RETURN_TO_POVERTY
}
