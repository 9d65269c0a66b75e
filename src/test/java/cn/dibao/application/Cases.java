package cn.dibao.application;

import cn.dibao.common.identity.IdType;
import cn.dibao.household.HouseholdData;
import cn.dibao.household.HouseholdService;
import cn.dibao.household.ExpenseData;
import cn.dibao.household.ExpenseType;
import cn.dibao.household.HukouType;
import cn.dibao.household.IncomeCategory;
import cn.dibao.household.IncomeData;
import cn.dibao.household.MemberData;
import cn.dibao.household.NewHousehold;
import cn.dibao.household.NewMember;
import cn.dibao.household.PersonData;
import cn.dibao.household.Relation;
import cn.dibao.support.AsStaff;
import cn.dibao.support.Fixtures;
import cn.dibao.support.MutableClock;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Households and cases for the workflow tests, made through the real services as real staff
 * members, on the app's clock. Every step acts "today" ({@link #on(LocalDate)} moves the clock);
 * tests reset the clock afterwards. A bean of the shared test context: {@code @Autowired Cases cases}.
 */
@Component
final class Cases {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    static final String CASEWORKER = "caseworker";
    static final String REVIEWER = "reviewer";
    /** Everything the 低保 and 临时救助 types require (V8 material_requirement). */
    static final Set<String> ALL_MATERIALS = Set.of("ID_CARD", "APPLICATION_FORM", "PROMISE", "AUTHORISATION",
            "INCOME_PROOF");

    /** A household file and its head, who applies. */
    record Household(long id, long applicantId, String village) {
    }

    /** A township of its own under the demo county, with one village and its own standard from 2026-01. */
    record Township(String code, String village) {
    }

    final ApplicationService service;
    private final HouseholdService households;
    private final UserDetailsService users;
    private final JdbcTemplate jdbc;
    private final MutableClock clock;
    private final Fixtures fixtures;

    Cases(ApplicationService service, HouseholdService households, UserDetailsService users, JdbcTemplate jdbc,
          MutableClock clock, Fixtures fixtures) {
        this.service = service;
        this.households = households;
        this.users = users;
        this.jdbc = jdbc;
        this.clock = clock;
        this.fixtures = fixtures;
    }

    // ---- time and users ---------------------------------------------------------------------

