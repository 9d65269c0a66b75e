package cn.dibao.payout;

/** What the bank says happened to one line of a bank file (结果 in its return file). */
public enum ReturnStatus {
    /** 成功: the money reached the account. */
    PAID,
    /** 失败: the bank could not pay (account closed, name mismatch, …); the money did not leave. */
    FAILED,
    /** 退回: paid, then sent back to us. */
    RETURNED
}
