package cn.dibao.support;

import cn.dibao.common.identity.IdNumbers;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Test data on the shared database. The demo district (370211, see DemoAreas) and the demo users
 * exist in every test run; tests add their own users and records with unique names.
 */
@Component
public class Fixtures {

    public static final String DEMO_PASSWORD = "Dibao-demo-2026";
    public static final String COUNTY = "370211000000";
    /** 隐珠街道: the demo caseworker's township. */
    public static final String TOWNSHIP_A = "370211001000";
    public static final String VILLAGE_A = "370211001001";
    /** 张家楼镇: caseworker2's township. */
    public static final String TOWNSHIP_B = "370211101000";
    public static final String VILLAGE_B = "370211101201";
    private static final String DEMO_COUNTY_PREFIX = "370211";

    private static final AtomicInteger SEQ = new AtomicInteger();
    private static final AtomicInteger ID_SEQ = new AtomicInteger();
    private static final java.util.Map<String, AtomicInteger> BORN_ON_SEQ = new ConcurrentHashMap<>();
    private static final Set<String> HANDED_OUT_CODES = ConcurrentHashMap.newKeySet();

    private final JdbcTemplate jdbc;
    private final PasswordEncoder encoder;

    Fixtures(JdbcTemplate jdbc, PasswordEncoder encoder) {
        this.jdbc = jdbc;
        this.encoder = encoder;
    }

    public static String unique(String prefix) {
        return prefix + System.nanoTime() % 1_000_000 + SEQ.incrementAndGet();
    }

    /** Creates a staff account and returns its username. */
    public String user(String scopeAreaCode, String password, String... roles) {
        String username = unique("t");
        Long id = jdbc.queryForObject("""
                insert into staff_user (username, display_name, password_hash, scope_area_code)
                values (?, ?, ?, ?) returning id
                """, Long.class, username, "测试" + username, encoder.encode(password), scopeAreaCode);
        for (String role : roles) {
            jdbc.update("insert into staff_user_role (user_id, role) values (?, ?)", id, role);
        }
        return username;
    }

    /** The id of a staff account. */
    public long userId(String username) {
        return jdbc.queryForObject("select id from staff_user where lower(username) = lower(?)", Long.class, username);
    }

    /**
     * A township code under the demo county (370211), numbers 300–599, that is neither in the
     * database nor handed out before in this JVM, so tests can rerun against a reused database.
     */
    public String freeTownshipCode() {
        for (int n = 300; n <= 599; n++) {
            String code = DEMO_COUNTY_PREFIX + n + "000";
            if (HANDED_OUT_CODES.add(code) && !areaExists(code)) {
                return code;
            }
        }
        throw new IllegalStateException("no free township code left under " + COUNTY);
    }

    public boolean areaExists(String code) {
        return Boolean.TRUE.equals(jdbc.queryForObject("select exists (select 1 from area where code = ?)",
                Boolean.class, code));
    }

    /**
     * A valid resident ID number that no generator uses (address code 110101, 北京东城), unique in
     * this JVM.
     */
    public static String newIdNumber(LocalDate birth, boolean male) {
        int n = ID_SEQ.incrementAndGet();
        LocalDate day = birth.plusDays(n / 400);
        int seq = (n % 400) * 2 + (male ? 1 : 0);
        String first17 = "110101" + day.toString().replace("-", "") + String.format("%03d", seq % 1000);
        return first17 + IdNumbers.checkCharacter(first17);
    }

    /**
     * A valid resident ID number that encodes exactly {@code birth} and the sex (address code 110102, 北京西城,
     * which nothing else uses), unique in this JVM: up to 500 per birth date and sex.
     */
    public static String newIdNumberBornOn(LocalDate birth, boolean male) {
        int n = BORN_ON_SEQ.computeIfAbsent(birth + (male ? "M" : "F"), k -> new AtomicInteger()).getAndIncrement();
        if (n >= 500) {
            throw new IllegalStateException("more than 500 ID numbers of one sex born on " + birth);
        }
        // the sequence's last digit is odd for men
        int seq = n * 2 + (male ? 1 : 0);
        String first17 = "110102" + birth.toString().replace("-", "") + String.format("%03d", seq);
        return first17 + IdNumbers.checkCharacter(first17);
    }
}
