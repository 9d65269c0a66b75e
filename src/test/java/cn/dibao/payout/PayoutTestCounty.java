package cn.dibao.payout;

import cn.dibao.support.Fixtures;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.function.Supplier;

/**
 * A fresh county of its own (3798xx, never a demo area) with two townships, so a test's runs see
 * exactly the benefits it inserted. Benefits are written by SQL as {@code ApplicationService.createBenefit}
 * writes them, each with the enrolled application the table requires.
 */
final class PayoutTestCounty {

    static final String PASSWORD = "Payout-test-2026";

    final String county;
    final String townshipA;
    final String townshipB;
    final String villageA;
    final String villageB;
    private final JdbcTemplate jdbc;
    private final UserDetailsService users;
    private final long standardId;

    private PayoutTestCounty(JdbcTemplate jdbc, UserDetailsService users, String county) {
        this.jdbc = jdbc;
        this.users = users;
        this.county = county;
        String p = county.substring(0, 6);
        this.townshipA = p + "001000";
        this.townshipB = p + "002000";
        this.villageA = p + "001201";
        this.villageB = p + "002201";
        area(county, "COUNTY", null);
        area(townshipA, "TOWNSHIP", county);
        area(townshipB, "TOWNSHIP", county);
        area(villageA, "VILLAGE", townshipA);
        area(villageB, "VILLAGE", townshipB);
        this.standardId = jdbc.queryForObject("select min(id) from subsidy_standard", Long.class);
    }

    static synchronized PayoutTestCounty create(JdbcTemplate jdbc, UserDetailsService users) {
        for (int n = 9801; n <= 9899; n++) {
            String code = "37" + n + "000000";
            if (jdbc.queryForObject("select count(*) from area where code = ?", Integer.class, code) == 0) {
                return new PayoutTestCounty(jdbc, users, code);
            }
        }
        throw new IllegalStateException("no free payout test county");
    }

    private void area(String code, String level, String parent) {
        jdbc.update("insert into area (code, name, level, parent_code) values (?, ?, ?, ?)", code,
                Fixtures.unique("发放测试"), level, parent);
    }

    /** A household in the village with its head; returns the head's person id. */
    long[] household(String village) {
        Long person = jdbc.queryForObject("""
                insert into person (name, id_type, id_number, sex, birth_date)
                values (?, 'RESIDENT_ID', ?, 'M', date '1960-05-01') returning id""", Long.class,
                "发放" + Fixtures.unique(""), Fixtures.newIdNumber(LocalDate.of(1960, 5, 1), true));
        Long household = jdbc.queryForObject("""
                insert into household (area_code, address, hukou_type, head_person_id)
                values (?, '测试路1号', 'URBAN', ?) returning id""", Long.class, village, person);
        return new long[] {household, person};
    }

    /** A benefit of the household (and its enrolled application); returns the benefit id. */
    long benefit(long[] household, String category, boolean oneOff, String amount, YearMonth start, YearMonth end,
                 String status) {
        String village = jdbc.queryForObject("select area_code from household where id = ?", String.class, household[0]);
        String type = oneOff ? "TEMP_URGENT" : category.equals("TEKUN") ? "TEKUN_SCATTERED" : category;
        Long app = jdbc.queryForObject("""
                insert into application (household_id, applicant_person_id, assistance_type, channel, area_code,
                    standard_id, delegated, state, received_on, accepted_by, total_due)
                values (?, ?, ?, 'WINDOW', ?, ?, false, 'ENROLLED', date '2026-01-05', 'test', date '2026-02-05')
                returning id""", Long.class, household[0], household[1], type, village,
                standardId);
        return jdbc.queryForObject("""
                insert into benefit (application_id, household_id, payee_person_id, area_code, assistance_type,
                    category, one_off, amount_gap, monthly_amount, start_month, end_month, status)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""", Long.class, app, household[0],
                household[1], village, type, category, oneOff, new BigDecimal(amount),
                new BigDecimal(amount), start.atDay(1), end == null ? null : end.atDay(1), status);
    }

    /**
     * A 低保 standard of this county from the month (rounding up to the yuan, 特困 care for the six
     * tiers 100/200/300 at home and 150/250/350 in an institution, 渐退期 up to 6 months); returns its id.
     */
    long standard(YearMonth from, String dibao, String tekunBasic) {
        return jdbc.queryForObject("""
                insert into subsidy_standard (area_code, effective_from, dibao_standard, tekun_basic, rounding_rule,
                    tekun_care_home_self, tekun_care_home_partial, tekun_care_home_full, tekun_care_inst_self,
                    tekun_care_inst_partial, tekun_care_inst_full, grace_months, single_share_pct)
                values (?, ?, ?, ?, 'UP_YUAN', 100, 200, 300, 150, 250, 350, 6, 50) returning id""", Long.class, county,
                from.atDay(1), new BigDecimal(dibao), new BigDecimal(tekunBasic));
    }

    /**
     * A benefit with the basis a new standard recalculates from (what ApplicationService writes on
     * approval): components, counted persons, counted net income and the 特困 care tier.
     */
    long benefitWithBasis(long[] household, String category, String gap, String topup, String basic, String care,
                          Integer persons, String netIncome, String careTier, YearMonth start) {
        long id = benefit(household, category, false, "0.00", start, null, "ACTIVE");
        BigDecimal g = new BigDecimal(gap);
        BigDecimal t = new BigDecimal(topup);
        BigDecimal b = new BigDecimal(basic);
        BigDecimal c = new BigDecimal(care);
        BigDecimal total = g.add(t).add(b).add(c);
        jdbc.update("""
                update benefit set amount_gap = ?, amount_topup = ?, amount_basic = ?, amount_care = ?, monthly_amount = ?,
                    basis_persons = ?, basis_net_income = ?, care_tier = ? where id = ?""", g, t, b, c, total, persons,
                netIncome == null ? null : new BigDecimal(netIncome), careTier, id);
        jdbc.update("""
                update benefit_version set amount_gap = ?, amount_topup = ?, amount_basic = ?, amount_care = ?,
                    monthly_amount = ? where benefit_id = ?""", g, t, b, c, total, id);
        return id;
    }

    /** An active bank account for the household's head; returns its id. */
    long account(long[] household, String accountNo) {
        String[] holder = jdbc.queryForObject("select name, id_number from person where id = ?",
                (rs, i) -> new String[] {rs.getString(1), rs.getString(2)}, household[1]);
        return jdbc.queryForObject("""
                insert into payment_account (household_id, person_id, channel, bank_name, account_no, holder_name,
                    holder_id_number) values (?, ?, 'BANK_CARD', '农村商业银行', ?, ?, ?) returning id""", Long.class,
                household[0], household[1], accountNo, holder[0], holder[1]);
    }

    String reviewer(Fixtures fixtures) {
        return fixtures.user(county, PASSWORD, "REVIEWER");
    }

    /** Runs the body as the user on this thread, then restores whoever acted before. */
    <T> T as(String username, Supplier<T> body) {
        return cn.dibao.support.AsStaff.call(users, username, body);
    }
}
