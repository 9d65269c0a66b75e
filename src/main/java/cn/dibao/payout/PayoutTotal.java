package cn.dibao.payout;

import java.math.BigDecimal;

/**
 * The items of a run for one township, programme and kind (MONTHLY, ARREARS, RECOVERY …): how many,
 * and their sum exact to the fen; the sum of all is the run's total.
 */
public record PayoutTotal(String townshipCode, String townshipName, String programme, String kind, int items,
                          BigDecimal amount) {
}
