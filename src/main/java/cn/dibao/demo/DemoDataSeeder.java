package cn.dibao.demo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.sql.SQLException;

/**
 * Demo mode (on by default with the embedded database): one district with townships and
 * villages, the demo staff accounts, the district's local standards and a few hundred
 * synthetic households. Each part is created only when missing, so a start interrupted
 * half-way completes on the next start.
 */
@Component
@Profile("demo")
@Order(0)
class DemoDataSeeder implements ApplicationRunner {

    static final String DEMO_PASSWORD = "Dibao-demo-2026";
    static final int DEMO_HOUSEHOLDS = 300;
    private static final Logger log = LoggerFactory.getLogger(DemoDataSeeder.class);

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final PasswordEncoder encoder;
    private final TransactionTemplate tx;

    DemoDataSeeder(JdbcClient jdbc, DataSource dataSource, PasswordEncoder encoder, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.encoder = encoder;
        this.tx = tx;
    }

    @Override
    public void run(ApplicationArguments args) throws SQLException {
        tx.executeWithoutResult(s -> {
            seedAreas(jdbc);
            seedUsers();
            seedStandards();
            seedReliefFunds();
        });
        if (demoHouseholdsExist()) {
            return;
        }
        HouseholdGenerator.Result r = new HouseholdGenerator(dataSource)
                .generate(DEMO_HOUSEHOLDS, 20261123L, DemoAreas.villages().stream().map(DemoAreas.Village::code).toList(),
                        "370211");
        log.info("Demo data created: {} households, {} persons; log in as caseworker / {}", r.households(),
                r.persons(), DEMO_PASSWORD);
    }

    /** 备用金: the seeds describe at least 5万 per township for 先行救助. */
    private void seedReliefFunds() {
        for (DemoAreas.Township t : DemoAreas.TOWNSHIPS) {
            int added = jdbc.sql("insert into relief_fund (township_code, balance) values (:township, 50000.00) "
                    + "on conflict do nothing").param("township", t.code()).update();
            if (added == 1) {
                jdbc.sql("insert into relief_fund_entry (township_code, kind, amount, balance_after, note, by_user) "
                        + "values (:township, 'TOP_UP', 50000.00, 50000.00, '年初拨付备用金', 'system')")
                        .param("township", t.code()).update();
            }
        }
    }

    private boolean demoHouseholdsExist() {
        Boolean any = jdbc.sql("select exists (select 1 from household where area_code like :pattern)")
                .param("pattern", DemoAreas.COUNTY.substring(0, 6) + "%").query(Boolean.class).single();
        return Boolean.TRUE.equals(any);
    }

    /** Inserts the demo area tree if missing (also used before generating benchmark data). */
    static void seedAreas(JdbcClient jdbc) {
        area(jdbc, DemoAreas.COUNTY, DemoAreas.COUNTY_NAME, "COUNTY", null);
        for (DemoAreas.Township t : DemoAreas.TOWNSHIPS) {
            area(jdbc, t.code(), t.name(), "TOWNSHIP", DemoAreas.COUNTY);
            for (DemoAreas.Village v : t.villages()) {
                area(jdbc, v.code(), v.name(), "VILLAGE", t.code());
            }
        }
    }

    private static void area(JdbcClient jdbc, String code, String name, String level, String parentCode) {
        jdbc.sql("""
                insert into area (code, name, level, parent_code) values (:code, :name, :level, :parentCode)
                on conflict (code) do nothing""").param("code", code).param("name", name).param("level", level)
                .param("parentCode", parentCode).update();
    }

    /**
     * The demo district's local standards for urban and rural households alike: the figures of
     * the seed reports (城镇低保标准 855 元/人/月, 特困 1120, care 1480/370/185) from January 2026,
     * and an illustrative raise from January 2027 (a future version, still editable).
     */
    private void seedStandards() {
        standard("2026-01-01", "2026 年标准（示例）", 855, 1120);
        standard("2027-01-01", "2027 年提标（示例）", 900, 1170);
    }

    private void standard(String effectiveFrom, String note, int dibao, int tekunBasic) {
        jdbc.sql("""
                insert into subsidy_standard (area_code, hukou_type, effective_from, note, dibao_standard, rounding_rule,
                    employment_cost_pct, topup_elderly_mode, topup_elderly_value, topup_minor_mode, topup_minor_value,
                    topup_disability_mode, topup_disability_value, topup_illness_mode, topup_illness_value, topup_stacking,
                    money_assets_multiple, max_vehicles, max_homes, max_business_capital,
                    tekun_basic, tekun_care_home_full, tekun_care_home_partial, tekun_care_home_self,
                    tekun_care_inst_full, tekun_care_inst_partial, tekun_care_inst_self,
                    edge_multiplier, single_basis, single_share_pct, single_requires_edge, rigid_ratio_pct,
                    disposable_income_last_year, temp_relief_cap_multiple, temp_relief_township_multiple)
                select :county, null, cast(:effectiveFrom as date), :note, :dibao, 'UP_YUAN',
                    0, 'FIXED', 50, 'FIXED', 50, 'FIXED', 100, 'FIXED', 100, 'ONCE',
                    3, 0, 1, 100000,
                    :tekunBasic, 1480, 370, 185,
                    2220, 555, 278,
                    1.5, 'SHARE', 50, true, 80,
                    48000, 6, 3
                 where not exists (select 1 from subsidy_standard
                                    where area_code = :county and hukou_type is null
                                      and effective_from = cast(:effectiveFrom as date))
                """).param("county", DemoAreas.COUNTY).param("effectiveFrom", effectiveFrom).param("note", note)
                .param("dibao", dibao).param("tekunBasic", tekunBasic).update();
    }

    private void seedUsers() {
        String hash = encoder.encode(DEMO_PASSWORD);
        user("caseworker", "王敏（隐珠街道窗口）", hash, "370211001000", "CASEWORKER");
        user("caseworker2", "李娜（张家楼镇窗口）", hash, "370211101000", "CASEWORKER");
        user("reviewer", "张强（区民政局审核科）", hash, DemoAreas.COUNTY, "REVIEWER");
        // a second county reviewer: payout runs need four eyes (who generates does not approve)
        user("reviewer2", "刘洋（区民政局社会救助科）", hash, DemoAreas.COUNTY, "REVIEWER");
        user("admin", "赵磊（区民政局管理员）", hash, DemoAreas.COUNTY, "ADMIN");
        user("auditor", "陈静（区审计）", hash, DemoAreas.COUNTY, "AUDITOR");
    }

    private void user(String username, String displayName, String hash, String scope, String role) {
        Integer existing = jdbc.sql("select count(*) from staff_user where lower(username) = :username")
                .param("username", username).query(Integer.class).single();
        if (existing != null && existing > 0) {
            return;
        }
        Long id = jdbc.sql("""
                insert into staff_user (username, display_name, password_hash, scope_area_code)
                values (:username, :displayName, :hash, :scope) returning id
                """).param("username", username).param("displayName", displayName).param("hash", hash)
                .param("scope", scope).query(Long.class).single();
        jdbc.sql("insert into staff_user_role (user_id, role) values (:userId, :role)").param("userId", id)
                .param("role", role).update();
    }
}
