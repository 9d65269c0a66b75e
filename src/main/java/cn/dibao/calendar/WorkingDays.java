package cn.dibao.calendar;

import java.time.LocalDate;
import java.util.Objects;
import java.util.function.IntFunction;

/**
 * Counting working days (工作日) across years, from one {@link YearCalendar} per year. Pure: the
 * source of the years (a cache over the database in {@link WorkingCalendar}) is passed in.
 * <p>
 * The counting rule (《民法典》第二百零一条: the day an event happens is not counted): a period of
 * n working days that starts on day S ends on the n-th working day after S. S itself never
 * counts, whether or not it is a working day.
 */
final class WorkingDays {

    private final IntFunction<YearCalendar> years;

    WorkingDays(IntFunction<YearCalendar> years) {
        this.years = years;
    }

    boolean isWorkingDay(LocalDate day) {
        return years.apply(day.getYear()).isWorkingDay(day);
    }

    /**
     * The n-th working day after {@code start} ({@code start} itself is day 0 and never counts);
     * {@code start} when n is 0.
     */
    LocalDate addWorkingDays(LocalDate start, int n) {
        Objects.requireNonNull(start, "start");
        if (n < 0) {
            throw new IllegalArgumentException("n must not be negative: " + n);
        }
        if (n == 0) {
            return start;
        }
        int year = start.getYear();
        YearCalendar calendar = years.apply(year);
        // the position of the wanted day among the working days of its year
        long wanted = (long) calendar.workingDaysThrough(start) + n;
        while (wanted > calendar.total()) {
            wanted -= calendar.total();
            calendar = years.apply(++year);
        }
        return calendar.nthWorkingDay((int) wanted);
    }

    /**
     * The working days after {@code fromExclusive} up to and including {@code toInclusive}; 0 when
     * both are the same day, negative (minus the working days after {@code toInclusive} up to and
     * including {@code fromExclusive}) when {@code toInclusive} comes first.
     */
    int workingDaysBetween(LocalDate fromExclusive, LocalDate toInclusive) {
        Objects.requireNonNull(fromExclusive, "fromExclusive");
        Objects.requireNonNull(toInclusive, "toInclusive");
        if (toInclusive.isBefore(fromExclusive)) {
            return -workingDaysBetween(toInclusive, fromExclusive);
        }
        YearCalendar first = years.apply(fromExclusive.getYear());
        if (fromExclusive.getYear() == toInclusive.getYear()) {
            return first.workingDaysThrough(toInclusive) - first.workingDaysThrough(fromExclusive);
        }
        int count = first.total() - first.workingDaysThrough(fromExclusive);
        for (int y = fromExclusive.getYear() + 1; y < toInclusive.getYear(); y++) {
            count += years.apply(y).total();
        }
        return count + years.apply(toInclusive.getYear()).workingDaysThrough(toInclusive);
    }
}
