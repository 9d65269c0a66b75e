package cn.dibao.common.db;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Says at start-up which PostgreSQL the app (or the test suite) really runs on. */
@Component
public class DatabaseInfo {

    private static final Logger log = LoggerFactory.getLogger(DatabaseInfo.class);

    private final JdbcClient jdbc;

    DatabaseInfo(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public String serverVersion() {
        return jdbc.sql("select version()").query(String.class).single();
    }

    @EventListener(ApplicationReadyEvent.class)
    void logVersion() {
        log.info("Database: {}", serverVersion());
    }
}
