package cn.dibao.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;

/** A day of the calendar that differs from the Monday-to-Friday rule. */
public record CalendarDayView(LocalDate date, DayKind kind, String name, boolean provisional) {

    /** Whether the day is a Saturday or Sunday. */
    public boolean weekend() {
        return date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
    }
}
