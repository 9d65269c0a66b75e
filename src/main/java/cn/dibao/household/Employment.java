package cn.dibao.household;

/** 就业状况. */
public enum Employment {
    EMPLOYED, FLEXIBLE, UNEMPLOYED, FARMING, RETIRED, NOT_WORKING_AGE, UNKNOWN
}
