package cn.dibao.payout;

import java.math.BigDecimal;

/**
 * One line of a return file that passed the syntax checks of {@link ReturnFileParser}. The reference
 * {@code P<runId>-<refNumber>} is what the bank file sent; {@code amount} has scale 2; {@code reason}
 * is null for {@link ReturnStatus#PAID} and set otherwise. Whether the reference exists and the amount
 * matches is for the service to check.
 */
public record ReturnLine(int lineNo, String reference, long runId, long refNumber, String account, BigDecimal amount,
                         ReturnStatus status, String reason) {
}
