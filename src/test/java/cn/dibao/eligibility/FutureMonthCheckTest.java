package cn.dibao.eligibility;

import cn.dibao.common.identity.IdType;
import cn.dibao.household.HouseholdData;
import cn.dibao.household.HouseholdService;
import cn.dibao.household.HukouType;
import cn.dibao.household.IncomeCategory;
import cn.dibao.household.IncomeData;
import cn.dibao.household.NewHousehold;
import cn.dibao.household.PersonData;
import cn.dibao.support.AsStaff;
import cn.dibao.support.Fixtures;
import cn.dibao.support.IntegrationTest;
import cn.dibao.support.JsonApi;
import cn.dibao.support.JsonApi.Answer;
import cn.dibao.support.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

import static cn.dibao.support.Fixtures.DEMO_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/**
 * ADR 0023, on 15 November 2026 in a township of its own with a standard in force since January 2026
 * (低保 855) and one published for January 2027 (900): a caseworker's check of January is a preview,
 * never stored, so the administrator keeps editing the scheduled standard and the preview follows the
 * edit; a check of this month is stored and its standard counts as used, and so does January's
 * standard once it is in force and checked.
 */
@IntegrationTest
class FutureMonthCheckTest {

    private static final Instant NOV_15_2026 = Instant.parse("2026-11-15T02:00:00Z");
    private static final String CHECKS = "/api/v1/eligibility-checks";
    private static final String STANDARDS = "/api/v1/standards/";
    private static final String PASSWORD = "Future-month-1";

    @Autowired
    MockMvc mvc;
    @Autowired
    ObjectMapper json;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MutableClock clock;
    @Autowired
    Fixtures fixtures;
    @Autowired
    HouseholdService households;
    @Autowired
    UserDetailsService users;

    JsonApi api;
    String caseworker;
    long current;
    long scheduled;
    long household;

