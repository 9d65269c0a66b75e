package cn.dibao.demo;

import cn.dibao.payout.AccountNumbers;
import cn.dibao.payout.PayoutRun;
import cn.dibao.payout.PayoutRunService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import java.util.function.Supplier;

/**
 * Benefits in payment for the demo district (低保 at the 2026 standard of 855 元, every twelfth a
 * 特困 person at 1,120 元 plus care), bank accounts for almost every payee, and last month's payout
 * run taken through the whole flow by the two demo reviewers: generated, approved, bank file, return
 * file with two failures, closed. The current month is left for the user to generate. Not in tests
 * (they build their own counties).
 */
@Component
@Profile("demo & !test")
@Order(2)
class DemoPayouts implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoPayouts.class);
    private static final String MARK = "demo-payouts";
    private static final BigDecimal STANDARD = new BigDecimal("855");

    private final JdbcClient jdbc;
    private final PayoutRunService runs;
    private final UserDetailsService users;
    private final Clock clock;

    DemoPayouts(JdbcClient jdbc, PayoutRunService runs, UserDetailsService users, Clock clock) {
        this.jdbc = jdbc;
        this.runs = runs;
        this.users = users;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (Boolean.TRUE.equals(jdbc.sql("select exists (select 1 from benefit where created_by = :mark)")
                .param("mark", MARK).query(Boolean.class).single())) {
            return;
        }
        Long standard = jdbc.sql("select min(id) from subsidy_standard where area_code = :county")
                .param("county", DemoAreas.COUNTY).query(Long.class).optional().orElse(null);
        if (standard == null) {
            return;
        }
        record Household(long id, long head, String area, int persons, String name, String idNumber) {
        }
        List<Household> households = jdbc.sql("""
                select h.id, h.head_person_id, h.area_code,
                       (select count(*) from household_member m where m.household_id = h.id and m.left_on is null
                          and m.counted) as persons, p.name, p.id_number
                from household h join person p on p.id = h.head_person_id
                where h.area_code like :pattern and h.status = 'ACTIVE'
                  and not exists (select 1 from application a where a.household_id = h.id)
                order by h.id limit 150""").param("pattern", DemoAreas.COUNTY.substring(0, 6) + "%")
                .query((rs, i) -> new Household(rs.getLong("id"), rs.getLong("head_person_id"), rs.getString("area_code"),
                        Math.max(1, rs.getInt("persons")), rs.getString("name"), rs.getString("id_number"))).list();
        YearMonth start = YearMonth.of(2026, 1);
        int n = 0;
        for (Household h : households) {
            n++;
            long app = jdbc.sql("""
                    insert into application (household_id, applicant_person_id, assistance_type, channel, area_code,
                        standard_id, delegated, state, received_on, accepted_by, total_due, created_by)
                    values (:household, :head, :type, 'WINDOW', :area, :standard, false, 'ENROLLED', date '2025-12-01',
                        :mark, date '2025-12-31', :mark)
                    returning id""").param("household", h.id()).param("head", h.head())
                    .param("type", n % 12 == 0 ? "TEKUN_SCATTERED" : "DIBAO").param("area", h.area())
                    .param("standard", standard).param("mark", MARK).query(Long.class).single();
            if (n % 12 == 0) {
                // 特困: 基本生活 1,120 + 照料护理 by self-care tier (185 / 370 / 1,480 at home)
                String[] tiers = {"HOME_SELF", "HOME_PARTIAL", "HOME_FULL"};
                BigDecimal[] care = {new BigDecimal("185"), new BigDecimal("370"), new BigDecimal("1480")};
                int t = (n / 12) % 3;
                insertBenefit(app, h.id(), h.head(), h.area(), "TEKUN_SCATTERED", "TEKUN", BigDecimal.ZERO,
                        new BigDecimal("1120"), care[t], standard, 1, null, tiers[t], start);
            } else {
                // 低保 补差: 855 × persons − counted income, up to the yuan (illustrative incomes)
                BigDecimal net = BigDecimal.valueOf((h.id() * 37) % 640L * h.persons());
                BigDecimal gap = STANDARD.multiply(BigDecimal.valueOf(h.persons())).subtract(net)
                        .setScale(0, RoundingMode.CEILING);
                insertBenefit(app, h.id(), h.head(), h.area(), "DIBAO", "DIBAO", gap, BigDecimal.ZERO,
                        BigDecimal.ZERO, standard, h.persons(), net, null, start);
            }
            if (n % 25 != 0) { // a few payees have no account yet: exceptions to show
                jdbc.sql("""
                        insert into payment_account (household_id, person_id, channel, bank_name, account_no, holder_name,
                            holder_id_number, created_by)
                        values (:household, :person, 'BANK_CARD', :bank, :accountNo, :holder, :holderId, :mark)""")
                        .param("household", h.id()).param("person", h.head())
                        .param("bank", n % 3 == 0 ? "青岛农商银行" : "中国邮政储蓄银行")
                        .param("accountNo", AccountNumbers.withCheckDigit("62170388" + String.format("%010d", h.id())))
                        .param("holder", h.name()).param("holderId", h.idNumber()).param("mark", MARK).update();
            }
        }
        // who each benefit covers (ADR 0026): 特困 its payee, 低保 the household's current members
        jdbc.sql("""
                insert into benefit_person (benefit_id, person_id, cash, months)
                select b.id, m.person_id, true, benefit_months(b.start_month, b.end_month)
                from benefit b
                join household_member m on m.household_id = b.household_id and m.left_on is null
                                        and (b.category = 'DIBAO' or m.person_id = b.payee_person_id)
                where b.created_by = :mark and not b.one_off""").param("mark", MARK).update();
        lastMonthsRun();
        log.info("Demo payouts: {} benefits, last month's run closed", n);
    }

    private void insertBenefit(long app, long household, long payee, String area, String type, String category,
                               BigDecimal gap, BigDecimal basic, BigDecimal care, long standard, Integer persons,
                               BigDecimal net, String tier, YearMonth start) {
        BigDecimal total = gap.add(basic).add(care);
        jdbc.sql("""
                insert into benefit (application_id, household_id, payee_person_id, area_code, assistance_type, category,
                    one_off, amount_gap, amount_basic, amount_care, monthly_amount, start_month, standard_id, created_by,
                    basis_persons, basis_net_income, care_tier)
                values (:app, :household, :payee, :area, :type, :category, false, :gap, :basic, :care, :total, :start,
                    :standard, :mark, :persons, :net, :tier)""").param("app", app).param("household", household)
                .param("payee", payee).param("area", area).param("type", type).param("category", category)
                .param("gap", gap).param("basic", basic).param("care", care).param("total", total)
                .param("start", start.atDay(1)).param("standard", standard).param("mark", MARK)
                .param("persons", persons).param("net", net).param("tier", tier).update();
    }

    /** Last month: generated by reviewer, approved by reviewer2, answered by the bank (two failures), closed. */
    private void lastMonthsRun() {
        YearMonth last = YearMonth.now(clock).minusMonths(1);
        PayoutRun run = as("reviewer", () -> runs.generate(DemoAreas.COUNTY, last));
        as("reviewer2", () -> runs.approve(run.id()));
        ByteArrayOutputStream bank = new ByteArrayOutputStream();
        as("reviewer2", () -> runs.exportBankFile(run.id(), bank));
        StringBuilder answer = new StringBuilder("参考号,账号,金额,结果,失败原因\r\n");
        String[] lines = bank.toString(StandardCharsets.UTF_8).split("\r\n");
        for (int i = 1; i < lines.length; i++) {
            String[] f = lines[i].split(",");
            answer.append(f[0]).append(',').append(f[4]).append(',').append(f[5])
                    .append(i % 60 == 0 ? ",失败,账户已冻结\r\n" : ",成功,\r\n");
        }
        as("reviewer2", () -> runs.importReturns(run.id(), "回盘-" + last + ".csv",
                answer.toString().getBytes(StandardCharsets.UTF_8)));
        as("reviewer2", () -> runs.close(run.id()));
    }

    private <T> T as(String username, Supplier<T> body) {
        return DemoStaff.as(users, username, body);
    }
}
