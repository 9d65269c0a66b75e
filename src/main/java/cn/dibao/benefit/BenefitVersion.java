package cn.dibao.benefit;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;

/**
 * What a benefit pays from {@code from} until {@code to} (exclusive; null = open). A cancelled version
 * (superseded before it took effect) has {@code from == to}.
 */
public record BenefitVersion(long id, YearMonth from, YearMonth to, ChangeKind kind, String status, BigDecimal gap,
                             BigDecimal topup, BigDecimal basic, BigDecimal care, BigDecimal monthlyAmount,
                             String reasonCode, String reason, Long standardId, Long recalculationId,
                             Instant createdAt, String createdBy) {

    public boolean cancelled() {
        return to != null && to.equals(from);
    }

    public boolean covers(YearMonth month) {
        return !from.isAfter(month) && (to == null || to.isAfter(month));
    }
}
