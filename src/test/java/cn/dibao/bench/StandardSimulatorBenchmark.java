package cn.dibao.bench;

import cn.dibao.common.security.StaffPrincipal;
import cn.dibao.eligibility.StandardSimulator;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 4's target: the standard simulator answers for a 1M-household county in under 5 s.
 * Runs on the benchmark cluster of {@link HouseholdRegistryBenchmark} (run that first to generate
 * the data). Run: {@code ./mvnw -Pbench test -Dtest=StandardSimulatorBenchmark}.
 */
@Tag("benchmark")
@SpringBootTest(properties = {"dibao.db.embedded.data-dir=${DIBAO_BENCH_DATA_DIR:data/bench-pg}",
        "dibao.demo.enabled=true", "dibao.db.embedded.shared-buffers=1GB", "logging.level.cn.dibao=WARN"})
class StandardSimulatorBenchmark {

    @Autowired
    StandardSimulator simulator;
    @Autowired
    UserDetailsService users;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void simulateTheWholeCounty() {
        long households = jdbc.queryForObject("select count(*) from household where area_code like '370211%'", Long.class);
        assertThat(households).as("run HouseholdRegistryBenchmark first to generate 1M households")
                .isGreaterThanOrEqualTo(HouseholdRegistryBenchmark.TARGET_HOUSEHOLDS);
        StaffPrincipal admin = (StaffPrincipal) users.loadUserByUsername("admin");
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(admin, null, admin.getAuthorities()));
        try {
            long best = Long.MAX_VALUE;
            for (int i = 1; i <= 4; i++) {
                long t = System.nanoTime();
                StandardSimulator.Simulation s = simulator.simulate("370211000000", YearMonth.of(2026, 7),
                        new BigDecimal("900.00"));
                long ms = (System.nanoTime() - t) / 1_000_000;
                best = Math.min(best, ms);
                System.out.printf(Locale.ROOT, "BENCH simulator run %d: %d households, gain %d, lose %d, cost %s → %s in %d ms%n",
                        i, s.households(), s.gain(), s.lose(), s.costBefore(), s.costAfter(), ms);
            }
            System.out.println("BENCH simulator best " + best + " ms " + BenchmarkSupport.machine());
            assertThat(best).as("simulator for the whole county (ms)").isLessThan(5_000);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
