package cn.dibao.application;

import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.util.random.RandomGenerator;

/** Draws cases for the county's home visit (入户抽查) with the configured share. */
@Component
class CountySampler {

    private final RandomGenerator random;

    CountySampler() {
        this(new SecureRandom());
    }

    CountySampler(RandomGenerator random) {
        this.random = random;
    }

    /** True with probability {@code pct} / 100. */
    boolean draw(BigDecimal pct) {
        // basis points, so 30.25% is exact
        int bp = pct.movePointRight(2).intValue();
        return random.nextInt(10_000) < bp;
    }
}
