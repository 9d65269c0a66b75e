package cn.dibao.application;

import cn.dibao.benefit.BenefitService;
import cn.dibao.benefit.BenefitView;
import cn.dibao.benefit.NewBenefit;
import cn.dibao.common.error.DomainException;
import cn.dibao.eligibility.EligibilityCheckService;
import cn.dibao.engine.EligibilityEngine.CareSetting;
import cn.dibao.common.identity.IdType;
import cn.dibao.engine.Programme;
import cn.dibao.household.Employment;
import cn.dibao.household.HouseholdData;
import cn.dibao.household.IncomeCategory;
import cn.dibao.household.IncomeData;
import cn.dibao.household.LabourAbility;
import cn.dibao.household.StudentLevel;
import cn.dibao.household.HouseholdService;
import cn.dibao.household.HukouType;
import cn.dibao.household.MemberData;
import cn.dibao.household.NewHousehold;
import cn.dibao.household.NewMember;
import cn.dibao.household.PersonData;
import cn.dibao.household.Relation;
import cn.dibao.payout.PayoutRun;
import cn.dibao.payout.PayoutRunService;
import cn.dibao.support.AsStaff;
import cn.dibao.support.Fixtures;
import cn.dibao.support.IntegrationTest;
import cn.dibao.support.JsonApi;
import cn.dibao.support.Login;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import cn.dibao.support.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import static cn.dibao.application.Cases.ALL_MATERIALS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 15, "Who is paid" and "One benefit per person" (ADR 0026), in a county of its own so that its
 * runs, recalculation and grant see only its benefits: a two-person 特困 household through the window
 * today, its approval (one benefit each), a 提标 and the 春节 grant in real runs; a 低保 → 特困 transfer
 * with the money month by month; every other overlap refused, also when inserted by SQL.
 */
@IntegrationTest
class BenefitCoverageTest {

    @Autowired
    Cases cases;
    @Autowired
    ApplicationService service;
    @Autowired
    HouseholdService households;
    @Autowired
    BenefitService benefits;
    @Autowired
    PayoutRunService runs;
    @Autowired
    EligibilityCheckService checks;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    UserDetailsService users;
    @Autowired
    Fixtures fixtures;
    @Autowired
    MutableClock clock;
    @Autowired
    MockMvc mvc;
    @Autowired
    ObjectMapper json;

    String county;
    String township;
    String village;
    String caseworker;
    String reviewer;
    String reviewer2;
    LocalDate today;

