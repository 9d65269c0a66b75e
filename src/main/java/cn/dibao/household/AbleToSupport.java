package cn.dibao.household;

/** Whether an obligor is able to support (特困 condition 3). */
public enum AbleToSupport {
    YES, NO, UNKNOWN
}
