package cn.dibao.application;

import java.util.EnumSet;
import java.util.Set;

/**
 * The states of a case (domain-rules §3): 已受理 → 调查中 → 乡镇审核 → 公示中 → 待确认 →
 * 已批准 / 不予批准 → 已纳入, plus 退回补正, 撤回 and 终止.
 */
public enum ApplicationState {
    ACCEPTED,
    INVESTIGATING,
    TOWNSHIP_REVIEW,
    PUBLICITY,
    AWAITING_DECISION,
    APPROVED,
    REFUSED,
    ENROLLED,
    RETURNED,
    WITHDRAWN,
    TERMINATED;

    /** States in which the case is still being worked on. */
    public static final Set<ApplicationState> OPEN = EnumSet.of(ACCEPTED, INVESTIGATING, TOWNSHIP_REVIEW, PUBLICITY,
            AWAITING_DECISION, RETURNED);

    public boolean open() {
        return OPEN.contains(this);
    }

    /** No action changes the case any more. */
    public boolean closed() {
        return this == ENROLLED || this == REFUSED || this == WITHDRAWN || this == TERMINATED;
    }
}
