package cn.dibao.standard;

import cn.dibao.support.IntegrationTest;
import cn.dibao.support.MigrationDatabases;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

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
    MigrationDatabases databases;

    @Test
    void existingVersionsKeepTheirOneSetForEveryProgramme() throws Exception {
        try (MigrationDatabases.Own own = databases.create("v20_migration")) {
            JdbcTemplate sql = own.sql;
            own.migrateBefore(20);
            sql.update("insert into area (code, name, level) values ('379901000000', '迁移测试县', 'COUNTY')");
            sql.update("""
                    insert into subsidy_standard (area_code, effective_from, dibao_standard, tekun_basic, publicity_days,
                        publicity_unit, publicity_counted, investigation_start_wd, re_review_wd, county_decision_wd,
                        refusal_notice_wd, total_wd, total_extended_wd, county_sampling_pct)
                    values ('379901000000', date '2026-01-01', 800, 1040, 5, 'WORKING', true, 2, 12, 8, 2, 25, 40, 35)
                    """);

            own.migrateAll();

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
        }
    }


}
