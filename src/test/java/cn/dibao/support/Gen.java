package cn.dibao.support;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * A seeded source of test values ({@link Seeds}): the same seed gives the same values. Numbers and
 * dates in a range are uniform, but about one draw in eight is an edge value instead (the bounds,
 * next to the bounds, and −1/0/1 where in range; for a list, its shortest or longest size), so the
 * bounds of every range are covered well within a few hundred cases.
 *
 * <p>A seed below {@link #EDGE_SEEDS} draws nothing but edge values: such a case is a combination
 * of bounds (all smallest, all largest, or mixed). {@link Seeds#of} runs these seeds first.
 */
public final class Gen {

    /** Seeds 0 to EDGE_SEEDS − 1 make cases of edge values only. */
    public static final long EDGE_SEEDS = 32;
    private static final int EDGE_ONE_IN = 8;

    private final SplittableRandom random;
    private final boolean edgesOnly;

    public Gen(long seed) {
        this.random = new SplittableRandom(seed);
        this.edgesOnly = seed >= 0 && seed < EDGE_SEEDS;
    }

    private boolean edge() {
        return edgesOnly || random.nextInt(EDGE_ONE_IN) == 0;
    }

    /** An int in [min, max]. */
    public int between(int min, int max) {
        return Math.toIntExact(between((long) min, (long) max));
    }

    /** A long in [min, max]. */
    public long between(long min, long max) {
        if (min > max) {
            throw new IllegalArgumentException(min + " > " + max);
        }
        if (max == Long.MAX_VALUE) {
            throw new IllegalArgumentException("max must be below Long.MAX_VALUE");
        }
        return edge() ? edge(min, max) : random.nextLong(min, max + 1);
    }

    private long edge(long min, long max) {
        List<Long> edges = new ArrayList<>(List.of(min, max));
        if (max - min >= 2) {
            edges.add(min + 1);
            edges.add(max - 1);
        }
        for (long small = -1; small <= 1; small++) {
            if (small > min + 1 && small < max - 1) {
                edges.add(small);
            }
        }
        return edges.get(random.nextInt(edges.size()));
    }

    /** A date in [first, last]; the edges are the first and the last day. */
    public LocalDate between(LocalDate first, LocalDate last) {
        long firstDay = first.toEpochDay();
        long lastDay = last.toEpochDay();
        if (edge()) {
            return LocalDate.ofEpochDay(random.nextBoolean() ? firstDay : lastDay);
        }
        return LocalDate.ofEpochDay(random.nextLong(firstDay, lastDay + 1));
    }

    /** One of the values, each equally likely (repeat a value to weight it); every value counts as an edge. */
    @SafeVarargs
    public final <T> T oneOf(T... values) {
        return values[random.nextInt(values.length)];
    }

    /** One of the values, each equally likely. */
    public <T> T oneOf(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    /** A string of {@code length} decimal digits (each drawn as a number 0–9, so often 0, 1, 8 or 9). */
    public String digits(int length) {
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            s.append((char) ('0' + between(0, 9)));
        }
        return s.toString();
    }

    /** A list of minSize to maxSize elements made by {@code element} (which may draw from this source). */
    public <T> List<T> list(int minSize, int maxSize, Supplier<T> element) {
        int size = edge() ? (random.nextBoolean() ? minSize : maxSize) : random.nextInt(minSize, maxSize + 1);
        List<T> list = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            list.add(element.get());
        }
        return list;
    }
}
