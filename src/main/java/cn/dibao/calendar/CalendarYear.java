package cn.dibao.calendar;

import java.util.List;

/**
 * One year of the calendar: its HOLIDAY and WORKDAY days in date order, whether any of them is
 * still provisional, and the working days of the whole year. No days at all: nobody entered the
 * year, and it counts Monday to Friday.
 */
public record CalendarYear(int year, List<CalendarDayView> days, boolean provisional, int workingDays) {

    public boolean hasCalendar() {
        return !days.isEmpty();
    }
}
