package cn.dibao.payout;

import cn.dibao.support.Fixtures;
import cn.dibao.support.Login;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import java.math.BigDecimal;
import java.time.YearMonth;

/**
 * A test county for the payout pages and API: two reviewers (four eyes), a township caseworker and
 * four benefits of May 2026 — three with a bank account (two 低保 in township A, one 特困 in B) and a
 * 低保 in B without one (an exception, not in the bank file). 2,100.34 yuan in all.
 */
final class PayoutWebFixture {

    static final YearMonth MAY = YearMonth.of(2026, 5);
    static final BigDecimal TOTAL = new BigDecimal("2100.34");

    final PayoutTestCounty c;
    final String generator;
    final String approver;
    final String caseworker;
    final long b1;
    final long b2;
    final long b3;
    final long noAccount;
    final long[] h1;
    final long[] h4;

    PayoutWebFixture(JdbcTemplate jdbc, UserDetailsService users, Fixtures fixtures) {
        this.c = PayoutTestCounty.create(jdbc, users);
        this.generator = c.reviewer(fixtures);
        this.approver = c.reviewer(fixtures);
        this.caseworker = fixtures.user(c.townshipA, PayoutTestCounty.PASSWORD, "CASEWORKER");
        YearMonth jan = YearMonth.of(2026, 1);
        h1 = c.household(c.villageA);
        long[] h2 = c.household(c.villageA);
        long[] h3 = c.household(c.villageB);
        h4 = c.household(c.villageB);
        b1 = c.benefit(h1, "DIBAO", false, "500.10", jan, null, "ACTIVE");
        b2 = c.benefit(h2, "DIBAO", false, "300.25", jan, null, "ACTIVE");
        b3 = c.benefit(h3, "TEKUN", false, "1200.00", jan, null, "ACTIVE");
        noAccount = c.benefit(h4, "DIBAO", false, "99.99", jan, null, "ACTIVE");
        c.account(h1, "6217000000" + String.format("%09d", b1));
        c.account(h2, "6217000000" + String.format("%09d", b2));
        c.account(h3, "6228480000" + String.format("%09d", b3));
    }

    /**
     * A local standard of the county from 2025-01 (a copy of an existing one, 6 months of 渐退期), so
     * decisions that read the standard in force (渐退期) find one.
     */
    void localStandard(JdbcTemplate jdbc) {
        String cols = String.join(", ", jdbc.queryForList("""
                select column_name from information_schema.columns
                where table_name = 'subsidy_standard' and column_name not in ('id', 'area_code', 'effective_from',
                    'grace_months')
                order by ordinal_position""", String.class));
        jdbc.update("insert into subsidy_standard (area_code, effective_from, grace_months, " + cols + ") "
                + "select ?, date '2025-01-01', 6, " + cols + " from subsidy_standard "
                + "where hukou_type is null or hukou_type = 'URBAN' order by id limit 1", c.county);
    }

    MockHttpSession login(MockMvc mvc, String username) throws Exception {
        return Login.as(mvc, username, PayoutTestCounty.PASSWORD);
    }

    /** The run of May, generated and (optionally) approved through the service. */
    PayoutRun run(PayoutRunService runs, boolean approved) {
        PayoutRun run = c.as(generator, () -> runs.generate(c.county, MAY));
        return approved ? c.as(approver, () -> runs.approve(run.id())) : run;
    }
}
