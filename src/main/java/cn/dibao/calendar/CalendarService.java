package cn.dibao.calendar;

import cn.dibao.audit.AuditTrail;
import cn.dibao.common.security.CurrentStaff;
import cn.dibao.common.error.DomainException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Keeping the working-day calendar: a year's days, adding and removing days, confirming a
 * provisional year. Every change is audited and makes {@link WorkingCalendar} read the calendar
 * again. The calendar is national: it has no area scope.
 */
@Service
@Transactional(readOnly = true)
public class CalendarService {

    /** The longest span one entry may add (the longest holidays are 8 or 9 days). */
    static final int MAX_SPAN_DAYS = 31;
    static final int MAX_NAME_LENGTH = 30;
    /** The most working days the due-date question accepts (about four years). */
    static final int MAX_WORKING_DAYS = 1000;

    private final CalendarDayRepository days;
    private final WorkingCalendar calendar;
    private final AuditTrail audit;
    private final Clock clock;

    CalendarService(CalendarDayRepository days, WorkingCalendar calendar, AuditTrail audit, Clock clock) {
        this.days = days;
        this.calendar = calendar;
        this.audit = audit;
        this.clock = clock;
    }

    /** The year it is now by the app's clock (China Standard Time). */
    public int currentYear() {
        return LocalDate.now(clock).getYear();
    }

    /** A year's HOLIDAY and WORKDAY days in date order, with its working days. */
    public CalendarYear year(int year) {
        WorkingCalendar.checkYear(year, "year");
        List<CalendarDayView> list = days.findBetween(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)).stream()
                .map(CalendarDay::view).toList();
        return new CalendarYear(year, list, list.stream().anyMatch(CalendarDayView::provisional),
                calendar.workingDaysIn(year));
    }

    /**
     * The due date of a period of {@code workingDays} working days that starts on {@code from}
     * (see {@link WorkingCalendar#addWorkingDays}); provisional when a year it touches has no
     * calendar or a provisional one, so the date may still move.
     */
    public DueDate due(LocalDate from, int workingDays) {
        if (from == null) {
            throw new DomainException("from", "calendar.from.required");
        }
        WorkingCalendar.checkYear(from.getYear(), "from");
        if (workingDays < 0 || workingDays > MAX_WORKING_DAYS) {
            throw new DomainException("days", "calendar.days.range", String.valueOf(MAX_WORKING_DAYS));
        }
        LocalDate due = calendar.addWorkingDays(from, workingDays);
        boolean provisional = IntStream.rangeClosed(from.getYear(), due.getYear())
                .anyMatch(y -> !calendar.hasCalendar(y) || calendar.isProvisional(y));
        return new DueDate(from, workingDays, due, provisional);
    }

    /**
     * Adds a WORKDAY (one Saturday or Sunday) or a HOLIDAY: one day, or every day from
     * {@code date} to {@code until} (weekend days included, so the page shows the whole
     * period). Refused, naming the field: a WORKDAY on Monday to Friday, a HOLIDAY with no day
     * of Monday to Friday, a span longer than {@value #MAX_SPAN_DAYS} days, a day already entered.
     * Days added by an administrator are not provisional.
     */
    @Transactional
    public List<CalendarDayView> add(NewDays cmd) {
        LocalDate first = cmd.date();
        if (first == null) {
            throw new DomainException("date", "calendar.date.required");
        }
        if (cmd.kind() == null) {
            throw new DomainException("kind", "calendar.kind.required");
        }
        String name = cmd.name() == null ? "" : cmd.name().trim();
        if (name.isEmpty()) {
            throw new DomainException("name", "calendar.name.required");
        }
        if (name.length() > MAX_NAME_LENGTH) {
            throw new DomainException("name", "calendar.name.tooLong");
        }
        WorkingCalendar.checkYear(first.getYear(), "date");
        LocalDate last = cmd.until() == null ? first : cmd.until();
        if (last.isBefore(first)) {
            throw new DomainException("until", "calendar.until.beforeDate");
        }
        if (cmd.kind() == DayKind.WORKDAY) {
            if (!last.equals(first)) {
                throw new DomainException("until", "calendar.until.workday");
            }
            if (!weekend(first)) {
                throw new DomainException("date", "calendar.workday.weekday");
            }
        } else {
            if (ChronoUnit.DAYS.between(first, last) >= MAX_SPAN_DAYS) {
                throw new DomainException("until", "calendar.until.tooLong");
            }
            WorkingCalendar.checkYear(last.getYear(), "until");
            if (first.datesUntil(last.plusDays(1)).allMatch(CalendarService::weekend)) {
                throw new DomainException("date", "calendar.holiday.weekend");
            }
        }
        List<CalendarDay> taken = days.findBetween(first, last);
        if (!taken.isEmpty()) {
            CalendarDay t = taken.get(0);
            throw new DomainException("date", "calendar.date.duplicate", t.getDay().toString(), t.getName());
        }
        List<CalendarDay> added = new ArrayList<>();
        first.datesUntil(last.plusDays(1)).forEach(d -> added.add(days.save(new CalendarDay(d, cmd.kind(), name))));
        days.flush();
        String span = first.equals(last) ? first.toString() : first + ".." + last;
        audit.record("CALENDAR_DAYS_ADDED", "calendar_day", span, actorArea(), cmd.kind() + " " + name + " " + span);
        calendar.forgetAfterTransaction();
        return added.stream().map(CalendarDay::view).toList();
    }

    /** Removes one day; refused when it is not (or no longer) entered. */
    @Transactional
    public CalendarDayView remove(LocalDate day) {
        CalendarDay d = (day == null ? null : days.findById(day).orElse(null));
        if (d == null) {
            throw new DomainException("day", "calendar.remove.missing");
        }
        days.delete(d);
        days.flush();
        audit.record("CALENDAR_DAY_REMOVED", "calendar_day", day.toString(), actorArea(),
                d.getKind() + " " + d.getName() + (d.isProvisional() ? " (provisional)" : ""));
        calendar.forgetAfterTransaction();
        return d.view();
    }

    /**
     * Confirms a year against the State Council notice: none of its days stays provisional.
     * Returns how many days were confirmed; refused when none was provisional.
     */
    @Transactional
    public int confirm(int year) {
        WorkingCalendar.checkYear(year, "year");
        List<CalendarDay> provisional = days.findBetween(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31))
                .stream().filter(CalendarDay::isProvisional).toList();
        if (provisional.isEmpty()) {
            throw new DomainException("year", "calendar.confirm.nothing");
        }
        provisional.forEach(CalendarDay::confirm);
        days.flush();
        audit.record("CALENDAR_YEAR_CONFIRMED", "calendar_year", year, actorArea(),
                provisional.size() + " days");
        calendar.forgetAfterTransaction();
        return provisional.size();
    }

    private static boolean weekend(LocalDate d) {
        return d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    /** The calendar has no area; the audit line carries the acting administrator's, so their auditors see it. */
    private static String actorArea() {
        return CurrentStaff.require().scopeAreaCode();
    }

    /** What the add form sends: a day, or a HOLIDAY span up to {@code until} (null: one day). */
    public record NewDays(LocalDate date, LocalDate until, DayKind kind, String name) {
    }

    /** The answer to "n working days from this day end when?". */
    public record DueDate(LocalDate from, int days, LocalDate due, boolean provisional) {
    }
}
