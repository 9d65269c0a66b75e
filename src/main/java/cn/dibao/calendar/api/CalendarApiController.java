package cn.dibao.calendar.api;

import cn.dibao.calendar.CalendarDayView;
import cn.dibao.calendar.CalendarService;
import cn.dibao.calendar.CalendarYear;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.List;

/** The working-day calendar for other systems: a year's exceptions, and due dates in working days. */
@RestController
@RequestMapping("/api/v1/calendar")
@Tag(name = "calendar", description = "工作日历: 法定节假日 (HOLIDAY) and 调休 workdays (WORKDAY); deadlines in 工作日")
@PreAuthorize("isAuthenticated()")
class CalendarApiController {

    private final CalendarService calendar;

    CalendarApiController(CalendarService calendar) {
        this.calendar = calendar;
    }

    @GetMapping("/{year}")
    @Operation(summary = "A year's days that differ from Monday-to-Friday (HOLIDAY: a day off, weekend days of a "
            + "holiday included; WORKDAY: a Saturday or Sunday worked), its working days, and whether it is "
            + "provisional or not entered at all (then it counts Monday to Friday)")
    YearAnswer year(@PathVariable int year) {
        CalendarYear y = calendar.year(year);
        return new YearAnswer(y.year(), y.hasCalendar(), y.provisional(), y.workingDays(), y.days());
    }

    @GetMapping("/working-days")
    @Operation(summary = "The day on which `days` working days after `from` have passed: the days-th working day "
            + "after `from` (`from` itself never counts; day 1 is the first working day after it). provisional: "
            + "a year on the way has no calendar or a provisional one, so the date may still move")
    CalendarService.DueDate workingDays(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                        @RequestParam int days) {
        return calendar.due(from, days);
    }

    record YearAnswer(int year, boolean hasCalendar, boolean provisional, int workingDays,
                      List<CalendarDayView> days) {
    }
}