    @BeforeEach
    void setUp() {
        clock.set(NOV_15_2026);
        api = new JsonApi(mvc, json);
        String township = fixtures.freeTownshipCode();
        String village = township.substring(0, 9) + "001";
        jdbc.update("insert into area (code, name, level, parent_code) values (?, '预排标准镇', 'TOWNSHIP', ?)", township,
                Fixtures.COUNTY);
        jdbc.update("insert into area (code, name, level, parent_code) values (?, '预排标准村', 'VILLAGE', ?)", village,
                township);
        current = jdbc.queryForObject("""
                insert into subsidy_standard (area_code, effective_from, dibao_standard, tekun_basic)
                values (?, date '2026-01-01', 855, 1120) returning id""", Long.class, township);
        scheduled = jdbc.queryForObject("""
                insert into subsidy_standard (area_code, effective_from, note, dibao_standard, tekun_basic)
                values (?, date '2027-01-01', '2027 年提标', 900, 1170) returning id""", Long.class, township);
        caseworker = fixtures.user(township, PASSWORD, "CASEWORKER");
        household = AsStaff.call(users, caseworker, () -> {
            long h = households.create(new NewHousehold(
                    new HouseholdData(village, "预排路 1 号", HukouType.URBAN, null, null, Set.of()),
                    PersonData.of("单身户主", IdType.RESIDENT_ID, Fixtures.newIdNumber(LocalDate.of(1975, 4, 1), true))));
            long head = households.file(h).members().get(0).personId();
            households.addIncome(h, new IncomeData(head, IncomeCategory.WAGE, "零工", new BigDecimal("500.00"),
                    LocalDate.of(2026, 1, 1), null, null));
            return h;
        });
        jdbc.update("update household_member set joined_on = date '2025-01-01' where household_id = ?", household);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private String check(String month) {
        return "{\"householdId\": " + household + ", \"month\": \"" + month + "\"}";
    }

    private int stored() {
        return jdbc.queryForObject("select count(*) from eligibility_check where household_id = ?", Integer.class,
                household);
    }

    private JsonNode standard(long id) throws Exception {
        return api.get(STANDARDS + id, "admin", DEMO_PASSWORD).status(200).json();
    }

    @Test
    void aCheckOfAMonthUnderAScheduledStandardIsAPreviewAndTheAdministratorKeepsEditingIt() throws Exception {
        Answer refused = api.send(POST, CHECKS, caseworker, PASSWORD, check("2027-01")).problem(422);
        assertThat(refused.fields()).containsExactly("month");
        assertThat(refused.message("month")).contains("2027-01 起生效").contains("预览");

        Answer preview = api.send(POST, CHECKS + "/household-preview", caseworker, PASSWORD, check("2027-01"))
                .status(200);
        assertThat(preview.json().path("checkId").isNull()).isTrue();
        assertThat(preview.json().path("standardId").asLong()).isEqualTo(scheduled);
        assertThat(preview.json().path("monthlyTotal").decimalValue()).isEqualByComparingTo("400.00"); // 900 − 500

        mvc.perform(post("/households/{id}/eligibility", household).param("month", "2027-01").param("careSetting", "HOME")
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                                .user(AsStaff.principal(users, caseworker))).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(view().name("eligibility/report"))
                .andExpect(content().string(containsString("资格核算预览（未保存）")))
                .andExpect(content().string(containsString("自 2027-01 起生效")))
                .andExpect(content().string(not(containsString("资格核算结果 #"))));
        assertThat(stored()).isZero();

        // the administrator still edits the scheduled standard, and the preview follows the edit
        JsonNode before = standard(scheduled);
        assertThat(before.path("editable").asBoolean()).isTrue();
        assertThat(before.path("used").asBoolean()).isFalse();
        ObjectNode edit = (ObjectNode) before;
        edit.put("dibaoStandard", 950);
        edit.put("tekunBasic", 1235);
        api.send(PUT, STANDARDS + scheduled, "admin", DEMO_PASSWORD, json.writeValueAsString(edit)).status(200);
        assertThat(api.send(POST, CHECKS + "/household-preview", caseworker, PASSWORD, check("2027-01")).status(200)
                .json().path("monthlyTotal").decimalValue()).isEqualByComparingTo("450.00");
        assertThat(stored()).isZero();
    }

    @Test
    void aCheckOfAMonthWhoseStandardIsInForceIsStoredAndLocksIt() throws Exception {
        Answer november = api.send(POST, CHECKS, caseworker, PASSWORD, check("2026-11")).status(201);
        assertThat(november.json().path("standardId").asLong()).isEqualTo(current);
        assertThat(november.json().path("monthlyTotal").decimalValue()).isEqualByComparingTo("355.00"); // 855 − 500
        assertThat(standard(current).path("used").asBoolean()).isTrue();
        assertThat(standard(scheduled).path("editable").asBoolean()).isTrue();

        // January 2027 has come: its standard is in force, a check of it is stored and it is locked
        clock.set(Instant.parse("2027-01-10T02:00:00Z"));
        Answer january = api.send(POST, CHECKS, caseworker, PASSWORD, check("2027-01")).status(201);
        assertThat(january.json().path("standardId").asLong()).isEqualTo(scheduled);
        assertThat(stored()).isEqualTo(2);
        JsonNode locked = standard(scheduled);
        assertThat(locked.path("used").asBoolean()).isTrue();
        assertThat(locked.path("editable").asBoolean()).isFalse();
        ((ObjectNode) locked).put("dibaoStandard", 999);
        api.send(PUT, STANDARDS + scheduled, "admin", DEMO_PASSWORD, json.writeValueAsString(locked)).problem(422);
    }

    @Test
    void thePreviewOfARegisteredHouseholdIsForItsCaseworkersOnly() throws Exception {
        api.send(POST, CHECKS + "/household-preview", "caseworker2", DEMO_PASSWORD, check("2027-01")).problem(404);
        api.send(POST, CHECKS + "/household-preview", "auditor", DEMO_PASSWORD, check("2027-01")).problem(403);
        Answer bad = api.send(POST, CHECKS + "/household-preview", caseworker, PASSWORD, "{\"month\": \"2027-13\"}")
                .problem(400);
        assertThat(bad.fields()).containsExactly("month");
        assertThat(stored()).isZero();
    }
}
