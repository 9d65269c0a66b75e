package cn.dibao.benefit;

/**
 * Why a benefit version exists (domain-rules §3.10): the approval, a county decision to 增发 / 减发 /
 * 停发 / 暂停 / 恢复, a 渐退期 schedule, or the recalculation for a new standard.
 */
public enum ChangeKind {
    APPROVAL("审核确认"),
    INCREASE("增发"),
    DECREASE("减发"),
    STOP("停发"),
    SUSPEND("暂停发放"),
    RESUME("恢复发放"),
    GRADUAL_EXIT("渐退期"),
    RECALCULATION("按新标准调整");

    private final String label;

    ChangeKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The kinds a reviewer decides by hand with one form (渐退期 and recalculation have their own). */
    public boolean manual() {
        return this == INCREASE || this == DECREASE || this == STOP || this == SUSPEND || this == RESUME;
    }
}
