package cn.dibao.benefit;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

/**
 * A benefit with its versions (oldest first) and what it has been overpaid: taken back by payout
 * runs ({@code recovered}) or paid back outside them ({@code repaid}).
 * {@code current} is the version in force in {@code asOf} (null before it starts); {@code covered} the
 * persons it covers (ADR 0026).
 */
public record BenefitView(long id, long applicationId, long householdId, long payeePersonId, String payeeName,
                          String areaCode, String category, boolean oneOff, String status, YearMonth startMonth,
                          YearMonth endMonth, YearMonth asOf, BenefitVersion current, List<BenefitVersion> versions,
                          BigDecimal overpaid, BigDecimal recovered, BigDecimal repaid, List<Covered> covered) {

    /** A person the benefit covers, by id; the name for display. */
    public record Covered(long personId, String name) {
    }

    /** What is still owed: overpaid, less what runs deducted and what was paid back outside them. */
    public BigDecimal outstanding() {
        return overpaid.subtract(recovered).subtract(repaid);
    }
}
