package cn.dibao.payout;

import java.math.BigDecimal;

/** The items of a run for one township and programme: how many, and their sum exact to the fen. */
public record PayoutTotal(String townshipCode, String townshipName, String programme, int items, BigDecimal amount) {
}
