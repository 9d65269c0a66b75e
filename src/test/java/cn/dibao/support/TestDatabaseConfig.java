package cn.dibao.support;

import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;

/**
 * The test database: by default the embedded PostgreSQL 17 started by the app's own
 * environment post-processor in a temporary directory. With SPRING_DATASOURCE_URL set (a
 * machine where the embedded server cannot start), that database is cleaned and migrated.
 * With -Ptestcontainers, {@link TestcontainersDatabase} provides a container instead.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import(TestcontainersDatabase.class)
public class TestDatabaseConfig {

    @Bean
    FlywayMigrationStrategy cleanThenMigrate(Environment env) {
        return flyway -> {
            if (env.getProperty("dibao.test.clean-database", Boolean.class, false)) {
                flyway.clean();
            }
            flyway.migrate();
        };
    }

    @Bean
    @Primary
    MutableClock testClock() {
        return new MutableClock();
    }
}
