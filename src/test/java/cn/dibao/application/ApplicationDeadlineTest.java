package cn.dibao.application;

import cn.dibao.common.error.DomainException;
import cn.dibao.support.Fixtures;
import cn.dibao.support.IntegrationTest;
import cn.dibao.support.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.LocalDate;

import static cn.dibao.application.Cases.CASEWORKER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Time limits in working days across 国庆 and 春节 with their 调休 workdays (V7, 2026: 春节 15–23
 * February off, 14 and 28 February worked; 中秋 25–27 September and 国庆 1–7 October off, 20 September
 * and 10 October worked), under the demo county standard (investigation start 3 WD, county decision
 * 10 WD, total 30 WD or 45 extended, 公示 7 calendar days not counted in the total).
 */
@IntegrationTest
class ApplicationDeadlineTest {

    @Autowired
    ApplicationService service;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MutableClock clock;
    @Autowired
    Fixtures fixtures;

    @Autowired
    Cases cases;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /**
     * Accepted Monday 28 September: day 1 is Tuesday 29, day 2 Wednesday 30, then 1–7 October are off,
     * so the investigation must start by Thursday 8 October; 30 WD end on Friday 13 November.
     */
    @Test
    void acceptedBeforeNationalDay() {
        cases.on(LocalDate.of(2026, 9, 28));
        long id = cases.accept(CASEWORKER, cases.household(Fixtures.VILLAGE_A));

        ApplicationView v = cases.view(id);
        assertThat(v.receivedOn()).isEqualTo("2026-09-28");
        assertThat(v.stepDue().due()).isEqualTo("2026-10-08");
        assertThat(v.totalDue().due()).isEqualTo("2026-11-13");
        assertThat(v.stepDue().status()).isEqualTo(Deadline.Status.ON_TIME);
        assertThat(v.stepDue().workingDaysLeft()).isEqualTo(3);

        // the badge of the step as the days pass: due soon from 2 working days left, overdue after the day
        assertBadge(id, LocalDate.of(2026, 9, 29), Deadline.Status.DUE_SOON, 2);
        assertBadge(id, LocalDate.of(2026, 9, 30), Deadline.Status.DUE_SOON, 1);
        assertBadge(id, LocalDate.of(2026, 10, 4), Deadline.Status.DUE_SOON, 1); // the holiday does not count
        assertBadge(id, LocalDate.of(2026, 10, 8), Deadline.Status.DUE_SOON, 0);
        assertBadge(id, LocalDate.of(2026, 10, 9), Deadline.Status.OVERDUE, -1);
        assertBadge(id, LocalDate.of(2026, 10, 12), Deadline.Status.OVERDUE, -3); // Saturday 10th was worked
        assertThat(cases.view(id).totalDue().status()).isEqualTo(Deadline.Status.ON_TIME);

        // once the investigation starts, the step limit is met
        cases.run(CASEWORKER, () -> service.startInvestigation(id));
        assertThat(cases.view(id).stepDue()).isNull();

        // special case: the whole limit extended once, to 45 WD
        cases.run(CASEWORKER, () -> service.extend(id, Cases.reason("需要补充调查外地房产")));
        v = cases.view(id);
        assertThat(v.extended()).isTrue();
        assertThat(v.extensionReason()).isEqualTo("需要补充调查外地房产");
        assertThat(v.totalDue().due()).isEqualTo("2026-12-04");
        assertThatThrownBy(() -> cases.run(CASEWORKER, () -> service.extend(id, Cases.reason("再延"))))
                .isInstanceOf(DomainException.class).hasMessageContaining("application.extend.once");

        cases.on(LocalDate.of(2026, 12, 7));
        assertThat(cases.view(id).totalDue().status()).isEqualTo(Deadline.Status.OVERDUE);
    }

    /**
     * The ADR's example: accepted Thursday 12 February, 3 WD are Friday 13, Saturday 14 (调休上班) and,
     * after 15–23 February off, Tuesday 24. 30 WD end on 1 April (28 February is worked too, 清明 is
     * after), 45 WD on 23 April.
     */
    @Test
    void acceptedBeforeSpringFestival() {
        cases.on(LocalDate.of(2026, 2, 12));
        long id = cases.accept(CASEWORKER, cases.household(Fixtures.VILLAGE_A));

        ApplicationView v = cases.view(id);
        assertThat(v.stepDue().due()).isEqualTo("2026-02-24");
        assertThat(v.totalDue().due()).isEqualTo("2026-04-01");
        assertBadge(id, LocalDate.of(2026, 2, 14), Deadline.Status.DUE_SOON, 1); // Saturday, but worked
        assertBadge(id, LocalDate.of(2026, 2, 20), Deadline.Status.DUE_SOON, 1);

        cases.run(Cases.REVIEWER, () -> service.extend(id, Cases.reason("家庭成员在外省，核对需时")));
        assertThat(cases.view(id).totalDue().due()).isEqualTo("2026-04-23");
    }