    @BeforeEach
    void county() {
        today = LocalDate.now(Clock.system(Cases.CHINA));
        cases.on(today);
        county = freeCounty();
        township = county.substring(0, 6) + "001000";
        village = county.substring(0, 6) + "001001";
        area(county, "COUNTY", null);
        area(township, "TOWNSHIP", county);
        area(village, "VILLAGE", township);
        jdbc.update("""
                insert into subsidy_standard (area_code, effective_from, note, dibao_standard, tekun_basic,
                    tekun_care_home_self, tekun_care_inst_self, disposable_income_last_year)
                values (?, date '2026-01-01', '覆盖测试', 855, 1120, 100, 300, 48000)""", county);
        caseworker = fixtures.user(township, "Coverage-test-2026", "CASEWORKER");
        reviewer = fixtures.user(county, "Coverage-test-2026", "REVIEWER");
        reviewer2 = fixtures.user(county, "Coverage-test-2026", "REVIEWER");
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private static int counties = 9700;

    private synchronized String freeCounty() {
        while (true) {
            String code = "37" + (++counties) + "000000";
            if (!fixtures.areaExists(code)) {
                return code;
            }
        }
    }

    private void area(String code, String level, String parent) {
        jdbc.update("insert into area (code, name, level, parent_code) values (?, ?, ?, ?)", code,
                Fixtures.unique("覆盖测试"), level, parent);
    }

    private <T> T as(String user, Supplier<T> body) {
        return AsStaff.call(users, user, body);
    }

    /** An elderly couple with no income, registered today, living together since 2025: 特困 both. */
    private Cases.Household elderlyCouple() {
        return as(reviewer, () -> {
            long id = households.create(new NewHousehold(
                    new HouseholdData(village, Fixtures.unique("覆盖路") + " 号", HukouType.URBAN, null, null, Set.of()),
                    PersonData.of("特困甲", IdType.RESIDENT_ID, Fixtures.newIdNumber(LocalDate.of(1948, 2, 1), true)),
                    LocalDate.of(2025, 1, 1)));
            long head = households.file(id).members().get(0).personId();
            households.addMember(id, new NewMember(new MemberData(Relation.SPOUSE, true, null, LocalDate.of(2025, 1, 1)),
                    PersonData.of("特困乙", IdType.RESIDENT_ID, Fixtures.newIdNumber(LocalDate.of(1950, 7, 9), false))));
            return new Cases.Household(id, head, village);
        });
    }

    private List<Long> members(Cases.Household h) {
        return jdbc.queryForList("select person_id from household_member where household_id = ? order by person_id",
                Long.class, h.id());
    }

    /** A case from the window today to the county's approval (four-eyes: the caseworker accepted it). */
    private long approved(Cases.Household h, AssistanceType type) {
        Set<String> materials = new java.util.HashSet<>(ALL_MATERIALS);
        materials.add("OBLIGOR_AUTHORISATION"); // 特困: the obligors' 核对授权书
        long id = as(caseworker, () -> service.accept(Cases.application(h, type, cases.today(), materials, false)));
        cases.investigate(caseworker, id);
        cases.run(caseworker, () -> service.townshipReview(id, Cases.eligible(YearMonth.from(cases.today()), null)));
        LocalDate end = view(id).publicities().get(0).endsOn();
        cases.on(end.plusDays(1));
        cases.run(caseworker, () -> service.closePublicity(id));
        if (view(id).visitRequired()) { // the county's sampled home visit (入户抽查)
            cases.countyVisit(reviewer, id);
        }
        cases.run(reviewer, () -> service.approve(id, new ApplicationInput.Approve("同意")));
        return id;
    }

    private ApplicationView view(long id) {
        return as(reviewer, () -> service.get(id));
    }

    private Map<String, Object> benefitRow(long id) {
        return jdbc.queryForMap("select * from benefit where id = ?", id);
    }

    record Item(long benefit, String kind, String amount) {
    }

    private List<Item> items(PayoutRun run) {
        return jdbc.query("select benefit_id, kind, amount from payout_item where run_id = ? order by benefit_id, kind",
                (rs, i) -> new Item(rs.getLong(1), rs.getString(2), rs.getBigDecimal(3).toPlainString()), run.id());
    }

    private PayoutRun run(YearMonth month) {
        cases.on(month.atDay(1));
        return as(reviewer, () -> runs.generate(county, month));
    }

    @Test
    void aTwoPersonTekunHouseholdIsOneBenefitEachThroughApprovalARaiseAndTheSpringFestivalGrant() {
        Cases.Household h = elderlyCouple();
        List<Long> persons = members(h);
        long id = approved(h, AssistanceType.TEKUN_SCATTERED);

        // the 公示 named the two persons covered and their number, not the household's size
        ApplicationView.Publicity p = view(id).publicities().get(0);
        assertThat(p.category()).isEqualTo("TEKUN");
        assertThat(p.householdSize()).isEqualTo(2);
        assertThat(p.shownName()).isEqualTo("特困甲、特困乙");

        // one benefit per 特困 person, paid to him, with his own basis and care tier
        List<Long> ids = view(id).benefitIds();
        assertThat(ids).hasSize(2);
        YearMonth start = YearMonth.from(cases.today()).plusMonths(1);
        for (int i = 0; i < 2; i++) {
            Map<String, Object> b = benefitRow(ids.get(i));
            assertThat(b.get("payee_person_id")).isEqualTo(persons.get(i));
            assertThat(b.get("category")).isEqualTo("TEKUN");
            assertThat(((Number) b.get("basis_persons")).intValue()).isEqualTo(1);
            assertThat(b.get("care_tier")).isEqualTo("HOME_SELF");
            assertThat((BigDecimal) b.get("monthly_amount")).isEqualByComparingTo("1220.00");
            assertThat(b.get("start_month").toString()).isEqualTo(start.atDay(1).toString());
            BenefitView v = as(reviewer, () -> benefits.get(ids.get(0)));
            assertThat(v.covered()).extracting(BenefitView.Covered::personId).containsExactly(persons.get(0));
        }

        // the first month pays each his own amount
        PayoutRun first = run(start);
        assertThat(items(first)).containsExactly(new Item(ids.get(0), "MONTHLY", "1220.00"),
                new Item(ids.get(1), "MONTHLY", "1220.00"));

        // 提标 from the month after: 基本生活标准 1120 → 1200, each benefit recalculated on its own basis
        YearMonth raise = start.plusMonths(1);
        jdbc.update("""
                insert into subsidy_standard (area_code, effective_from, note, dibao_standard, tekun_basic,
                    tekun_care_home_self, tekun_care_inst_self, disposable_income_last_year)
                values (?, ?, '提标', 900, 1200, 100, 300, 48000)""", county, raise.atDay(1));
        as(reviewer, () -> runs.createGrant(county, raise, "春节一次性生活补贴", List.of("DIBAO", "TEKUN"),
                "STANDARD_MONTHS", BigDecimal.ONE));
        PayoutRun second = run(raise);
        // 特困: one month of his own 基本生活标准 (1200), not the 低保 standard, and not halved
        assertThat(items(second)).containsExactly(new Item(ids.get(0), "MONTHLY", "1300.00"),
                new Item(ids.get(0), "SUPPLEMENT", "1200.00"), new Item(ids.get(1), "MONTHLY", "1300.00"),
                new Item(ids.get(1), "SUPPLEMENT", "1200.00"));
    }

    @Test
    void aDibaoCaseTheCheckPlacesInDanrenbaoPaysTheCoveredPersonAndPublishesHimAlone() {
        // 阜新's alone mode: a disabled adult with no job is tested on his own, whatever the family earns
        jdbc.update("update subsidy_standard set single_alone = true where area_code = ?", county);
        Cases.Household h = as(reviewer, () -> {
            long id = households.create(new NewHousehold(
                    new HouseholdData(village, Fixtures.unique("覆盖路") + " 号", HukouType.URBAN, null, null, Set.of()),
                    PersonData.of("矿工父亲", IdType.RESIDENT_ID, Fixtures.newIdNumber(LocalDate.of(1970, 3, 1), true)),
                    LocalDate.of(2025, 1, 1)));
            long head = households.file(id).members().get(0).personId();
            households.addMember(id, new NewMember(new MemberData(Relation.CHILD, true, null, LocalDate.of(2025, 1, 1)),
                    new PersonData("残疾女儿", IdType.RESIDENT_ID, Fixtures.newIdNumber(LocalDate.of(2000, 4, 2), false),
                            null, null, null, null, 4, 1, null, null, null, null, null, null, null, null, null, null,
                            LabourAbility.NONE, Employment.UNEMPLOYED, StudentLevel.NONE, null, null, null, null, null,
                            null)));
            households.addIncome(id, new IncomeData(head, IncomeCategory.WAGE, "工资", new BigDecimal("9000.00"),
                    LocalDate.of(2025, 1, 1), null, null));
            return new Cases.Household(id, head, village);
        });
        long daughter = members(h).get(1);
        long id = approved(h, AssistanceType.DIBAO);
        ApplicationView v = view(id);
        assertThat(v.proposedCategory()).isEqualTo(Programme.DIBAO_SINGLE);
        ApplicationView.Publicity p = v.publicities().get(0);
        assertThat(p.householdSize()).isEqualTo(1);
        assertThat(p.shownName()).isEqualTo("残疾女儿");
        assertThat(v.benefitIds()).hasSize(1);
        Map<String, Object> b = benefitRow(v.benefitIds().get(0));
        assertThat(b.get("payee_person_id")).isEqualTo(daughter);
        assertThat(b.get("category")).isEqualTo("DIBAO_SINGLE");
        assertThat(as(reviewer, () -> benefits.get(v.benefitIds().get(0))).covered())
                .extracting(BenefitView.Covered::personId).containsExactly(daughter);
    }

    @Test
    void aDibaoPersonWhoBecomesTekunIsTransferredWithNoGapAndNoOverlap() {
        Cases.Household h = elderlyCouple();
        List<Long> persons = members(h);
        YearMonth now = YearMonth.from(cases.today());
        // the household has been on 低保 since January (opened as an approval opens it)
        long dibao = as(reviewer, () -> benefits.open(dibao(h, persons, YearMonth.of(2026, 1), "1200.00")));
        // a new case of the same programme for someone it covers is refused at the window: 已纳入
        assertThatThrownBy(() -> as(caseworker, () -> service.accept(Cases.application(h, AssistanceType.DIBAO,
                cases.today(), ALL_MATERIALS, false))))
                .isInstanceOf(DomainException.class).hasMessageContaining("application.alreadyCovered");

        long id = approved(h, AssistanceType.TEKUN_SCATTERED);
        YearMonth start = YearMonth.from(cases.today()).plusMonths(1);
        List<Long> tekun = view(id).benefitIds();
        assertThat(tekun).hasSize(2);
        // the 低保 ends the month before the 特困 starts
        Map<String, Object> old = benefitRow(dibao);
        assertThat(old.get("status")).isEqualTo("STOPPED");
        assertThat(old.get("end_month").toString()).isEqualTo(start.minusMonths(1).atDay(1).toString());
        assertThat(jdbc.queryForObject("""
                select reason_code from benefit_version where benefit_id = ? and change_kind = 'STOP'""",
                String.class, dibao)).isEqualTo("TRANSFER");

        // month by month: 低保 up to the month before, then only 特困 (the runs of earlier months are not in this county)
        PayoutRun before = run(start.minusMonths(1).isBefore(now) ? now : start.minusMonths(1));
        assertThat(items(before)).extracting(Item::benefit).containsOnly(dibao);
        PayoutRun after = run(start);
        assertThat(items(after)).extracting(Item::benefit).doesNotContain(dibao)
                .containsExactlyInAnyOrderElementsOf(tekun);
    }

    @Test
    void everyOtherOverlapIsRefusedNamingTheBenefitAndTheDatabaseRefusesOneInsertedBySql() {
        Cases.Household h = elderlyCouple();
        List<Long> persons = members(h);
        YearMonth jan = YearMonth.of(2026, 1);
        long dibao = as(reviewer, () -> benefits.open(dibao(h, persons, jan, "1200.00")));
        YearMonth next = YearMonth.from(cases.today()).plusMonths(1);

        // 特困 for one of the two while the household's 低保 still covers the other: refused, naming the 低保
        assertThatThrownBy(() -> as(reviewer, () -> benefits.open(own(h, persons.get(0), "TEKUN", "TEKUN_SCATTERED",
                next))))
                .isInstanceOf(DomainException.class)
                .satisfies(e -> {
                    assertThat(((DomainException) e).messageKey()).isEqualTo("benefit.overlap");
                    assertThat(((DomainException) e).args()).contains(String.valueOf(dibao));
                });
        // a 低保边缘 recognition for a household on 低保, and a second 低保: refused
        for (String category : List.of("DIBAO_EDGE", "DIBAO")) {
            NewBenefit again = new NewBenefit(1, h.id(), persons.get(0), persons, county.substring(0, 9) + "001", category,
                    category, false, NewBenefit.Amounts.gapOnly(BigDecimal.ZERO), next, check(h), standard(),
                    NewBenefit.Basis.NONE);
            assertThatThrownBy(() -> as(reviewer, () -> benefits.open(again))).as(category)
                    .isInstanceOf(DomainException.class).hasMessageContaining("benefit.overlap");
        }
        assertThat(jdbc.queryForObject("select count(*) from benefit where household_id = ?", Integer.class, h.id()))
                .isEqualTo(1);

        // whatever writes the rows: a second living benefit of the same person by SQL …
        Long other = jdbc.queryForObject("""
                insert into benefit (application_id, household_id, payee_person_id, area_code, assistance_type, category,
                    one_off, amount_gap, monthly_amount, start_month)
                select application_id, household_id, ?, area_code, 'TEKUN_SCATTERED', 'TEKUN', false, 0, 0, date '2026-06-01'
                from benefit where id = ? returning id""", Long.class, persons.get(1), dibao);
        assertThatThrownBy(() -> jdbc.update("""
                insert into benefit_person (benefit_id, person_id, cash, months)
                values (?, ?, true, daterange(date '2026-06-01', null))""", other, persons.get(1)))
                .isInstanceOf(DataIntegrityViolationException.class).hasMessageContaining("benefit_person_once");
        // … and a second household programme of the same household in the same months
        assertThatThrownBy(() -> jdbc.update("""
                insert into benefit (application_id, household_id, payee_person_id, area_code, assistance_type, category,
                    one_off, amount_gap, monthly_amount, start_month)
                select ?, household_id, payee_person_id, area_code, 'DIBAO_EDGE', 'DIBAO_EDGE', false, 0, 0,
                       date '2026-03-01'
                from benefit where id = ?""", standIn(h, "DIBAO_EDGE"), dibao))
                .isInstanceOf(DataIntegrityViolationException.class).hasMessageContaining("benefit_one_household_programme");
    }

    @Test
    void theLawsMovesAreTransfers() {
        Cases.Household h = elderlyCouple();
        List<Long> persons = members(h);
        YearMonth jan = YearMonth.of(2026, 1);
        YearMonth next = YearMonth.from(cases.today()).plusMonths(1);
        long a = persons.get(0);

        // 单人保 → the household's 低保: the 单人保 ends the month before
        long single = as(reviewer, () -> benefits.open(own(h, a, "DIBAO_SINGLE", "DIBAO_SINGLE", jan)));
        long dibao = as(reviewer, () -> benefits.open(dibao(h, persons, next, "1200.00")));
        assertThat(endOf(single)).isEqualTo(next.minusMonths(1));
        // and back: the household's 低保 → 单人保 of one member (the check found only him eligible)
        YearMonth later = next.plusMonths(1);
        long single2 = as(reviewer, () -> benefits.open(own(h, a, "DIBAO_SINGLE", "DIBAO_SINGLE", later)));
        assertThat(endOf(dibao)).isEqualTo(later.minusMonths(1));
        // 特困 分散 → 集中: a care setting change is a transfer too
        YearMonth third = later.plusMonths(1);
        long scattered = as(reviewer, () -> benefits.open(own(h, persons.get(1), "TEKUN", "TEKUN_SCATTERED", later)));
        long centralized = as(reviewer, () -> benefits.open(own(h, persons.get(1), "TEKUN", "TEKUN_CENTRALIZED", third)));
        assertThat(endOf(scattered)).isEqualTo(third.minusMonths(1));
        assertThat(endOf(centralized)).isNull();
        assertThat(endOf(single2)).isNull();
        // the same programme again: 已纳入, refused
        assertThatThrownBy(() -> as(reviewer, () -> benefits.open(own(h, a, "DIBAO_SINGLE", "DIBAO_SINGLE", third))))
                .isInstanceOf(DomainException.class).hasMessageContaining("benefit.overlap");
    }

    @Test
    void aHouseholdsDibaoMayBePaidToAnotherMemberWithAReason() {
        Cases.Household h = elderlyCouple();
        List<Long> persons = members(h);
        long dibao = as(reviewer, () -> benefits.open(dibao(h, persons, YearMonth.of(2026, 1), "1200.00")));
        assertThat(as(reviewer, () -> benefits.get(dibao)).payeePersonId()).isEqualTo(persons.get(0));
        assertThatThrownBy(() -> as(reviewer, () -> benefits.changePayee(dibao, persons.get(1), " ")))
                .isInstanceOf(DomainException.class).hasMessageContaining("benefit.change.reason.required");
        assertThatThrownBy(() -> as(reviewer, () -> benefits.changePayee(dibao, persons.get(0), "住院")))
                .isInstanceOf(DomainException.class).hasMessageContaining("benefit.payee.same");
        long stranger = elderlyCoupleHead();
        assertThatThrownBy(() -> as(reviewer, () -> benefits.changePayee(dibao, stranger, "住院")))
                .isInstanceOf(DomainException.class).hasMessageContaining("benefit.payee.notMember");
        BenefitView v = as(reviewer, () -> benefits.changePayee(dibao, persons.get(1), "户主长期住院，由配偶领取"));
        assertThat(v.payeePersonId()).isEqualTo(persons.get(1));
        assertThat(jdbc.queryForObject("""
                select count(*) from audit_event where action = 'BENEFIT_PAYEE' and entity_id = ?""", Integer.class,
                String.valueOf(dibao))).isEqualTo(1);
        // 特困 is paid to the person it covers: no other payee
        Cases.Household alone = elderlyCouple();
        List<Long> two = members(alone);
        long tekun = as(reviewer, () -> benefits.open(own(alone, two.get(0), "TEKUN", "TEKUN_SCATTERED",
                YearMonth.from(cases.today()).plusMonths(1))));
        assertThatThrownBy(() -> as(reviewer, () -> benefits.changePayee(tekun, two.get(1), "代领")))
                .isInstanceOf(DomainException.class).hasMessageContaining("benefit.payee.notDibao");
    }

    @Test
    void thePayeeChangesThroughThePageAndTheApiAndTheBenefitPageNamesThePersonsCovered() throws Exception {
        Cases.Household h = elderlyCouple();
        List<Long> persons = members(h);
        long dibao = as(reviewer, () -> benefits.open(dibao(h, persons, YearMonth.of(2026, 1), "1200.00")));
        MockHttpSession session = Login.as(mvc, reviewer, "Coverage-test-2026");
        String page = mvc.perform(get("/benefits/" + dibao).session(session)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("benefit-covered", "特困甲", "特困乙", "payee-form");
        // all errors at once on the page, nothing changed
        String refused = mvc.perform(post("/benefits/" + dibao + "/payee").session(session).with(csrf())
                        .param("personId", "").param("reason", ""))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("领取人须为本户现有成员", "请填写变更理由和依据");
        assertThat(as(reviewer, () -> benefits.get(dibao)).payeePersonId()).isEqualTo(persons.get(0));
        mvc.perform(post("/benefits/" + dibao + "/payee").session(session).with(csrf())
                        .param("personId", String.valueOf(persons.get(1))).param("reason", "户主住院"))
                .andExpect(status().is3xxRedirection());
        assertThat(as(reviewer, () -> benefits.get(dibao)).payeePersonId()).isEqualTo(persons.get(1));

        // the API: the same rule, problem JSON naming the field; back to the head
        JsonApi api = new JsonApi(mvc, json);
        String url = "/api/v1/benefits/" + dibao + "/payee";
        api.send(HttpMethod.PUT, url, reviewer, "Coverage-test-2026", "{\"personId\": " + persons.get(1)
                + ", \"reason\": \"再次\"}").problem(422);
        api.send(HttpMethod.PUT, url, reviewer, "Coverage-test-2026", "{\"reason\": \"x\", \"amount\": 1}")
                .problem(400);
        JsonNode back = api.send(HttpMethod.PUT, url, reviewer, "Coverage-test-2026", "{\"personId\": "
                + persons.get(0) + ", \"reason\": \"户主出院\"}").status(200).json();
        assertThat(back.path("payeePersonId").asLong()).isEqualTo(persons.get(0));
        assertThat(back.path("covered")).hasSize(2);
        // a caseworker reads but does not decide
        api.send(HttpMethod.PUT, url, caseworker, "Coverage-test-2026", "{\"personId\": " + persons.get(1)
                + ", \"reason\": \"x\"}").problem(403);
    }

    private long elderlyCoupleHead() {
        return elderlyCouple().applicantId();
    }

    private YearMonth endOf(long benefit) {
        java.sql.Date end = jdbc.queryForObject("select end_month from benefit where id = ?", java.sql.Date.class,
                benefit);
        return end == null ? null : YearMonth.from(end.toLocalDate());
    }

    /** A 低保 of the household, covering its members, as an approval opens it (the case is a stand-in). */
    private NewBenefit dibao(Cases.Household h, List<Long> persons, YearMonth start, String amount) {
        long app = standIn(h, "DIBAO");
        return new NewBenefit(app, h.id(), persons.get(0), persons, village, "DIBAO", "DIBAO", false,
                NewBenefit.Amounts.gapOnly(new BigDecimal(amount)), start, check(h), standard(), NewBenefit.Basis.NONE);
    }

    private NewBenefit own(Cases.Household h, long person, String category, String type, YearMonth start) {
        long app = standIn(h, type);
        return new NewBenefit(app, h.id(), person, List.of(person), village, type, category, false,
                NewBenefit.Amounts.gapOnly(new BigDecimal("1220.00")), start, check(h), standard(),
                NewBenefit.Basis.NONE);
    }

    /** A stored check of the household this month (what an approval's benefit points at). */
    private long check(Cases.Household h) {
        return as(reviewer, () -> checks.run(h.id(), YearMonth.from(cases.today()), CareSetting.HOME).checkId());
    }

    private long standard() {
        return jdbc.queryForObject("select min(id) from subsidy_standard where area_code = ?", Long.class, county);
    }

    /** An enrolled case the benefit belongs to (the table requires one). */
    private long standIn(Cases.Household h, String type) {
        return jdbc.queryForObject("""
                insert into application (household_id, applicant_person_id, assistance_type, channel, area_code,
                    standard_id, delegated, state, received_on, accepted_by, total_due)
                values (?, ?, ?, 'WINDOW', ?, ?, false, 'ENROLLED', date '2026-01-05', 'test', date '2026-02-05')
                returning id""", Long.class, h.id(), h.applicantId(), type, village, standard());
    }
}
