package cn.dibao.support;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.context.annotation.Bean;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * With {@code ./mvnw -Ptestcontainers verify} (a machine with Docker) the suite runs on a
 * PostgreSQL 17 container instead of the embedded server. CI has no Docker and uses the embedded path.
 */
@TestConfiguration(proxyBeanMethods = false)
@ConditionalOnProperty("dibao.test.testcontainers")
class TestcontainersDatabase {

    @Bean
    @ServiceConnection
    PostgreSQLContainer postgres() {
        return new PostgreSQLContainer("postgres:17-alpine");
    }
}
