package cn.dibao.engine;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** How a benefit is rounded, once, at the end (a local setting: domain-rules §5.1). */
public enum RoundingRule {
    /** Up to the whole yuan (向上取整到元). */
    UP_YUAN(0, RoundingMode.CEILING),
    /** Half up to the whole yuan (四舍五入到元). */
    HALF_UP_YUAN(0, RoundingMode.HALF_UP),
    /** Up to the jiao. */
    UP_JIAO(1, RoundingMode.CEILING),
    /** Half up to the jiao. */
    HALF_UP_JIAO(1, RoundingMode.HALF_UP),
    /** To the fen, half up. */
    FEN(2, RoundingMode.HALF_UP);

    private final int scale;
    private final RoundingMode mode;

    RoundingRule(int scale, RoundingMode mode) {
        this.scale = scale;
        this.mode = mode;
    }

    /** Rounds and returns the amount with scale 2 (yuan.fen). */
    public BigDecimal apply(BigDecimal amount) {
        return amount.setScale(scale, mode).setScale(2, RoundingMode.UNNECESSARY);
    }
}