    /** Moves the app clock to 10:00 in China on the day. */
    void on(LocalDate day) {
        clock.set(day.atTime(10, 0).atZone(CHINA).toInstant());
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    <T> T as(String username, Supplier<T> body) {
        return AsStaff.call(users, username, body);
    }

    void run(String username, Runnable body) {
        AsStaff.run(users, username, body);
    }

    // ---- areas --------------------------------------------------------------------------------

    /**
     * A new township with a village and a township-level standard version from January 2026:
     * the demo figures (低保 855, 特困 1120) and the national defaults of every programme's procedure
     * (V20), but the decision delegated or not and the county's sampling share (of every programme) as given.
     */
    Township township(boolean delegated, String samplingPct) {
        String code = fixtures.freeTownshipCode();
        String village = code.substring(0, 9) + "001";
        jdbc.update("insert into area (code, name, level, parent_code) values (?, ?, 'TOWNSHIP', ?)", code,
                Fixtures.unique("流程测试镇"), Fixtures.COUNTY);
        jdbc.update("insert into area (code, name, level, parent_code) values (?, ?, 'VILLAGE', ?)", village,
                Fixtures.unique("流程测试村"), code);
        jdbc.update("""
                insert into subsidy_standard (area_code, effective_from, note, dibao_standard, tekun_basic,
                                              disposable_income_last_year, decision_delegated)
                values (?, date '2026-01-01', '流程测试', 855, 1120, 48000, ?)""", code, delegated);
        // committed: the programme rows are there with their defaults
        procedure(code, null, "county_sampling_pct = ?", new BigDecimal(samplingPct));
        return new Township(code, village);
    }

    /**
     * Changes the procedure of a programme ({@code null}: of every programme) in the township's standard, e.g.
     * {@code procedure(t.code(), "TEKUN", "township_wd = ?", 10)}.
     */
    void procedure(String township, String programme, String set, Object... args) {
        List<Object> all = new ArrayList<>(List.of(args));
        all.addAll(Arrays.asList(township, programme, programme));
        int rows = jdbc.update("update standard_procedure set " + set + " where standard_id in "
                + "(select id from subsidy_standard where area_code = ?) and (programme = ? or cast(? as text) is null)",
                all.toArray());
        if (rows == 0) {
            throw new IllegalStateException("no procedure of " + programme + " in " + township);
        }
    }

    /** Changes a 临时救助 setting of the township's standard, e.g. {@code tempRelief(t.code(), "temp_relief_times_per_year = 2")}. */
    void tempRelief(String township, String set) {
        jdbc.update("update subsidy_standard set " + set + " where area_code = ?", township);
    }

    // ---- households ---------------------------------------------------------------------------

    /** Three adults, the head earning 1500 a month: 低保 855 × 3 − 1500 = 1065 under the 2026 standard. */
    Household household(String village) {
        return household(village, "1500.00", LocalDate.of(1980, 3, 1));
    }

    /**
     * Head, spouse and child (born 2004), the head earning {@code wage} a month since 2025, all
     * members since 2025-01-01 (so any 2026 month is checked on the whole household).
     */
    Household household(String village, String wage, LocalDate headBorn) {
        Household h = as(REVIEWER, () -> {
            long id = households.create(new NewHousehold(
                    new HouseholdData(village, Fixtures.unique("流程路") + " 号", HukouType.URBAN, null, null, Set.of()),
                    PersonData.of("流程户主", IdType.RESIDENT_ID, Fixtures.newIdNumber(headBorn, true))));
            long head = households.file(id).members().get(0).personId();
            households.addMember(id, new NewMember(new MemberData(Relation.SPOUSE, true, null,
                    LocalDate.of(2025, 1, 1)), PersonData.of("流程配偶", IdType.RESIDENT_ID,
                    Fixtures.newIdNumber(LocalDate.of(1982, 5, 2), false))));
            households.addMember(id, new NewMember(new MemberData(Relation.CHILD, true, null,
                    LocalDate.of(2025, 1, 1)), PersonData.of("流程子女", IdType.RESIDENT_ID,
                    Fixtures.newIdNumber(LocalDate.of(2004, 6, 3), true))));
            households.addIncome(id, new IncomeData(head, IncomeCategory.WAGE, "工资", new BigDecimal(wage),
                    LocalDate.of(2025, 1, 1), null, null));
            return new Household(id, head, village);
        });
        // The file was created "today", so its head joined today: date the memberships back.
        jdbc.update("update household_member set joined_on = date '2025-01-01' where household_id = ?", h.id());
        return h;
    }

    /**
     * The household with a hospital bill of 30,000 (2026-01-10): over a year's 18,000 wage, the rigid spending
     * a 支出型临时救助 asks for (§7.1) in any check month of 2026 after January.
     */
    Household inHardship(Household h) {
        as(REVIEWER, () -> households.addExpense(h.id(), new ExpenseData(h.applicantId(), ExpenseType.MEDICAL,
                "住院自付", new BigDecimal("30000.00"), LocalDate.of(2026, 1, 10))));
        return h;
    }

    // ---- inputs -------------------------------------------------------------------------------

    static ApplicationInput.New application(Household h, AssistanceType type, LocalDate receivedOn,
                                            Set<String> materials, boolean nearRelative) {
        return new ApplicationInput.New(h.id(), h.applicantId(), type, Channel.WINDOW, null, null, "生活困难",
                receivedOn, materials, null, null, nearRelative, nearRelative ? "申请人系村委会委员之子" : null);
    }

    static ApplicationInput.HomeVisit visit(LocalDate on) {
        return new ApplicationInput.HomeVisit(on, "王敏、刘洋", "家中陈设简陋，收入与申报一致", true, true);
    }

    static ApplicationInput.Review eligible(YearMonth month, BigDecimal amount) {
        return new ApplicationInput.Review(month, true, "经调查核实，符合条件", "村务公开栏", amount, null, null, null,
                null);
    }

    static ApplicationInput.Reason reason(String text) {
        return new ApplicationInput.Reason(text);
    }

    // ---- steps --------------------------------------------------------------------------------

    /** 受理 today of a complete 低保 application. */
    long accept(String caseworker, Household h) {
        return accept(caseworker, h, AssistanceType.DIBAO, ALL_MATERIALS, false);
    }

    long accept(String caseworker, Household h, AssistanceType type, Set<String> materials, boolean nearRelative) {
        return as(caseworker, () -> service.accept(application(h, type, today(), materials, nearRelative)));
    }

    /** 调查 today: started, a township home visit, a 核对 request and its result; then submitted for 初审. */
    void investigate(String caseworker, long id) {
        run(caseworker, () -> {
            service.startInvestigation(id);
            service.recordHomeVisit(id, visit(today()));
            service.requestVerification(id);
            service.recordVerificationResult(id, new ApplicationInput.VerificationResult(
                    ApplicationInput.VerificationOutcome.CONSISTENT, "核对结果与申报一致"));
            service.submitInvestigation(id);
        });
    }

    /** 初审 today, "eligible" as of this month: the case goes to 公示. */
    void review(String caseworker, long id) {
        review(caseworker, id, null);
    }

    /** 初审 with an amount (临时救助). */
    void review(String caseworker, long id, BigDecimal amount) {
        run(caseworker, () -> service.townshipReview(id, eligible(YearMonth.from(today()), amount)));
    }

    /** Moves the clock to the day after the current 公示 ends and closes it: 待确认. */
    void closePublicity(String caseworker, long id) {
        LocalDate end = as(REVIEWER, () -> service.get(id)).publicities().stream()
                .filter(p -> p.closedOn() == null).reduce((a, b) -> b).orElseThrow().endsOn();
        on(end.plusDays(1));
        run(caseworker, () -> service.closePublicity(id));
    }

    /** The county's home visit today. */
    void countyVisit(String reviewer, long id) {
        run(reviewer, () -> service.recordHomeVisit(id, visit(today())));
    }

    /** A complete 低保 application accepted today and taken to the decision (the clock ends after 公示). */
    long awaitingDecision(String caseworker, Household h, boolean nearRelative) {
        long id = accept(caseworker, h, AssistanceType.DIBAO, ALL_MATERIALS, nearRelative);
        investigate(caseworker, id);
        review(caseworker, id);
        closePublicity(caseworker, id);
        return id;
    }

    // ---- reading ------------------------------------------------------------------------------

    /** The case as the county reviewer reads it (the county sees every township). */
    ApplicationView view(long id) {
        return as(REVIEWER, () -> service.get(id));
    }

    ApplicationState state(long id) {
        return ApplicationState.valueOf(jdbc.queryForObject("select state from application where id = ?",
                String.class, id));
    }

    long benefits(long applicationId) {
        return jdbc.queryForObject("select count(*) from benefit where application_id = ?", Long.class,
                applicationId);
    }

    // ---- concurrency helpers ------------------------------------------------------------------

    /** "OK", or the message key of the rule that refused the step. */
    static String outcome(Runnable r) {
        try {
            r.run();
            return "OK";
        } catch (cn.dibao.common.error.DomainException e) {
            return e.messageKey();
        }
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
