package cn.dibao.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Year;
import java.util.Map;

/**
 * The working days of one year: Monday to Friday unless a HOLIDAY, Saturday and Sunday only when
 * a WORKDAY. Immutable and pure (no Spring, no JPA); {@link WorkingDays} counts across years.
 */
final class YearCalendar {

    private final int year;
    private final boolean[] working;
    /** {@code through[i]}: the working days among the first {@code i} days of the year. */
    private final int[] through;
    private final boolean hasExceptions;
    private final boolean provisional;

    private YearCalendar(int year, Map<LocalDate, DayKind> exceptions, boolean provisional) {
        this.year = year;
        int length = Year.of(year).length();
        this.working = new boolean[length];
        this.through = new int[length + 1];
        LocalDate day = LocalDate.of(year, 1, 1);
        for (int i = 0; i < length; i++, day = day.plusDays(1)) {
            DayKind kind = exceptions.get(day);
            boolean weekend = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
            working[i] = kind == null ? !weekend : kind == DayKind.WORKDAY;
            through[i + 1] = through[i] + (working[i] ? 1 : 0);
        }
        this.hasExceptions = exceptions.keySet().stream().anyMatch(d -> d.getYear() == year);
        this.provisional = provisional;
    }

    /**
     * The calendar of a year from its exceptions (days of other years are ignored); provisional
     * when the exceptions are not confirmed yet.
     */
    static YearCalendar of(int year, Map<LocalDate, DayKind> exceptions, boolean provisional) {
        return new YearCalendar(year, exceptions, provisional);
    }

    /** A year nobody entered: plain Monday to Friday. */
    static YearCalendar weekdaysOnly(int year) {
        return new YearCalendar(year, Map.of(), false);
    }

    int year() {
        return year;
    }

    boolean hasExceptions() {
        return hasExceptions;
    }

    boolean provisional() {
        return provisional;
    }

    boolean isWorkingDay(LocalDate day) {
        return working[index(day)];
    }

    /** The working days from 1 January up to and including {@code day}. */
    int workingDaysThrough(LocalDate day) {
        return through[index(day) + 1];
    }

    /** The working days of the whole year. */
    int total() {
        return through[working.length];
    }

    /**
     * The day on which the {@code n}-th working day of the year (1-based) falls; n must be
     * between 1 and {@link #total()}.
     */
    LocalDate nthWorkingDay(int n) {
        if (n < 1 || n > total()) {
            throw new IllegalArgumentException("working day " + n + " of " + year);
        }
        // the first index i with through[i + 1] == n
        int lo = 0;
        int hi = working.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (through[mid + 1] >= n) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return LocalDate.ofYearDay(year, lo + 1);
    }

    private int index(LocalDate day) {
        if (day.getYear() != year) {
            throw new IllegalArgumentException(day + " is not in " + year);
        }
        return day.getDayOfYear() - 1;
    }
}
