package cn.dibao.eligibility;

import cn.dibao.common.identity.IdType;
import cn.dibao.common.security.StaffPrincipal;
import cn.dibao.common.error.DomainException;
import cn.dibao.engine.EligibilityEngine.CareSetting;
import cn.dibao.engine.Programme;
import cn.dibao.household.AbleToSupport;
import cn.dibao.household.DeductionData;
import cn.dibao.household.DeductionType;
import cn.dibao.household.HouseholdData;
import cn.dibao.household.HouseholdService;
import cn.dibao.household.HukouType;
import cn.dibao.household.IncomeCategory;
import cn.dibao.household.IncomeData;
import cn.dibao.household.MemberData;
import cn.dibao.household.NewHousehold;
import cn.dibao.household.NewMember;
import cn.dibao.household.ObligorData;
import cn.dibao.household.ObligorRelation;
import cn.dibao.household.PersonData;
import cn.dibao.household.Relation;
import cn.dibao.support.AsStaff;
import cn.dibao.support.Fixtures;
import cn.dibao.support.IntegrationTest;
import cn.dibao.support.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class EligibilityCheckTest {

    static final String PASSWORD = Fixtures.DEMO_PASSWORD;

    @Autowired
    EligibilityCheckService checks;
    @Autowired
    HouseholdService households;
    @Autowired
    UserDetailsService users;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    MutableClock clock;

    long householdId;
    long headId;

    @BeforeEach
    void household() {
        long[] ids = threeAdultsEarning1500(households, users, jdbc, "测试路 1 号");
        householdId = ids[0];
        headId = ids[1];
    }

    /**
     * Three adults in 隐珠街道, the head earning 1500 a month from 2026-01 (低保 of 855 × 3 − 1500 = 1065), all
     * living together since 2025 (the file is created "today", so the memberships are dated back): the
     * household id and the head's person id.
     */
    static long[] threeAdultsEarning1500(HouseholdService households, UserDetailsService users, JdbcTemplate jdbc,
                                        String address) {
        long[] ids = AsStaff.call(users, "caseworker", () -> {
            long id = households.create(new NewHousehold(
                    new HouseholdData(Fixtures.VILLAGE_A, address, HukouType.URBAN, null, null, Set.of()),
                    PersonData.of("测试户主", IdType.RESIDENT_ID, Fixtures.newIdNumber(LocalDate.of(1980, 3, 1), true))));
            long head = households.file(id).members().get(0).personId();
            households.addMember(id, new NewMember(new MemberData(Relation.SPOUSE, true, null,
                    LocalDate.of(2025, 1, 1)), PersonData.of("测试配偶", IdType.RESIDENT_ID,
                    Fixtures.newIdNumber(LocalDate.of(1982, 5, 2), false))));
            households.addMember(id, new NewMember(new MemberData(Relation.CHILD, true, null,
                    LocalDate.of(2025, 1, 1)), PersonData.of("测试子女", IdType.RESIDENT_ID,
                    Fixtures.newIdNumber(LocalDate.of(2004, 6, 3), true))));
            households.addIncome(id, new IncomeData(head, IncomeCategory.WAGE, "工资",
                    new BigDecimal("1500.00"), LocalDate.of(2026, 1, 1), null, null));
            return new long[] {id, head};
        });
        jdbc.update("update household_member set joined_on = date '2025-01-01' where household_id = ?", ids[0]);
        return ids;
    }

    @Test
    void aCheckIsStoredAndNeverRecomputed() {
        CheckReport first = AsStaff.call(users, "caseworker",
                () -> checks.run(householdId, YearMonth.of(2026, 7), CareSetting.HOME));
        assertThat(first.category()).isEqualTo(Programme.DIBAO);
        assertThat(first.programme(Programme.DIBAO).amount()).isEqualByComparingTo("1065.00");
        assertThat(first.standardLabel()).contains("855");

        // The household's income changes; the stored check does not.
        AsStaff.call(users, "caseworker", () -> households.addIncome(householdId, new IncomeData(headId,
                IncomeCategory.OTHER, "补充", new BigDecimal("500.00"), LocalDate.of(2026, 1, 1), null, null)));
        CheckReport reread = AsStaff.call(users, "reviewer", () -> checks.get(first.checkId()));
        assertThat(reread.programme(Programme.DIBAO).amount()).isEqualByComparingTo("1065.00");
        CheckReport second = AsStaff.call(users, "caseworker",
                () -> checks.run(householdId, YearMonth.of(2026, 7), CareSetting.HOME));
        assertThat(second.programme(Programme.DIBAO).amount()).isEqualByComparingTo("565.00");
        assertThat(jdbc.queryForObject("select count(*) from eligibility_check where household_id = ?", Long.class,
                householdId)).isEqualTo(2);
        assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'ELIGIBILITY_CHECKED' and entity_id = ?",
                Long.class, String.valueOf(householdId))).isEqualTo(2);
    }

    /** 转移净收入 in the stored check and its report: 赡养费 received counted, 社保缴费 and 赡养支出 deducted. */
    @Test
    void supportReceivedAndTransferSpendingShowInTheReport() throws Exception {
        AsStaff.call(users, "caseworker", () -> {
            households.addObligor(householdId, new ObligorData("户外赡养人", IdType.RESIDENT_ID, null,
                    ObligorRelation.SUPPORT_PARENT, null, null, AbleToSupport.NO, new BigDecimal("300.00"), null, null, null,
                    null, null, null, null, "本人重病，无力赡养"));
            households.addDeduction(householdId, new DeductionData(headId, DeductionType.SOCIAL_INSURANCE, "养老保险个人缴费",
                    new BigDecimal("100.00"), LocalDate.of(2026, 1, 1), null));
            households.addDeduction(householdId, new DeductionData(null, DeductionType.SUPPORT_PAID, "给户外父亲",
                    new BigDecimal("50.00"), LocalDate.of(2026, 1, 1), null));
            return null;
        });
        CheckReport r = AsStaff.call(users, "caseworker",
                () -> checks.run(householdId, YearMonth.of(2026, 7), CareSetting.HOME));
        // 1500 + 300 − 100 − 50 = 1650; 855 × 3 − 1650 = 915
        assertThat(r.grossIncome()).isEqualByComparingTo("1800.00");
        assertThat(r.deductions()).isEqualByComparingTo("150.00");
        assertThat(r.programme(Programme.DIBAO).amount()).isEqualByComparingTo("915.00");
        assertThat(r.incomeLines()).anySatisfy(l -> {
            assertThat(l.item()).isEqualTo("赡养费（户外赡养人）");
            assertThat(l.status()).isEqualTo("COUNTED");
            assertThat(l.amount()).isEqualByComparingTo("300.00");
        });
        assertThat(r.incomeLines()).filteredOn(l -> l.status().equals("DEDUCTED")).extracting(CheckReport.Line::item)
                .containsExactlyInAnyOrder("SOCIAL_INSURANCE", "SUPPORT_PAID");
        // the report page names the deduction kinds in Chinese
        StaffPrincipal caseworker = (StaffPrincipal) users.loadUserByUsername("caseworker");
        mvc.perform(get("/eligibility-checks/{id}", r.checkId()).with(user(caseworker)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("赡养费（户外赡养人）")))
                .andExpect(content().string(containsString("社保缴费")))
                .andExpect(content().string(containsString("赡养支出（付给户外被赡养人）")))
                .andExpect(content().string(containsString("915.00")));
    }

    /**
     * On its own township with its own standard versions (so the demo district's versions stay
     * unused by this test): December uses 2026's standard, January 2027's. On 10 January 2027, when
     * both are in force (a check of a month under a standard not in force yet is not stored, ADR 0023).
     */
    @Test
    void theStandardInForceInTheMonthIsUsed() {
        clock.set(java.time.Instant.parse("2027-01-10T02:00:00Z"));
        try {
            standardOfTheMonth();
        } finally {
            clock.reset();
        }
    }

    private void standardOfTheMonth() {
        String township = fixtures.freeTownshipCode();
        String village = township.substring(0, 9) + "001";
        jdbc.update("insert into area (code, name, level, parent_code) values (?, '测试镇', 'TOWNSHIP', ?)", township,
                Fixtures.COUNTY);
        jdbc.update("insert into area (code, name, level, parent_code) values (?, '测试社区', 'VILLAGE', ?)", village,
                township);
        jdbc.update("insert into subsidy_standard (area_code, effective_from, dibao_standard, tekun_basic) "
                + "values (?, date '2026-01-01', 855, 1120), (?, date '2027-01-01', 900, 1170)", township, township);
        long id = AsStaff.call(users, "reviewer", () -> {
            long h = households.create(new NewHousehold(
                    new HouseholdData(village, "测试路 2 号", HukouType.RURAL, null, null, Set.of()),
                    PersonData.of("单身户", IdType.RESIDENT_ID, Fixtures.newIdNumber(LocalDate.of(1985, 3, 1), true))));
            long head = households.file(h).members().get(0).personId();
            households.addIncome(h, new IncomeData(head, IncomeCategory.WAGE, "零工", new BigDecimal("500.00"),
                    LocalDate.of(2026, 1, 1), null, null));
            return h;
        });
        jdbc.update("update household_member set joined_on = date '2025-01-01' where household_id = ?", id);
        CheckReport before = AsStaff.call(users, "reviewer", () -> checks.run(id, YearMonth.of(2026, 12), null));
        CheckReport after = AsStaff.call(users, "reviewer", () -> checks.run(id, YearMonth.of(2027, 1), null));
        assertThat(before.programme(Programme.DIBAO).amount()).isEqualByComparingTo("355.00"); // 855 − 500
        assertThat(after.programme(Programme.DIBAO).amount()).isEqualByComparingTo("400.00");  // 900 − 500
        assertThat(after.standardLabel()).contains(township);
        assertThatThrownBy(() -> AsStaff.call(users, "reviewer", () -> checks.run(id, YearMonth.of(2025, 12), null)))
                .isInstanceOf(DomainException.class).hasMessageContaining("eligibility.noStandard");
    }

    @Test
    void pagesRunAndExplainAndStayInScope() throws Exception {
        StaffPrincipal caseworker = (StaffPrincipal) users.loadUserByUsername("caseworker");
        mvc.perform(post("/households/{id}/eligibility", householdId).param("month", "2026-07")
                        .param("careSetting", "HOME").with(user(caseworker)).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrlPattern("/eligibility-checks/*"));
        Long checkId = jdbc.queryForObject("select max(id) from eligibility_check where household_id = ?", Long.class,
                householdId);
        mvc.perform(get("/eligibility-checks/{id}", checkId).with(user(caseworker)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("最低生活保障")))
                .andExpect(content().string(containsString("低保标准 × 共同生活人数")))
                .andExpect(content().string(containsString("1,065.00")));
        // Bad month: a field error, nothing stored
        long before = jdbc.queryForObject("select count(*) from eligibility_check", Long.class);
        mvc.perform(post("/households/{id}/eligibility", householdId).param("month", "2026-13")
                        .with(user(caseworker)).with(csrf()))
                .andExpect(status().isOk()).andExpect(model().attributeHasFieldErrors("form", "month"));
        mvc.perform(post("/households/{id}/eligibility", householdId).param("month", "1999-01")
                        .with(user(caseworker)).with(csrf()))
                .andExpect(status().isOk()).andExpect(model().attributeHasFieldErrors("form", "month"));
        assertThat(jdbc.queryForObject("select count(*) from eligibility_check", Long.class)).isEqualTo(before);
        // Another township's caseworker sees neither the household nor its check
        StaffPrincipal other = (StaffPrincipal) users.loadUserByUsername("caseworker2");
        mvc.perform(get("/eligibility-checks/{id}", checkId).with(user(other))).andExpect(status().isNotFound());
        mvc.perform(post("/households/{id}/eligibility", householdId).param("month", "2026-07")
                .with(user(other)).with(csrf())).andExpect(status().isNotFound());
        // An auditor reads but does not run checks
        StaffPrincipal auditor = (StaffPrincipal) users.loadUserByUsername("auditor");
        mvc.perform(get("/eligibility-checks/{id}", checkId).with(user(auditor))).andExpect(status().isOk());
        mvc.perform(post("/households/{id}/eligibility", householdId).param("month", "2026-07")
                .with(user(auditor)).with(csrf())).andExpect(status().isForbidden());
    }

    @Test
    void apiRunsAndPreviewsWithProblemDetailsOnBadInput() throws Exception {
        mvc.perform(post("/api/v1/eligibility-checks").with(httpBasic("caseworker", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"householdId\": " + householdId + ", \"month\": \"2026-07\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.category").value("DIBAO"))
                .andExpect(jsonPath("$.monthlyTotal").value(1065.00))
                .andExpect(jsonPath("$.programmes[1].rules[1].text").value(containsString("低保标准")));

        long stored = jdbc.queryForObject("select count(*) from eligibility_check", Long.class);
        String preview = """
                {"areaCode": "370211001001", "hukouType": "URBAN", "month": "2026-07",
                 "members": [{"ref": "a", "name": "老人", "age": 75, "counted": true, "selfCareTier": "PARTIAL"}],
                 "incomes": [{"memberRef": "a", "category": "TRANSFER", "monthlyAmount": 183, "exclusionReason": "BASIC_PENSION"}],
                 "obligors": [{"ableToSupport": "NO", "monthlySupport": 200}]}
                """;
        mvc.perform(post("/api/v1/eligibility-checks/preview").with(httpBasic("reviewer", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content(preview))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.category").value("TEKUN"))
                .andExpect(jsonPath("$.monthlyTotal").value(1490.00)) // 1120 + 半护理 370
                // the obligor's 赡养费 counts; the 基础养老金 counts for 低保 again since 2026-01-01 (D2 limits its
                // exclusion to the 十四五 period) but not in 特困's own income (D3 第六条), so he is still 特困 (ADR 0021)
                .andExpect(jsonPath("$.grossIncome").value(383.00))
                .andExpect(jsonPath("$.incomeLines[0].status").value("COUNTED"))
                .andExpect(jsonPath("$.incomeLines[0].detail").value(containsString("自 2026-01-01 起重新计入")))
                .andExpect(jsonPath("$.incomeLines[0].detail").value(containsString("特困不计入")))
                .andExpect(jsonPath("$.checkId").doesNotExist());
        assertThat(jdbc.queryForObject("select count(*) from eligibility_check", Long.class)).isEqualTo(stored);

        mvc.perform(post("/api/v1/eligibility-checks/preview").with(httpBasic("reviewer", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content(preview.replace("\"memberRef\": \"a\"", "\"memberRef\": \"zz\"")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("incomes[0].memberRef"));
        mvc.perform(post("/api/v1/eligibility-checks/preview").with(httpBasic("reviewer", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content(preview.replace("\"age\": 75", "\"age\": -3")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value(containsString("age")));
        mvc.perform(post("/api/v1/eligibility-checks/preview").with(httpBasic("reviewer", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content(preview.replace("183", "\"abc\"")))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(not(containsString("Exception"))));
        mvc.perform(post("/api/v1/eligibility-checks/preview").with(httpBasic("reviewer", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content(preview.replace("\"monthlySupport\": 200", "\"monthlySupport\": -1")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value(containsString("monthlySupport")));
        // a field the preview does not have (a mistyped "ref") is refused by name, not ignored
        mvc.perform(post("/api/v1/eligibility-checks/preview").with(httpBasic("reviewer", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content(preview.replace("\"ref\": \"a\"",
                                "\"ref\": \"a\", \"refs\": \"b\"")))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("members[0].refs"))
                .andExpect(jsonPath("$.errors[0].message").value("没有这个字段（请求未被处理，请删除或改正字段名）"));
        mvc.perform(post("/api/v1/eligibility-checks").with(httpBasic("auditor", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"householdId\": " + householdId + ", \"month\": \"2026-07\"}"))
                .andExpect(status().isForbidden());
    }

    @Test
    void theSimulatorPageIsForAdministrators() throws Exception {
        StaffPrincipal admin = (StaffPrincipal) users.loadUserByUsername("admin");
        mvc.perform(post("/admin/standards/{code}/simulate", Fixtures.COUNTY).param("newStandard", "900")
                        .param("month", "2026-08").with(user(admin)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(model().attributeExists("simulation"))
                .andExpect(content().string(containsString("新纳入低保")));
        mvc.perform(post("/admin/standards/{code}/simulate", Fixtures.COUNTY).param("newStandard", "-5")
                        .param("month", "2026-08").with(user(admin)).with(csrf()))
                .andExpect(status().isOk()).andExpect(model().attributeHasFieldErrors("form", "newStandard"));
        mvc.perform(post("/admin/standards/{code}/simulate", Fixtures.TOWNSHIP_A).param("newStandard", "900")
                        .param("month", "2026-08").with(user(admin)).with(csrf()))
                .andExpect(status().isOk()).andExpect(model().attributeHasErrors("form"))
                .andExpect(content().string(containsString("只能对县（区）测算")));
        StaffPrincipal caseworker = (StaffPrincipal) users.loadUserByUsername("caseworker");
        mvc.perform(get("/admin/standards/{code}/simulate", Fixtures.COUNTY).with(user(caseworker)))
                .andExpect(status().isForbidden());
    }
}
