package cn.dibao.household;

/** Why a member of the household is not a 共同生活 member for assistance (domain-rules §4.1). */
public enum NotCountedReason {
    SERVING_SENTENCE, COMPULSORY_REHAB, DECLARED_MISSING, CLERGY_APART, NOT_LIVING_TOGETHER, POSTGRADUATE, LOCAL_RULE
}
