package cn.dibao.household;

/** 劳动能力. */
public enum LabourAbility {
    FULL, PARTIAL, NONE
}
