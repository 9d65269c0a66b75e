package cn.dibao.household;

import cn.dibao.support.IntegrationTest;
import cn.dibao.support.MigrationDatabases;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;


import static org.assertj.core.api.Assertions.assertThat;

/**
 * V28 on a database of its own (ADR 0016): a current membership marked not counted for 服刑 becomes the
 * person's flag with the membership counted (out while flagged, in once cleared); a caseworker's own reason
 * and an ended membership keep what they had.
 */
@IntegrationTest
class CountingMigrationTest {

    @Autowired
    MigrationDatabases databases;

    @Test
    void aFlagReasonOfACurrentMembershipBecomesThePersonsFlag() throws Exception {
        try (MigrationDatabases.Own own = databases.create("v28_migration")) {
            JdbcTemplate sql = own.sql;
            own.migrateBefore(28);
            sql.update("insert into area (code, name, level) values ('379901000000', '迁移测试县', 'COUNTY')");
            long h = sql.queryForObject("insert into household (area_code, address, hukou_type) "
                    + "values ('379901000000', '迁移路 1 号', 'URBAN') returning id", Long.class);
            long prisoner = person(sql, "110101199001010011");
            long away = person(sql, "110101199001010038");
            long former = person(sql, "110101199001010054");
            member(sql, h, prisoner, "SERVING_SENTENCE", null);
            member(sql, h, away, "NOT_LIVING_TOGETHER", null);
            member(sql, h, former, "DECLARED_MISSING", "2025-06-30");

            own.migrateAll();

            assertThat(sql.queryForObject("select serving_sentence from person where id = ?", Boolean.class, prisoner))
                    .isTrue();
            assertThat(sql.queryForObject("select counted::text || ' ' || coalesce(not_counted_reason, '-') "
                    + "from household_member where person_id = ?", String.class, prisoner)).isEqualTo("true -");
            assertThat(sql.queryForObject("select counted::text || ' ' || coalesce(not_counted_reason, '-') "
                    + "from household_member where person_id = ?", String.class, away))
                    .isEqualTo("false NOT_LIVING_TOGETHER");
            assertThat(sql.queryForObject("select serving_sentence or declared_missing from person where id = ?",
                    Boolean.class, away)).isFalse();
            assertThat(sql.queryForObject("select counted::text || ' ' || coalesce(not_counted_reason, '-') "
                    + "from household_member where person_id = ?", String.class, former))
                    .isEqualTo("false DECLARED_MISSING");
            assertThat(sql.queryForObject("select declared_missing from person where id = ?", Boolean.class, former))
                    .as("an ended membership says nothing about today").isFalse();
        }
    }

    private static long person(JdbcTemplate sql, String id) {
        return sql.queryForObject("insert into person (name, id_type, id_number, sex, birth_date) "
                + "values ('迁移', 'RESIDENT_ID', ?, 'M', date '1990-01-01') returning id", Long.class, id);
    }

    private static void member(JdbcTemplate sql, long household, long person, String reason, String leftOn) {
        sql.update("insert into household_member (household_id, person_id, relation, joined_on, counted, "
                + "not_counted_reason, left_on, left_reason) values (?, ?, 'CHILD', date '2025-01-01', false, ?, "
                + "cast(? as date), ?)", household, person, reason, leftOn, leftOn == null ? null : "迁出");
    }


}
