package cn.dibao.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/** A clock tests can move; it follows real time until a test sets it. Reset it after use. */
public class MutableClock extends Clock {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private volatile Instant fixed;

    @Override
    public ZoneId getZone() {
        return CHINA;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        Instant f = fixed;
        return f != null ? f : Instant.now();
    }

    public void set(Instant instant) {
        this.fixed = instant;
    }

    public void advance(Duration d) {
        this.fixed = instant().plus(d);
    }

    public void reset() {
        this.fixed = null;
    }
}
