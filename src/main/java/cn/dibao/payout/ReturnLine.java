package cn.dibao.payout;

import java.math.BigDecimal;

public record ReturnLine(int lineNo, String reference, long runId, long refNumber, String account, BigDecimal amount,
                         ReturnStatus status, String reason) {
}
