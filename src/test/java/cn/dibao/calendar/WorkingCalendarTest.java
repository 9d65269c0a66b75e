package cn.dibao.calendar;

import cn.dibao.common.error.DomainException;
import cn.dibao.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Deadlines on the seeded 2026 calendar (国办发明电〔2025〕7号) and the provisional 2027 one. */
@IntegrationTest
class WorkingCalendarTest {

    @Autowired
    WorkingCalendar calendar;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void springFestival2026() {
        // accepted Thursday 12 February: Fri 13 is day 1, Sat 14 (调休上班) day 2, 15–23 off, Tue 24 day 3
        LocalDate accepted = LocalDate.of(2026, 2, 12);
        assertThat(calendar.addWorkingDays(accepted, 1)).isEqualTo(LocalDate.of(2026, 2, 13));
        assertThat(calendar.addWorkingDays(accepted, 2)).isEqualTo(LocalDate.of(2026, 2, 14));
        assertThat(calendar.addWorkingDays(accepted, 3)).isEqualTo(LocalDate.of(2026, 2, 24));
        assertThat(calendar.workingDaysBetween(accepted, LocalDate.of(2026, 2, 23))).isEqualTo(2);
        // February: 2–6, 9–13, Sat 14, 24–27, Sat 28 (Sun 1 March is a plain Sunday)
        assertThat(calendar.workingDaysBetween(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 3, 1))).isEqualTo(16);
    }

    @Test
    void weekendWorkdaysCountAndHolidaysDoNot() {
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 14))).as("Sat 14 Feb, 调休上班").isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 28))).as("Sat 28 Feb, 调休上班").isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 1, 4))).as("Sun 4 Jan, 调休上班").isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 21))).as("Sat 21 Feb inside 春节").isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 16))).as("Mon 16 Feb, 春节").isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 23))).as("Mon 23 Feb, last day of 春节").isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 3, 7))).as("a plain Saturday").isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 3, 9))).as("a plain Monday").isTrue();
        // from Friday 13 February, the next working day is the Saturday
        assertThat(calendar.addWorkingDays(LocalDate.of(2026, 2, 13), 1)).isEqualTo(LocalDate.of(2026, 2, 14));
        // from Sunday 3 January (元旦 span), day 1 is Sunday 4 January
        assertThat(calendar.addWorkingDays(LocalDate.of(2025, 12, 31), 1)).isEqualTo(LocalDate.of(2026, 1, 4));
    }

    @Test
    void nationalDay2026WithItsTwoWorkdays() {
        // from Fri 18 Sep: Sun 20 (调休上班) is day 1, 21–24, 25–27 中秋, 28–30, 1–7 Oct 国庆, 8, 9, Sat 10 (调休上班) day 11
        LocalDate start = LocalDate.of(2026, 9, 18);
        assertThat(calendar.addWorkingDays(start, 1)).isEqualTo(LocalDate.of(2026, 9, 20));
        assertThat(calendar.addWorkingDays(start, 8)).isEqualTo(LocalDate.of(2026, 9, 30));
        assertThat(calendar.addWorkingDays(start, 9)).isEqualTo(LocalDate.of(2026, 10, 8));
        assertThat(calendar.addWorkingDays(start, 11)).isEqualTo(LocalDate.of(2026, 10, 10));
        assertThat(calendar.addWorkingDays(start, 12)).isEqualTo(LocalDate.of(2026, 10, 12));
        assertThat(calendar.workingDaysBetween(LocalDate.of(2026, 9, 30), LocalDate.of(2026, 10, 7))).isZero();
    }

    @Test
    void thirtyWorkingDaysFromSeptember() {
        // the 30-working-day total limit from 受理 on Thursday 10 September 2026 ends on Wednesday 28 October
        LocalDate accepted = LocalDate.of(2026, 9, 10);
        LocalDate due = calendar.addWorkingDays(accepted, 30);
        assertThat(due).isEqualTo(LocalDate.of(2026, 10, 28));
        assertThat(calendar.workingDaysBetween(accepted, due)).isEqualTo(30);
        assertThat(calendar.workingDaysBetween(accepted, LocalDate.of(2026, 10, 27))).isEqualTo(29);
        // a 7-day 公示 in calendar days ignores holidays
        assertThat(calendar.addCalendarDays(LocalDate.of(2026, 9, 30), 7)).isEqualTo(LocalDate.of(2026, 10, 7));
    }

    @Test
    void aSpanAcrossSpringFestivalAndNationalDay() {
        LocalDate from = LocalDate.of(2026, 2, 12);
        LocalDate to = LocalDate.of(2026, 10, 12);
        assertThat(calendar.workingDaysBetween(from, to)).isEqualTo(160);
        assertThat(calendar.addWorkingDays(from, 160)).isEqualTo(to);
        assertThat(calendar.workingDaysBetween(to, from)).isEqualTo(-160);
    }

    @Test
    void wholeYears() {
        // 2026: 261 weekdays, 19 of them off, 6 weekend days worked
        assertThat(calendar.workingDaysBetween(LocalDate.of(2025, 12, 31), LocalDate.of(2026, 12, 31))).isEqualTo(248);
        assertThat(calendar.hasCalendar(2026)).isTrue();
        assertThat(calendar.isProvisional(2026)).isFalse();
        // 2027 (provisional): 261 weekdays, the 13 statutory days off
        assertThat(calendar.workingDaysBetween(LocalDate.of(2026, 12, 31), LocalDate.of(2027, 12, 31))).isEqualTo(248);
        assertThat(calendar.hasCalendar(2027)).isTrue();
        assertThat(calendar.isProvisional(2027)).isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2027, 2, 10))).as("补假 for 初一, a Saturday").isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2027, 2, 11))).isTrue();
        // 2033: nobody entered it; plain Monday to Friday
        assertThat(calendar.hasCalendar(2033)).isFalse();
        assertThat(calendar.isProvisional(2033)).isFalse();
        assertThat(calendar.workingDaysBetween(LocalDate.of(2032, 12, 31), LocalDate.of(2033, 12, 31))).isEqualTo(260);
    }

    @Test
    void acrossTheTurnOfTheYear() {
        // Thu 31 Dec 2026 + 1: Fri 1 Jan 2027 is 元旦 (provisional), then Mon 4 Jan
        assertThat(calendar.addWorkingDays(LocalDate.of(2026, 12, 31), 1)).isEqualTo(LocalDate.of(2027, 1, 4));
        assertThat(calendar.addWorkingDays(LocalDate.of(2026, 12, 20), 30)).isEqualTo(LocalDate.of(2027, 2, 1));
    }

    @Test
    void yearsOutsideTheSupportedRangeAreRefused() {
        assertThatThrownBy(() -> calendar.isWorkingDay(LocalDate.of(1999, 12, 31)))
                .isInstanceOf(DomainException.class).hasMessageContaining("calendar.year.range");
        assertThatThrownBy(() -> calendar.addWorkingDays(LocalDate.of(2099, 12, 1), 30))
                .isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> calendar.addWorkingDays(LocalDate.of(2026, 1, 5), -1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** A year is read once: a row written behind the service's back shows only after the kept years are dropped. */
    @Test
    void yearsAreKeptUntilAnEditDropsThem() {
        LocalDate monday = LocalDate.of(2032, 3, 1);
        assertThat(calendar.isWorkingDay(monday)).isTrue();
        jdbc.update("insert into calendar_day (day, kind, name) values (?, 'HOLIDAY', '缓存测试')", monday);
        try {
            assertThat(calendar.isWorkingDay(monday)).as("still the kept year").isTrue();
            calendar.forgetAfterTransaction();
            assertThat(calendar.isWorkingDay(monday)).as("read again").isFalse();
            assertThat(calendar.hasCalendar(2032)).isTrue();
        } finally {
            jdbc.update("delete from calendar_day where day = ?", monday);
            calendar.forgetAfterTransaction();
        }
        assertThat(calendar.isWorkingDay(monday)).isTrue();
    }
}
