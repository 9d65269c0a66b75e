package cn.dibao.calendar.web;

import cn.dibao.calendar.DayKind;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/** The add-a-day form: a day (or a HOLIDAY span up to {@code until}), its kind and its holiday's name. */
record CalendarDayForm(
        @NotNull(message = "{calendar.date.required}") LocalDate date,
        LocalDate until,
        @NotNull(message = "{calendar.kind.required}") DayKind kind,
        @NotBlank(message = "{calendar.name.required}") @Size(max = 30, message = "{calendar.name.tooLong}") String name) {

    static CalendarDayForm empty() {
        return new CalendarDayForm(null, null, DayKind.HOLIDAY, null);
    }
}
