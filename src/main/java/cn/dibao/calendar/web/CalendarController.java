package cn.dibao.calendar.web;

import cn.dibao.calendar.CalendarDayView;
import cn.dibao.calendar.CalendarService;
import cn.dibao.calendar.DayKind;
import cn.dibao.calendar.WorkingCalendar;
import cn.dibao.common.error.DomainException;
import cn.dibao.common.error.NotFoundException;
import jakarta.validation.Valid;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.LocalDate;
import java.util.List;

/**
 * 工作日历 administration (ADMIN only, SecurityConfig): a year's holidays and 调休 workdays, adding
 * and removing days, confirming a provisional year.
 */
@Controller
@RequestMapping("/admin/calendar")
class CalendarController {

    static final String VIEW_YEAR = "calendar/year";

    private final CalendarService calendar;

    CalendarController(CalendarService calendar) {
        this.calendar = calendar;
    }

    @GetMapping
    String thisYear() {
        return "redirect:/admin/calendar/" + calendar.currentYear();
    }

    @GetMapping("/{year}")
    String year(@PathVariable int year, Model model) {
        model.addAttribute("form", CalendarDayForm.empty());
        return yearView(year, model);
    }

    @PostMapping("/{year}/days")
    String processAddForm(@PathVariable int year, @Valid @ModelAttribute("form") CalendarDayForm form,
                          BindingResult result, Model model, RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                List<CalendarDayView> added = calendar.add(
                        new CalendarService.NewDays(form.date(), form.until(), form.kind(), form.name()));
                redirect.addFlashAttribute("message", "calendar.added");
                redirect.addFlashAttribute("messageArg", added.get(0).name());
                return "redirect:/admin/calendar/" + form.date().getYear();
            } catch (DomainException e) {
                e.rejectOn(result);
            }
        }
        return yearView(year, model);
    }

    @PostMapping("/{year}/remove")
    String remove(@PathVariable int year, @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
                  RedirectAttributes redirect) {
        try {
            CalendarDayView removed = calendar.remove(day);
            redirect.addFlashAttribute("message", "calendar.removed");
            redirect.addFlashAttribute("messageArg", removed.date() + " " + removed.name());
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", e.messageKey());
        }
        return "redirect:/admin/calendar/" + year;
    }

    @PostMapping("/{year}/confirm")
    String confirm(@PathVariable int year, RedirectAttributes redirect) {
        try {
            calendar.confirm(year);
            redirect.addFlashAttribute("message", "calendar.confirmed");
            redirect.addFlashAttribute("messageArg", year);
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", e.messageKey());
        }
        return "redirect:/admin/calendar/" + year;
    }

    private String yearView(int year, Model model) {
        if (year < WorkingCalendar.FIRST_YEAR || year > WorkingCalendar.LAST_YEAR) {
            throw new NotFoundException("calendar year", year);
        }
        model.addAttribute("calendar", calendar.year(year));
        model.addAttribute("kinds", DayKind.values());
        model.addAttribute("hasPrevious", year > WorkingCalendar.FIRST_YEAR);
        model.addAttribute("hasNext", year < WorkingCalendar.LAST_YEAR);
        return VIEW_YEAR;
    }
}