    /**
     * 公示 is not counted in the total: 初审 on Friday 9 October puts the 7-day 公示 on 9–15 October,
     * six working days (Saturday 10 was worked), so the total moves from 30 to 36 WD after 28
     * September: 23 November. The county then has 10 WD from the day 公示 is closed.
     */
    @Test
    void publicityIsNotCountedInTheTotal() {
        cases.on(LocalDate.of(2026, 9, 28));
        long id = cases.accept(CASEWORKER, cases.household(Fixtures.VILLAGE_A));
        cases.on(LocalDate.of(2026, 10, 9));
        cases.investigate(CASEWORKER, id);
        cases.review(CASEWORKER, id);

        ApplicationView v = cases.view(id);
        assertThat(v.state()).isEqualTo(ApplicationState.PUBLICITY);
        assertThat(v.publicities()).singleElement().satisfies(p -> {
            assertThat(p.startsOn()).isEqualTo("2026-10-09");
            assertThat(p.endsOn()).isEqualTo("2026-10-15");
        });
        assertThat(v.stepDue().due()).isEqualTo("2026-10-15");
        assertThat(v.totalDue().due()).isEqualTo("2026-11-23");

        cases.on(LocalDate.of(2026, 10, 15));
        assertThatThrownBy(() -> cases.run(CASEWORKER, () -> service.closePublicity(id)))
                .isInstanceOf(DomainException.class)
                .satisfies(e -> {
                    assertThat(((DomainException) e).messageKey()).isEqualTo("application.publicity.notEnded");
                    assertThat(((DomainException) e).args()).containsExactly(LocalDate.of(2026, 10, 15));
                });
        cases.on(LocalDate.of(2026, 10, 16));
        cases.run(CASEWORKER, () -> service.closePublicity(id));
        v = cases.view(id);
        assertThat(v.state()).isEqualTo(ApplicationState.AWAITING_DECISION);
        assertThat(v.stepDue().due()).isEqualTo("2026-10-30");
        assertThat(v.totalDue().due()).isEqualTo("2026-11-23");

        // extended, the 公示 days still come on top: 45 + 6 WD
        cases.run(Cases.REVIEWER, () -> service.extend(id, Cases.reason("有信访事项待核实")));
        assertThat(cases.view(id).totalDue().due()).isEqualTo("2026-12-14");

        // decided, the total limit is met
        if (cases.view(id).visitRequired()) {
            cases.countyVisit(Cases.REVIEWER, id);
        }
        cases.run(Cases.REVIEWER, () -> service.approve(id, new ApplicationInput.Approve(null)));
        assertThat(cases.view(id).totalDue().status()).isEqualTo(Deadline.Status.DONE);
    }

    /**
     * Where 公示 is counted and lasts working days (a township's own setting), it does not move the
     * total: 5 WD from Wednesday 30 September end on Monday 12 October.
     */
    @Test
    void publicityInWorkingDaysAndCounted() {
        Cases.Township t = cases.township(false, "0");
        cases.procedure(t.code(), "DIBAO", "publicity_unit = 'WORKING', publicity_days = 5, publicity_counted = true");
        String caseworker = fixtures.user(t.code(), Fixtures.DEMO_PASSWORD, "CASEWORKER");
        cases.on(LocalDate.of(2026, 9, 28));
        long id = cases.accept(caseworker, cases.household(t.village()));
        cases.on(LocalDate.of(2026, 9, 30));
        cases.investigate(caseworker, id);
        cases.review(caseworker, id);

        ApplicationView v = cases.view(id);
        assertThat(v.publicities()).singleElement().satisfies(p -> {
            assertThat(p.startsOn()).isEqualTo("2026-09-30");
            assertThat(p.endsOn()).isEqualTo("2026-10-12");
        });
        assertThat(v.totalDue().due()).isEqualTo("2026-11-13");
    }

    /** The badge itself: working days left, counted on the calendar. */
    @Test
    void badges() {
        LocalDate due = LocalDate.of(2026, 10, 8);
        assertThat(service.deadline(due, false, LocalDate.of(2026, 9, 28)))
                .isEqualTo(new Deadline(due, Deadline.Status.ON_TIME, 3));
        assertThat(service.deadline(due, false, LocalDate.of(2026, 9, 29)))
                .isEqualTo(new Deadline(due, Deadline.Status.DUE_SOON, 2));
        assertThat(service.deadline(due, false, LocalDate.of(2026, 10, 7)))
                .isEqualTo(new Deadline(due, Deadline.Status.DUE_SOON, 1));
        assertThat(service.deadline(due, false, due)).isEqualTo(new Deadline(due, Deadline.Status.DUE_SOON, 0));
        assertThat(service.deadline(due, false, LocalDate.of(2026, 10, 9)))
                .isEqualTo(new Deadline(due, Deadline.Status.OVERDUE, -1));
        assertThat(service.deadline(due, true, LocalDate.of(2026, 12, 1)))
                .isEqualTo(new Deadline(due, Deadline.Status.DONE, 0));
        assertThat(service.deadline(null, false, due)).isNull();
    }

    private void assertBadge(long id, LocalDate today, Deadline.Status status, int left) {
        cases.on(today);
        Deadline step = cases.view(id).stepDue();
        assertThat(step.status()).as("on " + today).isEqualTo(status);
        assertThat(step.workingDaysLeft()).as("on " + today).isEqualTo(left);
    }
}
