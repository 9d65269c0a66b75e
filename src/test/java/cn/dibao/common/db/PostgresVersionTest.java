package cn.dibao.common.db;

import cn.dibao.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class PostgresVersionTest {

    @Autowired
    DatabaseInfo database;

    @Test
    void testsRunOnRealPostgresql() {
        String version = database.serverVersion();
        System.out.println("Test database: " + version);
        assertThat(version).startsWith("PostgreSQL ");
        if (System.getenv("SPRING_DATASOURCE_URL") == null && !Boolean.getBoolean("dibao.test.testcontainers")) {
            assertThat(version).as("the embedded server is PostgreSQL 17").startsWith("PostgreSQL 17.");
        }
    }
}
