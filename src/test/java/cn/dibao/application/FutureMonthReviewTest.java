package cn.dibao.application;

import cn.dibao.common.error.DomainException;
import cn.dibao.eligibility.EligibilityCheckService;
import cn.dibao.support.Fixtures;
import cn.dibao.support.IntegrationTest;
import cn.dibao.support.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.LocalDate;
import java.time.YearMonth;

import static cn.dibao.application.Cases.eligible;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A 初审 rests on a stored check, so on a standard in force (ADR 0023): as of a month whose standard
 * takes effect later it is refused on the month, nothing is stored; as of this month it goes on.
 */
@IntegrationTest
class FutureMonthReviewTest {

    @Autowired
    Cases cases;
    @Autowired
    ApplicationService service;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MutableClock clock;
    @Autowired
    Fixtures fixtures;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aTownshipReviewAsOfAMonthUnderAScheduledStandardIsRefusedOnTheMonth() {
        cases.on(LocalDate.of(2026, 11, 16));
        Cases.Township t = cases.township(false, "0");
        jdbc.update("""
                insert into subsidy_standard (area_code, effective_from, note, dibao_standard, tekun_basic)
                values (?, date '2027-01-01', '已公布、尚未生效', 900, 1170)""", t.code());
        String caseworker = fixtures.user(t.code(), Fixtures.DEMO_PASSWORD, "CASEWORKER");
        Cases.Household h = cases.household(t.village());
        long id = cases.accept(caseworker, h);
        cases.investigate(caseworker, id);

        assertThatThrownBy(() -> cases.run(caseworker, () -> service.townshipReview(id, eligible(YearMonth.of(2027, 1),
                null))))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.field()).isEqualTo("month");
                    assertThat(e.messageKey()).isEqualTo(EligibilityCheckService.STANDARD_NOT_IN_FORCE);
                    assertThat(e.args()).containsExactly("2027-01");
                });
        assertThat(jdbc.queryForObject("select count(*) from eligibility_check where household_id = ?", Integer.class,
                h.id())).isZero();

        cases.run(caseworker, () -> service.townshipReview(id, eligible(YearMonth.of(2026, 11), null)));
        ApplicationView v = cases.view(id);
        assertThat(v.state()).isEqualTo(ApplicationState.PUBLICITY);
        assertThat(v.proposedAmount()).isEqualByComparingTo("1065.00");
    }
}
