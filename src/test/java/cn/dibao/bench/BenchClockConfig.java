package cn.dibao.bench;

import cn.dibao.support.MutableClock;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The clock the test fixtures on the classpath ({@code Cases}) ask for: the benchmarks start the whole
 * application with its test beans but not the test database config; it runs on the system time.
 */
@TestConfiguration
class BenchClockConfig {

    @Bean
    @Primary
    MutableClock benchClock() {
        return new MutableClock();
    }
}
