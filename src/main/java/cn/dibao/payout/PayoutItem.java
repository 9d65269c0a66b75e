package cn.dibao.payout;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;

/**
 * One line of a run as the run page lists it: the benefit, payee, what month the money is for and of
 * which kind, the amount and what the bank said. {@code accountMasked} never shows the full number.
 */
public record PayoutItem(long id, long runId, YearMonth month, String kind, long benefitId, long householdId,
                         long payeePersonId, String payeeName, String townshipCode, String programme, BigDecimal amount,
                         String status, String failReason, Long reissueOf, String accountMasked, String handNote,
                         Instant answeredAt) {

    /** A line for an earlier month than the run's: 补发 of a month never paid, or a re-issue. */
    public boolean late(YearMonth runMonth) {
        return month.isBefore(runMonth);
    }
}
