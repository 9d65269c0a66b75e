package cn.dibao.support;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Comparator;

/**
 * A database of its own on the test server, for testing one migration on data written before it: migrate up to
 * the migration before it, write the old data, migrate the rest, read. Dropped when closed.
 */
@Component
public class MigrationDatabases {

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final String username;
    private final String password;

    MigrationDatabases(DataSource dataSource, JdbcTemplate jdbc, @Value("${spring.datasource.username}") String username,
                       @Value("${spring.datasource.password:}") String password) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.username = username;
        this.password = password;
    }

    /** A new empty database named {@code prefix} and the JVM's pid (dropped first if a crashed run left it). */
    public Own create(String prefix) throws SQLException {
        String name = prefix + "_" + ProcessHandle.current().pid();
        jdbc.execute("drop database if exists " + name + " with (force)");
        jdbc.execute("create database " + name);
        String url;
        try (Connection c = dataSource.getConnection()) {
            url = c.getMetaData().getURL();
        }
        DataSource own = new DriverManagerDataSource(url.replaceFirst("/[^/?]+(\\?|$)", "/" + name + "$1"),
                username, password);
        return new Own(name, own, new JdbcTemplate(own));
    }

    /** The database; {@link #sql} writes and reads it. */
    public final class Own implements AutoCloseable {

        private final String name;
        private final DataSource ds;
        public final JdbcTemplate sql;

        private Own(String name, DataSource ds, JdbcTemplate sql) {
            this.name = name;
            this.ds = ds;
            this.sql = sql;
        }

        /** Migrates up to the newest migration before {@code version} (the ones between may be other work's). */
        public void migrateBefore(int version) {
            String target = Arrays.stream(flyway("latest").info().all()).map(MigrationInfo::getVersion)
                    .filter(x -> x != null && x.compareTo(MigrationVersion.fromVersion(String.valueOf(version))) < 0)
                    .max(Comparator.naturalOrder()).orElseThrow().getVersion();
            flyway(target).migrate();
        }

        public void migrateAll() {
            flyway("latest").migrate();
        }

        private Flyway flyway(String target) {
            return Flyway.configure().dataSource(ds).locations("classpath:db/migration").target(target)
                    .cleanDisabled(true).load();
        }

        @Override
        public void close() {
            jdbc.execute("drop database if exists " + name + " with (force)");
        }
    }
}
