package cn.dibao.benefit;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * A county decision on a benefit (domain-rules §3.10). {@code effective} is the first month it applies
 * to; for a stop because of a death ({@code reasonCode} DEATH) it is the month after {@code deathDate}
 * whatever was typed. The components are the new amount for 增发 / 减发 (yuan, at most two decimals).
 */
public record BenefitChange(ChangeKind kind, YearMonth effective, BigDecimal gap, BigDecimal topup,
                            BigDecimal basic, BigDecimal care, String reasonCode, String reason, LocalDate deathDate) {

    public static BenefitChange stop(YearMonth effective, String reasonCode, String reason) {
        return new BenefitChange(ChangeKind.STOP, effective, null, null, null, null, reasonCode, reason, null);
    }

    public static BenefitChange death(LocalDate deathDate, String reason) {
        return new BenefitChange(ChangeKind.STOP, null, null, null, null, null, "DEATH", reason, deathDate);
    }

    public static BenefitChange amount(ChangeKind kind, YearMonth effective, BigDecimal gap, String reasonCode,
                                       String reason) {
        return new BenefitChange(kind, effective, gap, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, reasonCode,
                reason, null);
    }

    public static BenefitChange of(ChangeKind kind, YearMonth effective, String reasonCode, String reason) {
        return new BenefitChange(kind, effective, null, null, null, null, reasonCode, reason, null);
    }
}
