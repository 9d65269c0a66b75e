package cn.dibao.eligibility;

import cn.dibao.support.Fixtures;
import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * An isolated county (3799xx, no demo user's area) with one township and village, and households
 * written with plain SQL, for comparing the simulator's SQL with the engine on chosen data.
 */
final class TestCounty {

    final String county;
    final String township;
    final String village;
    private final JdbcTemplate jdbc;

    TestCounty(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.county = freeCounty(jdbc);
        this.township = county.substring(0, 6) + "001000";
        this.village = county.substring(0, 6) + "001201";
        area(county, "COUNTY", null);
        area(township, "TOWNSHIP", county);
        area(village, "VILLAGE", township);
    }

    /** A household of persons {birth date, disability grade, income category, monthly amount}; the first is head. */
    long household(String[][] persons) {
        long household = jdbc.queryForObject("insert into household (area_code, address, hukou_type) "
                + "values (?, ?, 'URBAN') returning id", Long.class, village, Fixtures.unique("事实测试地址"));
        boolean head = true;
        for (String[] p : persons) {
            long person = jdbc.queryForObject("""
                    insert into person (name, id_type, id_number, sex, birth_date, disability_category, disability_grade)
                    values (?, 'RESIDENT_ID', ?, 'M', cast(? as date), ?, ?) returning id""", Long.class,
                    Fixtures.unique("事实"), Fixtures.newIdNumber(LocalDate.parse(p[0]), true), p[0],
                    p[1] == null ? null : (short) 1, p[1] == null ? null : Short.valueOf(p[1]));
            jdbc.update("insert into household_member (household_id, person_id, relation, joined_on) "
                    + "values (?, ?, ?, date '2025-01-01')", household, person, head ? "HEAD" : "CHILD");
            if (head) {
                jdbc.update("update household set head_person_id = ? where id = ?", person, household);
                head = false;
            }
            if (p[2] != null) {
                jdbc.update("insert into income_item (household_id, person_id, category, monthly_amount, period_from) "
                        + "values (?, ?, ?, ?, ?)", household, person, p[2], new BigDecimal(p[3]),
                        LocalDate.of(2026, 1, 1));
            }
        }
        return household;
    }

    private static String freeCounty(JdbcTemplate jdbc) {
        for (int n = 99; n >= 1; n--) {
            String code = String.format("3799%02d000000", n);
            Integer taken = jdbc.queryForObject("select count(*) from area where code = ?", Integer.class, code);
            if (taken == 0) {
                return code;
            }
        }
        throw new IllegalStateException("no free test county");
    }

    private void area(String code, String level, String parent) {
        jdbc.update("insert into area (code, name, level, parent_code) values (?, ?, ?, ?)", code,
                Fixtures.unique("事实测试"), level, parent);
    }
}
