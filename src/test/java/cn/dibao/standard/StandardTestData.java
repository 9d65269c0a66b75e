package cn.dibao.standard;

import cn.dibao.support.Fixtures;
import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Areas and standard versions of their own for standard tests, written with SQL. Townships are
 * taken from 370211 500–589 (the area tests use 300–599 and 599 as "unknown", and check before
 * taking one); isolated counties from 3799xx, a prefix no real county has.
 */
final class StandardTestData {

    private static final Set<String> HANDED_OUT = ConcurrentHashMap.newKeySet();

    private final JdbcTemplate jdbc;

    StandardTestData(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A new township under the demo county, in the demo administrator's scope. */
    String township() {
        return townshipUnder(Fixtures.COUNTY, 589, 500);
    }

    /** A new county outside every demo user's scope. */
    String county() {
        for (int n = 1; n <= 99; n++) {
            String code = String.format("3799%02d000000", n);
            if (take(code)) {
                area(code, "COUNTY", null);
                return code;
            }
        }
        throw new IllegalStateException("no free test county left");
    }

    /** A new township of a county made by {@link #county()}. */
    String townshipOf(String county) {
        return townshipUnder(county, 1, 99);
    }

    /** A new village (村) of a township. */
    String villageOf(String township) {
        for (int n = 201; n <= 399; n++) {
            String code = township.substring(0, 9) + n;
            if (take(code)) {
                area(code, "VILLAGE", township);
                return code;
            }
        }
        throw new IllegalStateException("no free village code left under " + township);
    }

    /** A version with the column defaults; 特困 basic is exactly the minimum 1.3 × 低保. */
    long version(String areaCode, String hukou, YearMonth month, String dibao) {
        BigDecimal d = new BigDecimal(dibao);
        return jdbc.queryForObject("""
                insert into subsidy_standard (area_code, hukou_type, effective_from, dibao_standard, tekun_basic)
                values (?, ?, ?, ?, ?) returning id
                """, Long.class, areaCode, hukou, month.atDay(1), d,
                d.multiply(new BigDecimal("1.3")).setScale(2, RoundingMode.HALF_UP));
    }

    /** An eligibility check that used the version, on a new household of the village. */
    void useVersion(long standardId, String village, YearMonth month) {
        Long household = jdbc.queryForObject("""
                insert into household (area_code, address, hukou_type) values (?, ?, 'URBAN') returning id
                """, Long.class, village, Fixtures.unique("测试地址"));
        jdbc.update("""
                insert into eligibility_check (household_id, area_code, month, standard_id, category, monthly_total,
                                               input, result, checked_by)
                values (?, ?, ?, ?, 'DIBAO', 0, '{}'::jsonb, '{}'::jsonb, 'test')
                """, household, village, month.atDay(1), standardId);
    }

    int versionsOf(String areaCode) {
        return jdbc.queryForObject("select count(*) from subsidy_standard where area_code = ?", Integer.class, areaCode);
    }

    private String townshipUnder(String county, int from, int to) {
        int step = from <= to ? 1 : -1;
        for (int n = from; n != to + step; n += step) {
            String code = county.substring(0, 6) + String.format("%03d", n) + "000";
            if (take(code)) {
                area(code, "TOWNSHIP", county);
                return code;
            }
        }
        throw new IllegalStateException("no free township code left under " + county);
    }

    private boolean take(String code) {
        return HANDED_OUT.add(code) && !Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from area where code = ?)", Boolean.class, code));
    }

    private void area(String code, String level, String parent) {
        jdbc.update("insert into area (code, name, level, parent_code) values (?, ?, ?, ?)", code,
                Fixtures.unique("标准测试"), level, parent);
    }
}
