package cn.dibao.household;

/**
 * 生活自理能力 from the six 特困 assessment items (domain-rules §6.4): none failed → 全自理,
 * 1–3 failed → 半护理, 4–6 failed → 全护理.
 */
public enum SelfCareTier {
    SELF_CARE, PARTIAL, FULL;

    /** Null when the person was not assessed (any item unknown). */
    public static SelfCareTier of(Boolean... canDo) {
        int failed = 0;
        for (Boolean b : canDo) {
            if (b == null) {
                return null;
            }
            if (!b) {
                failed++;
            }
        }
        return failed == 0 ? SELF_CARE : failed <= 3 ? PARTIAL : FULL;
    }
}
