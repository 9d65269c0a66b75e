package cn.dibao.payout;

/**
 * Where a monthly run stands. {@code GENERATING} while its items are written (ADR 0014), or after its
 * generator died: nothing can be done with such a run but generate it again, which resumes it.
 */
public enum PayoutRunStatus {
    GENERATING, GENERATED, APPROVED, EXPORTED, CLOSED
}
