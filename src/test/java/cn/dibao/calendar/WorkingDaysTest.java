package cn.dibao.calendar;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The counting rule on hand-made years, without the database. */
class WorkingDaysTest {

    /** 2030 with a HOLIDAY on Wednesday 2 January, a WORKDAY on Saturday 5 January, and a December holiday. */
    private static final Map<LocalDate, DayKind> EXCEPTIONS = Map.of(
            LocalDate.of(2030, 1, 2), DayKind.HOLIDAY,
            LocalDate.of(2030, 1, 5), DayKind.WORKDAY,
            LocalDate.of(2030, 12, 30), DayKind.HOLIDAY,
            LocalDate.of(2030, 12, 31), DayKind.HOLIDAY);
    private final WorkingDays days = new WorkingDays(y -> y == 2030 ? YearCalendar.of(y, EXCEPTIONS, false)
            : YearCalendar.weekdaysOnly(y));

    @Test
    void mondayToFridayUnlessAHolidayWeekendOnlyAsAWorkday() {
        assertThat(days.isWorkingDay(LocalDate.of(2030, 1, 1))).as("Tuesday").isTrue();
        assertThat(days.isWorkingDay(LocalDate.of(2030, 1, 2))).as("Wednesday HOLIDAY").isFalse();
        assertThat(days.isWorkingDay(LocalDate.of(2030, 1, 5))).as("Saturday WORKDAY").isTrue();
        assertThat(days.isWorkingDay(LocalDate.of(2030, 1, 6))).as("Sunday").isFalse();
        assertThat(days.isWorkingDay(LocalDate.of(2031, 1, 4))).as("Saturday, year without a calendar").isFalse();
    }

    @Test
    void theStartDayNeverCountsDayOneIsTheNextWorkingDay() {
        LocalDate monday = LocalDate.of(2030, 1, 7);
        assertThat(days.addWorkingDays(monday, 0)).isEqualTo(monday);
        assertThat(days.addWorkingDays(monday, 1)).isEqualTo(LocalDate.of(2030, 1, 8));
        // from a Friday: the weekend is skipped
        assertThat(days.addWorkingDays(LocalDate.of(2030, 1, 11), 1)).isEqualTo(LocalDate.of(2030, 1, 14));
        // from a Sunday (a rest day): day 1 is Monday
        assertThat(days.addWorkingDays(LocalDate.of(2030, 1, 13), 1)).isEqualTo(LocalDate.of(2030, 1, 14));
        // from Tuesday 1 January: Wed 2 is off, Thu 3, Fri 4, Sat 5 (WORKDAY), Mon 7
        assertThat(days.addWorkingDays(LocalDate.of(2030, 1, 1), 1)).isEqualTo(LocalDate.of(2030, 1, 3));
        assertThat(days.addWorkingDays(LocalDate.of(2030, 1, 1), 3)).isEqualTo(LocalDate.of(2030, 1, 5));
        assertThat(days.addWorkingDays(LocalDate.of(2030, 1, 1), 4)).isEqualTo(LocalDate.of(2030, 1, 7));
    }

    @Test
    void countsAcrossTheYearEnd() {
        // Fri 27 Dec 2030; Mon 30 and Tue 31 are off; 2031 has no calendar: Wed 1 January works
        assertThat(days.addWorkingDays(LocalDate.of(2030, 12, 27), 1)).isEqualTo(LocalDate.of(2031, 1, 1));
        assertThat(days.workingDaysBetween(LocalDate.of(2030, 12, 27), LocalDate.of(2031, 1, 1))).isEqualTo(1);
        // a whole plain year: 2031 has 261 weekdays
        assertThat(days.workingDaysBetween(LocalDate.of(2030, 12, 31), LocalDate.of(2031, 12, 31))).isEqualTo(261);
        assertThat(days.addWorkingDays(LocalDate.of(2030, 12, 31), 261)).isEqualTo(LocalDate.of(2031, 12, 31));
        assertThat(days.addWorkingDays(LocalDate.of(2030, 12, 31), 262)).isEqualTo(LocalDate.of(2032, 1, 1));
        // over several years
        LocalDate start = LocalDate.of(2029, 6, 1);
        LocalDate end = days.addWorkingDays(start, 800);
        assertThat(days.workingDaysBetween(start, end)).isEqualTo(800);
        assertThat(days.workingDaysBetween(start, end.minusDays(1))).isEqualTo(799);
    }

    @Test
    void betweenIsZeroForTheSameDayAndNegativeBackwards() {
        LocalDate monday = LocalDate.of(2030, 1, 7);
        assertThat(days.workingDaysBetween(monday, monday)).isZero();
        assertThat(days.workingDaysBetween(monday, LocalDate.of(2030, 1, 14))).isEqualTo(5);
        assertThat(days.workingDaysBetween(LocalDate.of(2030, 1, 14), monday)).isEqualTo(-5);
        // a weekend adds nothing
        assertThat(days.workingDaysBetween(LocalDate.of(2030, 1, 11), LocalDate.of(2030, 1, 13))).isZero();
    }

    @Test
    void negativeCountsAreRefused() {
        assertThatThrownBy(() -> days.addWorkingDays(LocalDate.of(2030, 1, 7), -1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aYearKnowsItsTotalAndItsNthWorkingDay() {
        YearCalendar y = YearCalendar.of(2030, EXCEPTIONS, true);
        // 2030: 261 weekdays, 3 of them HOLIDAY, 1 Saturday WORKDAY
        assertThat(y.total()).isEqualTo(259);
        assertThat(y.nthWorkingDay(1)).isEqualTo(LocalDate.of(2030, 1, 1));
        assertThat(y.nthWorkingDay(259)).isEqualTo(LocalDate.of(2030, 12, 27));
        assertThat(y.hasExceptions()).isTrue();
        assertThat(y.provisional()).isTrue();
        assertThat(YearCalendar.weekdaysOnly(2030).hasExceptions()).isFalse();
        assertThatThrownBy(() -> y.nthWorkingDay(260)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> y.isWorkingDay(LocalDate.of(2031, 1, 1))).isInstanceOf(IllegalArgumentException.class);
    }
}
