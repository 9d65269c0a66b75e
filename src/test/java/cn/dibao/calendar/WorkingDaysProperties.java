package cn.dibao.calendar;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.time.api.Dates;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On random calendars (holidays on any day, workdays on weekends, over 2029–2033): the fast
 * count agrees with walking day by day, and adding and counting undo each other.
 */
class WorkingDaysProperties {

    private static final LocalDate FIRST = LocalDate.of(2029, 1, 1);
    private static final LocalDate LAST = LocalDate.of(2033, 12, 31);

    @Provide
    Arbitrary<Map<LocalDate, DayKind>> calendars() {
        Arbitrary<LocalDate> day = Dates.dates().between(FIRST, LAST);
        return Combinators.combine(day.list().ofMaxSize(120), day.list().ofMaxSize(40)).as((holidays, weekends) -> {
            Map<LocalDate, DayKind> m = new HashMap<>();
            holidays.forEach(d -> m.put(d, DayKind.HOLIDAY));
            weekends.stream().filter(WorkingDaysProperties::weekend).forEach(d -> m.put(d, DayKind.WORKDAY));
            return m;
        });
    }

    @Provide
    Arbitrary<LocalDate> starts() {
        return Dates.dates().between(FIRST, LocalDate.of(2031, 12, 31));
    }

    @Property(tries = 300)
    void addingAndCountingAgreeWithAWalk(@ForAll("calendars") Map<LocalDate, DayKind> exceptions,
                                         @ForAll("starts") LocalDate start, @ForAll @IntRange(max = 400) int n) {
        WorkingDays days = new WorkingDays(y -> YearCalendar.of(y, exceptions, false));
        LocalDate due = days.addWorkingDays(start, n);

        assertThat(due).isEqualTo(walk(exceptions, start, n));
        assertThat(days.workingDaysBetween(start, due)).isEqualTo(n);
        assertThat(days.workingDaysBetween(due, start)).isEqualTo(-n);
        if (n > 0) {
            assertThat(days.isWorkingDay(due)).isTrue();
            assertThat(days.workingDaysBetween(start, due.minusDays(1))).isEqualTo(n - 1);
        }
    }

    @Property(tries = 300)
    void betweenCountsTheWorkingDaysAfterTheFirstThroughTheLast(
            @ForAll("calendars") Map<LocalDate, DayKind> exceptions, @ForAll("starts") LocalDate from,
            @ForAll @IntRange(max = 800) int length) {
        WorkingDays days = new WorkingDays(y -> YearCalendar.of(y, exceptions, false));
        LocalDate to = from.plusDays(length);
        long expected = from.plusDays(1).datesUntil(to.plusDays(1)).filter(d -> working(exceptions, d)).count();
        assertThat(days.workingDaysBetween(from, to)).isEqualTo((int) expected);
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
