package cn.dibao.common.security;

/** Staff roles. A user may hold several. */
public enum Role {
    /** 乡镇窗口: 受理, 调查, 初审. */
    CASEWORKER,
    /** 县级: 审核确认. */
    REVIEWER,
    /** Standards, users, areas, calendar. */
    ADMIN,
    /** Read-only, with the audit trail. */
    AUDITOR;

    public String authority() {
        return "ROLE_" + name();
    }
}
