package cn.dibao.eligibility;

import cn.dibao.support.Fixtures;
import cn.dibao.support.IntegrationTest;
import cn.dibao.support.JsonApi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import static cn.dibao.household.HouseholdTestData.newId;
import static cn.dibao.household.HouseholdTestData.uniqueName;
import static cn.dibao.support.JsonApi.programme;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * 阜新's 单人保 through the API (ADR 0018): in a county whose standard (855, 50 %) lets adults without employment
 * in a qualifying group apply alone, the disabled daughter of a miner earning 9,000 a month is covered alone at
 * 50 % of the standard, whatever her family's income; her own deposits above the one-person limit end it, and
 * the report says why. A non-residential property and a purchase date are read back on the file.
 */
@IntegrationTest
class SingleAloneJourneyTest {

    static final String API = "/api/v1/households";
    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    static final YearMonth THIS_MONTH = YearMonth.from(TODAY);
    static final String PASSWORD = "Single-test-2026";

    @Autowired
    MockMvc mvc;
    @Autowired
    ObjectMapper json;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Fixtures fixtures;

    String caseworker;

    private JsonNode send(MockHttpServletRequestBuilder request, String body, int expected) throws Exception {
        return new JsonApi(mvc, json).call(request.contentType(MediaType.APPLICATION_JSON)
                .content(body == null ? "" : body), caseworker, PASSWORD).status(expected).json();
    }

    private JsonNode check(long household) throws Exception {
        return send(post("/api/v1/eligibility-checks"),
                "{\"householdId\": %d, \"month\": \"%s\"}".formatted(household, THIS_MONTH), 201);
    }

    @Test
    void theDisabledDaughterOfAWellPaidMinerIsCoveredAloneUntilHerOwnDepositsAreTooHigh() throws Exception {
        TestCounty place = new TestCounty(jdbc);
        caseworker = fixtures.user(place.county, PASSWORD, "CASEWORKER");
        jdbc.update("insert into subsidy_standard (area_code, effective_from, dibao_standard, tekun_basic, "
                + "single_alone) values (?, date '2026-01-01', 855.00, 1120.00, true)", place.county);

        long h = send(post(API), """
                {"household": {"areaCode": "%s", "address": "细河区北环路 105 号", "hukouType": "URBAN"},
                 "head": {"name": "%s", "idType": "RESIDENT_ID", "idNumber": "%s", "employment": "EMPLOYED"},
                 "headJoinedOn": "%s"}
                """.formatted(place.village, uniqueName("矿"), newId(LocalDate.of(1968, 5, 6), true),
                TODAY.minusYears(5)), 201).path("id").asLong();
        String daughter = uniqueName("薇");
        send(post(API + "/" + h + "/members"), """
                {"member": {"relation": "CHILD", "counted": true, "joinedOn": "%s"},
                 "person": {"name": "%s", "idType": "RESIDENT_ID", "idNumber": "%s", "disabilityCategory": 4,
                            "disabilityGrade": 1, "labourAbility": "NONE", "employment": "UNEMPLOYED"}}
                """.formatted(TODAY.minusYears(5), daughter, newId(LocalDate.of(1994, 3, 4), false)), 201);
        List<Long> persons = new ArrayList<>();
        send(get(API + "/" + h), "", 200).path("members").forEach(m -> persons.add(m.path("personId").asLong()));
        send(post(API + "/" + h + "/incomes"), """
                {"personId": %d, "category": "WAGE", "description": "煤矿工资", "monthlyAmount": "9000.00",
                 "periodFrom": "%s"}""".formatted(persons.get(0), TODAY.minusYears(1)), 201);
        // the family's shop and a home bought last year do not touch her 单人保 (no rule on them here)
        send(post(API + "/" + h + "/assets"), """
                {"personId": %d, "type": "NON_RESIDENTIAL", "description": "门市房", "value": "200000.00",
                 "quantity": 1, "periodFrom": "%s", "acquiredOn": "%s"}
                """.formatted(persons.get(0), TODAY.minusYears(1), TODAY.minusYears(1)), 201);

        JsonNode report = check(h);
        assertThat(report.path("category").asString()).isEqualTo("DIBAO_SINGLE");
        assertThat(report.path("monthlyTotal").decimalValue()).isEqualByComparingTo("428.00"); // 427.50 up to the yuan
        JsonNode single = programme(report, "DIBAO_SINGLE");
        assertThat(single.path("persons").get(0).asString()).isEqualTo(daughter);
        assertThat(single.path("rules").valueStream().map(r -> r.path("code").asString()))
                .contains("SINGLE_ADULT", "SINGLE_NO_EMPLOYMENT", "SINGLE_OWN_INCOME", "SINGLE_OWN_PROPERTY");
        assertThat(programme(report, "DIBAO").path("eligible").asBoolean()).isFalse();

        JsonNode file = send(get(API + "/" + h), "", 200);
        assertThat(file.path("assets").get(0).path("type").asString()).isEqualTo("NON_RESIDENTIAL");
        assertThat(file.path("assets").get(0).path("acquiredOn").asString()).isEqualTo(TODAY.minusYears(1).toString());

        // her own deposits of 40,000 are above 855 × 12 × 3 = 30,780 for a household of one
        send(post(API + "/" + h + "/assets"), """
                {"personId": %d, "type": "DEPOSIT", "value": "40000.00", "periodFrom": "%s"}
                """.formatted(persons.get(1), TODAY.minusYears(1)), 201);
        JsonNode after = check(h);
        assertThat(after.path("category").isNull()).isTrue();
        assertThat(programme(after, "DIBAO_SINGLE").path("rules").valueStream()
                .filter(r -> r.path("code").asString().equals("SINGLE_OWN_PROPERTY")).findFirst().orElseThrow()
                .path("text").asString()).isEqualTo(daughter + " 本人名下财产超过单人保财产限额");

        // a purchase date in the future is refused by field name
        JsonNode refused = new JsonApi(mvc, json).call(post(API + "/" + h + "/assets")
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"type": "REAL_ESTATE", "value": "1.00", "periodFrom": "%s", "acquiredOn": "%s"}
                        """.formatted(TODAY, TODAY.plusDays(3))), caseworker, PASSWORD).problem(422).json();
        assertThat(refused.toString()).contains("acquiredOn").contains("购置日期不能晚于今天");
    }
}
