package cn.dibao.household;

/**
 * The programme a 孤儿 / 事实无人抚养儿童 who also meets the 特困 conditions chose (D3): 特困人员救助供养, or
 * the 孤儿 / 事实无人抚养儿童 基本生活保障 (then he is not a 特困 person).
 */
public enum ChildProgramme {
    TEKUN, CHILD_BENEFIT
}
