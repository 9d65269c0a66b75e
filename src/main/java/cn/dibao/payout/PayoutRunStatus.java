package cn.dibao.payout;

/**
 * Where a monthly run stands. {@code GENERATING} exists only inside the generating transaction
 * (ADR 0011): a committed run is {@code GENERATED} or later.
 */
public enum PayoutRunStatus {
    GENERATING, GENERATED, APPROVED, EXPORTED, CLOSED
}
