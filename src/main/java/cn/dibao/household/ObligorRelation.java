package cn.dibao.household;

/** 赡养/抚养/扶养 duty of a person outside the household. */
public enum ObligorRelation {
    SUPPORT_PARENT, SUPPORT_CHILD, SUPPORT_SPOUSE, SUPPORT_SIBLING, OTHER
}
