package cn.dibao.eligibility;

import cn.dibao.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.YearMonth;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13: the simulator's month facts are kept per county — one county's (long) build does not hold
 * another county's simulation — and a county keeps only its most recently used sets.
 */
@IntegrationTest
class FactSetsPerCountyTest {

    @Autowired
    HouseholdMonthFacts facts;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aBuildInOneCountyDoesNotHoldAnother() throws Exception {
        String a = new TestCounty(jdbc).county;
        String b = new TestCounty(jdbc).county;
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> tx.executeWithoutResult(s -> {
            facts.ensure(a, YearMonth.of(2026, 7)); // holds county a's lock until this transaction ends
            holding.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        assertThat(holding.await(30, TimeUnit.SECONDS)).isTrue();
        try {
            CompletableFuture<Void> other = CompletableFuture.runAsync(() -> tx.executeWithoutResult(
                    s -> facts.ensure(b, YearMonth.of(2026, 7))));
            other.get(15, TimeUnit.SECONDS); // with one lock for every county this waits for the first
            assertThat(sets(b)).containsExactly("2026-07-01");
        } finally {
            release.countDown();
            first.get(30, TimeUnit.SECONDS);
        }
        assertThat(sets(a)).containsExactly("2026-07-01");
    }

    @Test
    void aCountyKeepsItsMostRecentlyUsedSets() {
        String county = new TestCounty(jdbc).county;
        for (int m = 1; m <= HouseholdMonthFacts.KEPT_SETS + 2; m++) {
            YearMonth month = YearMonth.of(2026, m);
            tx.executeWithoutResult(s -> facts.ensure(county, month));
        }
        // using January's set again keeps it; the next new set drops the least recently used ones
        tx.executeWithoutResult(s -> facts.ensure(county, YearMonth.of(2026, 3)));
        tx.executeWithoutResult(s -> facts.ensure(county, YearMonth.of(2026, 9)));
        assertThat(sets(county)).containsExactly("2026-03-01", "2026-05-01", "2026-06-01", "2026-09-01");
        assertThat(jdbc.queryForObject("select count(*) from household_month_fact where county_code = ? "
                + "and month not in (select month from household_month_fact_set where county_code = ?)",
                Integer.class, county, county)).isZero();
    }

    private List<String> sets(String county) {
        return jdbc.queryForList("select month::text from household_month_fact_set where county_code = ? order by month",
                String.class, county);
    }
}
