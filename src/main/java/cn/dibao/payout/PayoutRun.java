package cn.dibao.payout;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;

/**
 * A monthly run of one county as pages, the API and tests see it. Money in yuan, exact to the fen.
 * After the bank's return files, {@code paid + failed + returned} accounts for every item.
 */
public record PayoutRun(long id, String countyCode, YearMonth month, PayoutRunStatus status, int itemCount,
                        BigDecimal totalAmount, int zeroCount, int noAccountCount, int changeCount, String generatedBy,
                        Instant generatedAt, String approvedBy, Instant approvedAt, int exportedCount,
                        int paidCount, BigDecimal paidAmount, int failedCount, BigDecimal failedAmount,
                        int returnedCount, BigDecimal returnedAmount, String closedBy, Instant closedAt) {

    /** Exceptions a reviewer must look at before approving: zero amounts, payees without an account, big changes. */
    public int exceptionCount() {
        return zeroCount + noAccountCount + changeCount;
    }

    /** Items with no answer yet (neither paid, failed nor returned). */
    public int openCount() {
        return itemCount - paidCount - failedCount - returnedCount;
    }

    public BigDecimal openAmount() {
        return totalAmount.subtract(paidAmount).subtract(failedAmount).subtract(returnedAmount);
    }

    /** issued = paid + failed + returned, exact to the fen, with nothing open (never while still being written). */
    public boolean reconciled() {
        return status != PayoutRunStatus.GENERATING && openCount() == 0 && openAmount().signum() == 0;
    }
}
