package cn.dibao.payout;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;

/** A monthly run of one county as pages, the API and tests see it. Money in yuan, exact to the fen. */
public record PayoutRun(long id, String countyCode, YearMonth month, PayoutRunStatus status, int itemCount,
                        BigDecimal totalAmount, int zeroCount, int noAccountCount, String generatedBy,
                        Instant generatedAt, String approvedBy, Instant approvedAt, int exportedCount) {

    /** Exceptions a reviewer must look at before approving: zero amounts and payees without an account. */
    public int exceptionCount() {
        return zeroCount + noAccountCount;
    }
}
