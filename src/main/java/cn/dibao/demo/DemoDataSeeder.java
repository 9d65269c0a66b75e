package cn.dibao.demo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.sql.SQLException;

/**
 * Demo mode (on by default with the embedded database): one district with townships and
 * villages, the demo staff accounts and a few hundred synthetic households. Each part is
 * created only when missing, so a start interrupted half-way completes on the next start.
 */
@Component
@Profile("demo")
@Order(0)
class DemoDataSeeder implements ApplicationRunner {

    static final String DEMO_PASSWORD = "Dibao-demo-2026";
    static final int DEMO_HOUSEHOLDS = 300;
    private static final Logger log = LoggerFactory.getLogger(DemoDataSeeder.class);

    private final JdbcTemplate jdbc;
    private final DataSource dataSource;
    private final PasswordEncoder encoder;
    private final TransactionTemplate tx;

    DemoDataSeeder(JdbcTemplate jdbc, DataSource dataSource, PasswordEncoder encoder, TransactionTemplate tx) {
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

    private boolean demoHouseholdsExist() {
        Boolean any = jdbc.queryForObject("select exists (select 1 from household where area_code like ?)",
                Boolean.class, DemoAreas.COUNTY.substring(0, 6) + "%");
        return Boolean.TRUE.equals(any);
    }

    /** Inserts the demo area tree if missing (also used before generating benchmark data). */
    static void seedAreas(JdbcTemplate jdbc) {
        String sql = "insert into area (code, name, level, parent_code) values (?, ?, ?, ?) on conflict (code) do nothing";
        jdbc.update(sql, DemoAreas.COUNTY, DemoAreas.COUNTY_NAME, "COUNTY", null);
        for (DemoAreas.Township t : DemoAreas.TOWNSHIPS) {
            jdbc.update(sql, t.code(), t.name(), "TOWNSHIP", DemoAreas.COUNTY);
            for (DemoAreas.Village v : t.villages()) {
                jdbc.update(sql, v.code(), v.name(), "VILLAGE", t.code());
            }
        }
    }

    private void seedUsers() {
        String hash = encoder.encode(DEMO_PASSWORD);
        user("caseworker", "王敏（隐珠街道窗口）", hash, "370211001000", "CASEWORKER");
        user("caseworker2", "李娜（张家楼镇窗口）", hash, "370211101000", "CASEWORKER");
        user("reviewer", "张强（区民政局审核科）", hash, DemoAreas.COUNTY, "REVIEWER");
        user("admin", "赵磊（区民政局管理员）", hash, DemoAreas.COUNTY, "ADMIN");
        user("auditor", "陈静（区审计）", hash, DemoAreas.COUNTY, "AUDITOR");
    }

    private void user(String username, String displayName, String hash, String scope, String role) {
        Integer existing = jdbc.queryForObject("select count(*) from staff_user where lower(username) = ?",
                Integer.class, username);
        if (existing != null && existing > 0) {
            return;
        }
        Long id = jdbc.queryForObject("""
                insert into staff_user (username, display_name, password_hash, scope_area_code)
                values (?, ?, ?, ?) returning id
                """, Long.class, username, displayName, hash, scope);
        jdbc.update("insert into staff_user_role (user_id, role) values (?, ?)", id, role);
    }
}
