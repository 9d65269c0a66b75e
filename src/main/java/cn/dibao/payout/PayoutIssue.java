package cn.dibao.payout;

import java.math.BigDecimal;

/**
 * An item the reviewer must look at: its amount is zero, its payee has no active payment account, or
 * its monthly amount moved by more than the set percentage against last month ({@code previous}).
 */
public record PayoutIssue(long itemId, long benefitId, long householdId, long payeePersonId, String townshipCode,
                          String programme, BigDecimal amount, Reason reason, BigDecimal previous) {

    public enum Reason {
        ZERO_AMOUNT, NO_ACCOUNT, CHANGE
    }
}
