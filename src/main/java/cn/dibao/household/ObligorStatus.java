package cn.dibao.household;

/** What D3 第七条 asks about an obligor besides age, income, disability and property. */
public enum ObligorStatus {
    NONE, TEKUN, DIBAO, INCAPACITATED, MISSING, SERVING_SENTENCE
}
