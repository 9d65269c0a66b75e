package cn.dibao.calendar;

import cn.dibao.common.error.DomainException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The working-day calendar (工作日历) for deadlines: a day is a working day (工作日) when it is
 * Monday to Friday and not a HOLIDAY, or a Saturday or Sunday marked WORKDAY (调休上班). A year
 * with no rows at all counts Monday to Friday ({@link #hasCalendar} tells pages to warn).
 * <p>
 * Counting (ADR 0008): the day a period starts from (受理 of an application, say) is day 0 and
 * never counts; day 1 is the first working day after it. So a limit of n working days from S ends
 * at the end of {@link #addWorkingDays addWorkingDays(S, n)}, and on any day D,
 * {@link #workingDaysBetween workingDaysBetween(S, D)} working days of it have passed.
 * <p>
 * Each year is read once and kept (about 2 KB), so a worklist of hundreds of cases
 * costs no queries; an edit through {@link CalendarService} drops the kept years when its
 * transaction ends, and a kept year is read again after {@link #RELOAD_AFTER} in any case (an
 * edit in SQL or on another instance). Supported years: {@link #FIRST_YEAR} to {@link #LAST_YEAR}.
 */
@Service
public class WorkingCalendar {

    public static final int FIRST_YEAR = 2000;
    public static final int LAST_YEAR = 2099;
    static final Duration RELOAD_AFTER = Duration.ofMinutes(10);

    private final CalendarDayRepository days;
    private final WorkingDays counter = new WorkingDays(this::year);
    private final Map<Integer, Kept> kept = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();

    WorkingCalendar(CalendarDayRepository days) {
        this.days = days;
    }

    /** Monday to Friday unless a HOLIDAY; Saturday and Sunday only when a WORKDAY. */
    public boolean isWorkingDay(LocalDate day) {
        return counter.isWorkingDay(day);
    }

    /**
     * The day on which {@code n} working days after {@code start} have passed: the n-th working
     * day after {@code start}. {@code start} itself never counts, whether or not it is a working
     * day; day 1 is the first working day after it. {@code n = 0} gives {@code start}. The result
     * is always a working day when n &ge; 1, and
     * {@code workingDaysBetween(start, addWorkingDays(start, n)) == n}.
     *
     * @throws IllegalArgumentException when n is negative
     * @throws DomainException          ({@code calendar.year.range}) when the count leaves the supported years
     */
    public LocalDate addWorkingDays(LocalDate start, int n) {
        return counter.addWorkingDays(start, n);
    }

    /**
     * The working days after {@code fromExclusive} up to and including {@code toInclusive}: how
     * many working days of a period that started on {@code fromExclusive} have passed by the end
     * of {@code toInclusive}. 0 for the same day; negative when {@code toInclusive} comes first
     * (minus the working days after {@code toInclusive} up to and including {@code fromExclusive}).
     */
    public int workingDaysBetween(LocalDate fromExclusive, LocalDate toInclusive) {
        return counter.workingDaysBetween(fromExclusive, toInclusive);
    }

    /**
     * The day {@code n} calendar days after {@code start} (start itself not counted, as for
     * working days): {@code start.plusDays(n)}. It does not move off a rest day; a caller whose
     * rule says a period ending on a holiday ends on the next working day (《民法典》第二百零三条)
     * takes {@code isWorkingDay(d) ? d : addWorkingDays(d, 1)}.
     *
     * @throws IllegalArgumentException when n is negative
     */
    public LocalDate addCalendarDays(LocalDate start, int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n must not be negative: " + n);
        }
        return start.plusDays(n);
    }

    /** Whether anybody entered the year's holidays; without them it counts Monday to Friday. */
    public boolean hasCalendar(int year) {
        return year(year).hasExceptions();
    }

    /** Whether some of the year's days are provisional (entered before the State Council notice). */
    public boolean isProvisional(int year) {
        return year(year).provisional();
    }

    /** The working days of a whole year. */
    int workingDaysIn(int year) {
        return year(year).total();
    }

    /** Forgets every kept year when the current transaction ends (at once without one). */
    void forgetAfterTransaction() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    forget();
                }
            });
        } else {
            forget();
        }
    }

    private void forget() {
        generation.incrementAndGet();
        kept.clear();
    }

    private YearCalendar year(int year) {
        checkYear(year, null);
        long now = System.nanoTime();
        long current = generation.get();
        Kept k = kept.get(year);
        if (k != null && k.generation() == current && now - k.readAt() < RELOAD_AFTER.toNanos()) {
            return k.calendar();
        }
        // Tagged with the generation seen before reading: a year read while an edit commits is
        // not trusted after that edit's forget().
        YearCalendar read = read(year);
        kept.put(year, new Kept(read, current, now));
        return read;
    }

    private YearCalendar read(int year) {
        List<CalendarDay> rows = days.findBetween(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
        if (rows.isEmpty()) {
            return YearCalendar.weekdaysOnly(year);
        }
        Map<LocalDate, DayKind> exceptions = new HashMap<>();
        rows.forEach(r -> exceptions.put(r.getDay(), r.getKind()));
        return YearCalendar.of(year, exceptions, rows.stream().anyMatch(CalendarDay::isProvisional));
    }

    /** Refuses a year outside the supported ones, naming the field it came from (null: none). */
    static void checkYear(int year, String field) {
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            throw new DomainException(field, "calendar.year.range", String.valueOf(FIRST_YEAR),
                    String.valueOf(LAST_YEAR));
        }
    }

    private record Kept(YearCalendar calendar, long generation, long readAt) {
    }
}
