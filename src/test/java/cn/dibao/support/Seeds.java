package cn.dibao.support;

import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.stream.LongStream;
import java.util.stream.Stream;

/**
 * Property tests without a library: a property is a JUnit {@code @ParameterizedTest} over seeds,
 * and each seed makes one case through a {@link Gen}.
 *
 * <pre>{@code
 * static Stream<Long> seeds() {
 *     return Seeds.of(MyPropertyTest.class, 500);
 * }
 *
 * @ParameterizedTest(name = Seeds.NAME)
 * @MethodSource("seeds")
 * void someProperty(long seed) {
 *     Seeds.check(seed, gen -> { ... gen.between(0, 95) ... assertThat(...) ... });
 * }
 * }</pre>
 *
 * The seeds of a class are fixed: first the {@link Gen#EDGE_SEEDS} seeds 0, 1, 2… whose cases are
 * made of edge values only, then {@code tries} seeds derived from the class's name; so every run
 * checks the same cases and a failure shows again on the next run. The seed is in each case's display name and in the failure
 * message; {@code -Ddibao.property.seed=<seed>} runs every property of the selected classes on that
 * one seed only, e.g. {@code ./mvnw test -Dtest=WorkingDaysPropertyTest -Ddibao.property.seed=42}.
 * {@code -Ddibao.property.tries=<n>} runs n seeds per property instead of the class's number.
 */
public final class Seeds {

    /** System property: run only this seed. */
    public static final String SEED_PROPERTY = "dibao.property.seed";
    /** System property: the number of seeds per property (instead of each class's own number). */
    public static final String TRIES_PROPERTY = "dibao.property.tries";
    /** The display name of one case: {@code @ParameterizedTest(name = Seeds.NAME)}. */
    public static final String NAME = "[{index}] seed {0}";

    private Seeds() {
    }

    /**
     * The seeds for the properties of a class: the edge seeds, then {@code tries} seeds fixed by
     * the class's name; or only the seed given with {@code -Ddibao.property.seed}.
     */
    public static Stream<Long> of(Class<?> properties, int tries) {
        String one = System.getProperty(SEED_PROPERTY);
        if (one != null && !one.isBlank()) {
            return Stream.of(Long.parseLong(one.trim()));
        }
        int n = Integer.getInteger(TRIES_PROPERTY, tries);
        Stream<Long> edges = LongStream.range(0, Gen.EDGE_SEEDS).boxed();
        Stream<Long> random = new SplittableRandom(properties.getName().hashCode())
                .longs(n, Gen.EDGE_SEEDS, Long.MAX_VALUE).boxed();
        return Stream.concat(edges, random);
    }

    /**
     * Checks a property on the case the seed makes; a failure (or an exception) is reported with
     * the seed and how to run that case alone.
     */
    public static void check(long seed, Consumer<Gen> property) {
        try {
            property.accept(new Gen(seed));
        } catch (AssertionError | RuntimeException e) {
            throw new AssertionError("property failed for seed " + seed + " (run this case alone with -D"
                    + SEED_PROPERTY + "=" + seed + "):" + System.lineSeparator() + e.getMessage(), e);
        }
    }
}
