package cn.dibao.calendar;

import cn.dibao.support.Gen;
import cn.dibao.support.Seeds;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On random calendars (holidays on any day, workdays on weekends, over 2029–2033): the fast
 * count agrees with walking day by day, and adding and counting undo each other. Seeded random
 * calendars ({@link Seeds}).
 */
class WorkingDaysPropertyTest {

    private static final LocalDate FIRST = LocalDate.of(2029, 1, 1);
    private static final LocalDate LAST = LocalDate.of(2033, 12, 31);

    static Stream<Long> seeds() {
        return Seeds.of(WorkingDaysPropertyTest.class, 300);
    }

    /** Up to 120 holidays on any day and up to 40 weekend days made workdays, over 2029–2033. */
    static Map<LocalDate, DayKind> calendar(Gen gen) {
        List<LocalDate> holidays = gen.list(0, 120, () -> gen.between(FIRST, LAST));
        List<LocalDate> weekends = gen.list(0, 40, () -> gen.between(FIRST, LAST));
        Map<LocalDate, DayKind> m = new HashMap<>();
        holidays.forEach(d -> m.put(d, DayKind.HOLIDAY));
        weekends.stream().filter(WorkingDaysPropertyTest::weekend).forEach(d -> m.put(d, DayKind.WORKDAY));
        return m;
    }

    static LocalDate start(Gen gen) {
        return gen.between(FIRST, LocalDate.of(2031, 12, 31));
    }

    @ParameterizedTest(name = Seeds.NAME)
    @MethodSource("seeds")
    void addingAndCountingAgreeWithAWalk(long seed) {
        Seeds.check(seed, gen -> {
            Map<LocalDate, DayKind> exceptions = calendar(gen);
            LocalDate start = start(gen);
            int n = gen.between(0, 400);
            WorkingDays days = new WorkingDays(y -> YearCalendar.of(y, exceptions, false));
            LocalDate due = days.addWorkingDays(start, n);

            assertThat(due).isEqualTo(walk(exceptions, start, n));
            assertThat(days.workingDaysBetween(start, due)).isEqualTo(n);
            assertThat(days.workingDaysBetween(due, start)).isEqualTo(-n);
            if (n > 0) {
                assertThat(days.isWorkingDay(due)).isTrue();
                assertThat(days.workingDaysBetween(start, due.minusDays(1))).isEqualTo(n - 1);
            }
        });
    }

    @ParameterizedTest(name = Seeds.NAME)
    @MethodSource("seeds")
    void betweenCountsTheWorkingDaysAfterTheFirstThroughTheLast(long seed) {
        Seeds.check(seed, gen -> {
            Map<LocalDate, DayKind> exceptions = calendar(gen);
            LocalDate from = start(gen);
            int length = gen.between(0, 800);
            WorkingDays days = new WorkingDays(y -> YearCalendar.of(y, exceptions, false));
            LocalDate to = from.plusDays(length);
            long expected = from.plusDays(1).datesUntil(to.plusDays(1)).filter(d -> working(exceptions, d)).count();
            assertThat(days.workingDaysBetween(from, to)).isEqualTo((int) expected);
        });
    }

    private static LocalDate walk(Map<LocalDate, DayKind> exceptions, LocalDate start, int n) {
        LocalDate d = start;
        for (int left = n; left > 0; ) {
            d = d.plusDays(1);
            if (working(exceptions, d)) {
                left--;
            }
        }
        return d;
    }

    private static boolean working(Map<LocalDate, DayKind> exceptions, LocalDate d) {
        DayKind kind = exceptions.get(d);
        return kind == null ? !weekend(d) : kind == DayKind.WORKDAY;
    }

    private static boolean weekend(LocalDate d) {
        return d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
    }
}
