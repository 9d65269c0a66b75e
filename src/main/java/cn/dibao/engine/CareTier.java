package cn.dibao.engine;

import cn.dibao.engine.EligibilityEngine.CareSetting;
import cn.dibao.engine.HouseholdSnapshot.SelfCare;

/**
 * A 特困 person's care tier as a benefit keeps it ({@code benefit.care_tier}): the care setting (分散 at
 * home, 集中 in an institution) and the self-care level; the 照料护理 amount of each is a local setting.
 */
public enum CareTier {
    HOME_SELF, HOME_PARTIAL, HOME_FULL, INST_SELF, INST_PARTIAL, INST_FULL;

    /** A person not yet assessed counts as 全自理 (self-care). */
    public static CareTier of(CareSetting setting, SelfCare selfCare) {
        boolean home = setting != CareSetting.INSTITUTION;
        return switch (selfCare == null ? SelfCare.SELF_CARE : selfCare) {
            case SELF_CARE -> home ? HOME_SELF : INST_SELF;
            case PARTIAL -> home ? HOME_PARTIAL : INST_PARTIAL;
            case FULL -> home ? HOME_FULL : INST_FULL;
        };
    }
}
