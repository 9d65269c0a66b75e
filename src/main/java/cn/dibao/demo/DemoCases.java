package cn.dibao.demo;

import cn.dibao.application.ApplicationInput;
import cn.dibao.application.ApplicationService;
import cn.dibao.application.AssistanceType;
import cn.dibao.application.Channel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;

/**
 * A few cases at different steps in the caseworker's township, made through the real workflow
 * (as the demo caseworker), so the worklists and case pages have something to show.
 */
@Component
@Profile("demo")
@Order(1)
class DemoCases implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoCases.class);
    private static final Set<String> ALL = Set.of("ID_CARD", "APPLICATION_FORM", "PROMISE", "AUTHORISATION",
            "INCOME_PROOF");

    private final JdbcClient jdbc;
    private final ApplicationService applications;
    private final UserDetailsService users;

    DemoCases(JdbcClient jdbc, ApplicationService applications, UserDetailsService users) {
        this.jdbc = jdbc;
        this.applications = applications;
        this.users = users;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (Boolean.TRUE.equals(jdbc.sql("select exists (select 1 from application where area_code like '370211%')")
                .query(Boolean.class).single())) {
            return;
        }
        List<long[]> households = jdbc.sql("""
                select h.id, h.head_person_id from household h
                where h.area_code like '370211001%' and h.status = 'ACTIVE' and h.head_person_id is not null
                order by h.id limit 6""").query((rs, i) -> new long[]{rs.getLong("id"), rs.getLong("head_person_id")})
                .list();
        if (households.size() < 6) {
            return;
        }
        as("caseworker", () -> {
            var today = applications.today();
            // 1. materials missing: 退回补正 with the 一次性告知书
            applications.accept(input(households.get(0), AssistanceType.DIBAO, Set.of("ID_CARD", "APPLICATION_FORM"), today));
            // 2. accepted, investigation to start within 3 working days
            applications.accept(input(households.get(1), AssistanceType.DIBAO, ALL, today));
            // 3. being investigated, home visit done
            Set<String> tekun = new java.util.HashSet<>(ALL);
            tekun.add("OBLIGOR_AUTHORISATION");
            long c = applications.accept(input(households.get(2), AssistanceType.TEKUN_SCATTERED, tekun, today));
            applications.startInvestigation(c);
            applications.recordHomeVisit(c, new ApplicationInput.HomeVisit(today, "王海、李娜", "独居，无固定收入，住房为自有平房。",
                    true, true));
            applications.requestVerification(c);
            // 5. 临时救助 急难型 paid first from the stand-by fund, paperwork pending
            long e = applications.accept(input(households.get(4), AssistanceType.TEMP_URGENT, Set.of("ID_CARD"), today));
            applications.grantUrgent(e, new ApplicationInput.UrgentGrant(new BigDecimal("2000.00"), "住房失火，生活用品损毁"));
            // 4. 公示 after 初审
            long d = applications.accept(input(households.get(3), AssistanceType.DIBAO, ALL, today));
            investigate(d, today);
            applications.townshipReview(d, new ApplicationInput.Review(YearMonth.from(today), true,
                    "家庭人均收入低于低保标准，财产符合规定，建议纳入。", "村务公开栏", null, null, null, null, null));
            return null;
        });
        log.info("Demo cases created in 370211001 (caseworker's township)");
    }

    private void investigate(long id, java.time.LocalDate today) {
        applications.startInvestigation(id);
        applications.recordHomeVisit(id, new ApplicationInput.HomeVisit(today, "王海、李娜", "家庭成员身体状况较差，收入来源单一。",
                true, true));
        applications.requestVerification(id);
        applications.recordVerificationResult(id, new ApplicationInput.VerificationResult(
                ApplicationInput.VerificationOutcome.CONSISTENT, "不动产、车辆、存款与申报一致"));
        applications.submitInvestigation(id);
    }

    private static ApplicationInput.New input(long[] household, AssistanceType type, Set<String> materials,
                                              java.time.LocalDate today) {
        return new ApplicationInput.New(household[0], household[1], type, Channel.WINDOW, null, null, "家庭生活困难",
                today, materials, null, null, false, null);
    }

    private <T> void as(String username, java.util.function.Supplier<T> body) {
        try {
            DemoStaff.as(users, username, body);
        } catch (RuntimeException e) {
            // demo cases are a convenience: a household that does not fit a step is skipped, not fatal
            log.warn("Demo case skipped: {}", e.getMessage());
        }
    }
}
