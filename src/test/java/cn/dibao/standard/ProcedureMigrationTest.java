package cn.dibao.standard;

import cn.dibao.support.IntegrationTest;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * V20 on a database of its own, migrated to the version before it first with a version that set its one procedure: after V20
 * every programme has that set (no township limit of its own, a 公示 held), so running cases of every
 * programme keep their limits (ADR 0024); a version inserted afterwards by SQL alone gets each programme's
 * national defaults.
 */
@IntegrationTest
class ProcedureMigrationTest {

    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcTemplate jdbc;
    @Value("${spring.datasource.username}")
    String username;
    @Value("${spring.datasource.password:}")
    String password;

    @Test
    void existingVersionsKeepTheirOneSetForEveryProgramme() throws Exception {
        String db = "v20_migration_" + ProcessHandle.current().pid();
        jdbc.execute("drop database if exists " + db + " with (force)");
        jdbc.execute("create database " + db);
        try {
            String url;
            try (Connection c = dataSource.getConnection()) {
                url = c.getMetaData().getURL();
            }
            DataSource own = new DriverManagerDataSource(url.replaceFirst("/[^/?]+(\\?|$)", "/" + db + "$1"),
                    username, password);
            JdbcTemplate sql = new JdbcTemplate(own);
            flyway(own, lastBefore(own, 20)).migrate();
            sql.update("insert into area (code, name, level) values ('379901000000', '迁移测试县', 'COUNTY')");
            sql.update("""
                    insert into subsidy_standard (area_code, effective_from, dibao_standard, tekun_basic, publicity_days,
                        publicity_unit, publicity_counted, investigation_start_wd, re_review_wd, county_decision_wd,
                        refusal_notice_wd, total_wd, total_extended_wd, county_sampling_pct)
                    values ('379901000000', date '2026-01-01', 800, 1040, 5, 'WORKING', true, 2, 12, 8, 2, 25, 40, 35)
                    """);

            flyway(own, "latest").migrate();

            List<Map<String, Object>> rows = sql.queryForList("""
                    select programme, publicity_held, publicity_days, publicity_unit, publicity_counted,
                           investigation_start_wd, township_wd, re_review_wd, county_decision_wd, refusal_notice_wd,
                           total_wd, total_extended_wd, county_sampling_pct::text as pct
                    from standard_procedure order by programme""");
            assertThat(rows).extracting(r -> r.get("programme"))
                    .containsExactly("DIBAO", "DIBAO_EDGE", "RIGID_EXPENDITURE", "TEKUN", "TEMP_RELIEF");
            assertThat(rows).allSatisfy(r -> assertThat(r).containsEntry("publicity_held", true)
                    .containsEntry("publicity_days", 5).containsEntry("publicity_unit", "WORKING")
                    .containsEntry("publicity_counted", true).containsEntry("investigation_start_wd", 2)
                    .containsEntry("township_wd", null).containsEntry("re_review_wd", 12)
                    .containsEntry("county_decision_wd", 8).containsEntry("refusal_notice_wd", 2)
                    .containsEntry("total_wd", 25).containsEntry("total_extended_wd", 40)
                    .containsEntry("pct", "35.00"));
            assertThat(sql.queryForObject("""
                    select count(*) from information_schema.columns
                    where table_name = 'subsidy_standard' and column_name in ('publicity_days', 'total_wd', 'county_sampling_pct')
                    """, Integer.class)).as("the one set is gone from the version row").isZero();
            assertThat(sql.queryForObject("select temp_relief_times_per_year from subsidy_standard", Integer.class))
                    .isEqualTo(1);

            // inserted later without its programme rows: the defaults of each, at commit
            sql.update("""
                    insert into subsidy_standard (area_code, effective_from, dibao_standard, tekun_basic)
                    values ('379901000000', date '2027-01-01', 850, 1105)""");
            assertThat(sql.queryForList("""
                    select p.programme || ' ' || coalesce(p.township_wd::text, '-') || ' ' || p.county_decision_wd
                           || ' ' || p.total_wd
                    from standard_procedure p join subsidy_standard s on s.id = p.standard_id
                    where s.effective_from = date '2027-01-01' order by 1""", String.class))
                    .containsExactly("DIBAO - 10 30", "DIBAO_EDGE - 10 30", "RIGID_EXPENDITURE - 10 30",
                            "TEKUN 15 15 30", "TEMP_RELIEF 5 5 15");
        } finally {
            jdbc.execute("drop database if exists " + db + " with (force)");
        }
    }

    private static Flyway flyway(DataSource ds, String target) {
        return Flyway.configure().dataSource(ds).locations("classpath:db/migration").target(target)
                .cleanDisabled(true).load();
    }

    /** The newest migration before version {@code v} (the ones between are other work's, which may not exist yet). */
    private static String lastBefore(DataSource ds, int v) {
        return Arrays.stream(flyway(ds, "latest").info().all()).map(MigrationInfo::getVersion)
                .filter(x -> x != null && x.compareTo(MigrationVersion.fromVersion(String.valueOf(v))) < 0)
                .max(Comparator.naturalOrder()).orElseThrow().getVersion();
    }
}
