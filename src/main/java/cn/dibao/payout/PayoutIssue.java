package cn.dibao.payout;

import java.math.BigDecimal;

/** An item the reviewer must look at: its amount is zero, or its payee has no active payment account. */
public record PayoutIssue(long itemId, long benefitId, long householdId, long payeePersonId, String townshipCode,
                          String programme, BigDecimal amount, Reason reason) {

    public enum Reason {
        ZERO_AMOUNT, NO_ACCOUNT
    }
}
