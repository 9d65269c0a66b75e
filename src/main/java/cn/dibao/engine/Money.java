package cn.dibao.engine;

import java.math.BigDecimal;

/**
 * Exact money arithmetic for the engine. Amounts are kept in micro-yuan (1e-6 yuan) in a long:
 * fen × 10,000, so a fen amount times a percentage in basis points is exact, and rounding to
 * the local rule happens once, at the end.
 */
public final class Money {

    public static final long MICRO_PER_FEN = 10_000L;
    public static final long MICRO_PER_YUAN = 1_000_000L;

    private Money() {
    }

    public static long fenToMicro(long fen) {
        return Math.multiplyExact(fen, MICRO_PER_FEN);
    }

    /** Yuan with up to 6 decimals, exact. */
    public static BigDecimal toYuan(long micro) {
        return BigDecimal.valueOf(micro, 6);
    }

    /** The one rounding of a benefit: the local rule, then the minimum benefit for positive amounts. */
    public static BigDecimal roundBenefit(long micro, RoundingRule rule, long minBenefitFen) {
        if (micro <= 0) {
            return BigDecimal.ZERO.setScale(2);
        }
        BigDecimal rounded = rule.apply(toYuan(micro));
        BigDecimal min = BigDecimal.valueOf(minBenefitFen, 2);
        return rounded.compareTo(min) < 0 ? min : rounded;
    }

    public static String yuan(long micro) {
        return toYuan(micro).setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
    }

    public static String yuanFen(long fen) {
        return BigDecimal.valueOf(fen, 2).toPlainString();
    }
}
