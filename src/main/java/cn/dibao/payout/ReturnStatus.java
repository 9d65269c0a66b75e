package cn.dibao.payout;

/** What the bank said of a line. */
public enum ReturnStatus {
    PAID, FAILED, RETURNED
}
