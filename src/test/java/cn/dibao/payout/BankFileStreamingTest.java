package cn.dibao.payout;

import cn.dibao.support.Fixtures;
import cn.dibao.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.ResultSet;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bank file's lines are streamed, not loaded: read forward-only with the fetch size inside a
 * transaction, which is when the PostgreSQL driver reads through a cursor (constant memory for 1M lines).
 */
@IntegrationTest
class BankFileStreamingTest {

    @Autowired
    PayoutRunService runs;
    @Autowired
    PayoutRunQueries queries;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    UserDetailsService users;
    @Autowired
    Fixtures fixtures;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void bankLinesAreReadWithACursor() {
        PayoutTestCounty c = PayoutTestCounty.create(jdbc, users);
        String reviewer = c.reviewer(fixtures);
        for (int i = 0; i < 3; i++) {
            long[] h = c.household(c.villageA);
            c.benefit(h, "DIBAO", false, "500.00", YearMonth.of(2026, 1), null, "ACTIVE");
            c.account(h, "62170000000001" + i);
        }
        PayoutRun run = c.as(reviewer, () -> runs.generate(c.county, YearMonth.of(2026, 5)));
        TransactionTemplate readTx = new TransactionTemplate(transactions);
        readTx.setReadOnly(true);
        List<Long> benefits = new ArrayList<>();
        readTx.executeWithoutResult(s -> queries.eachBankLine(run.id(), rs -> {
            assertThat(rs.getType()).isEqualTo(ResultSet.TYPE_FORWARD_ONLY);
            assertThat(rs.getStatement().getFetchSize()).isEqualTo(PayoutRunQueries.FETCH_SIZE);
            assertThat(rs.getStatement().getConnection().getAutoCommit()).isFalse();
            benefits.add(rs.getLong("benefit_id"));
        }));
        assertThat(benefits).hasSize(3).isSorted();
    }
}
