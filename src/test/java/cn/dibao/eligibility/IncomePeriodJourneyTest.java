package cn.dibao.eligibility;

import cn.dibao.support.IntegrationTest;
import cn.dibao.support.JsonApi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.time.LocalDate;
import java.time.YearMonth;

import static cn.dibao.household.HouseholdTestData.newId;
import static cn.dibao.household.HouseholdTestData.uniqueName;
import static cn.dibao.support.Fixtures.DEMO_PASSWORD;
import static cn.dibao.support.Fixtures.VILLAGE_A;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Through the API: income recorded with its real periods is averaged over the demo county's 收入计算期 (6 months,
 * ADR 0020), and each line of the check says how, and how its exclusion category is treated per programme
 * (ADR 0021); the report page shows the same.
 */
@IntegrationTest
class IncomePeriodJourneyTest {

    static final String API = "/api/v1/households";
    static final YearMonth JULY = YearMonth.of(2026, 7);

    @Autowired
    MockMvc mvc;
    @Autowired
    ObjectMapper json;
    @Autowired
    UserDetailsService users;

    private JsonNode send(MockHttpServletRequestBuilder request, String body, int expected) throws Exception {
        return new JsonApi(mvc, json).call(request.contentType(MediaType.APPLICATION_JSON)
                .content(body == null ? "" : body), "caseworker", DEMO_PASSWORD).status(expected).json();
    }

    private void income(long household, long person, String category, String amount, String from, String to,
                        String exclusion) throws Exception {
        send(post(API + "/" + household + "/incomes"), """
                {"personId": %d, "category": "%s", "monthlyAmount": "%s", "periodFrom": "%s", "periodTo": %s,
                 "exclusionReason": %s}""".formatted(person, category, amount, from,
                to == null ? "null" : "\"" + to + "\"", exclusion == null ? "null" : "\"" + exclusion + "\""), 201);
    }

    private static JsonNode line(JsonNode check, String item) {
        for (JsonNode l : check.path("incomeLines")) {
            if (l.path("item").asString().equals(item)) {
                return l;
            }
        }
        throw new AssertionError("no income line " + item);
    }

    @Test
    void incomeIsAveragedOverThePeriodAndEachLineSaysHow() throws Exception {
        long h = send(post(API), """
                {"household": {"areaCode": "%s", "address": "均值路 6 号", "hukouType": "URBAN"},
                 "head": {"name": "%s", "idType": "RESIDENT_ID", "idNumber": "%s"}, "headJoinedOn": "2025-01-01"}
                """.formatted(VILLAGE_A, uniqueName("均"), newId(LocalDate.of(1950, 5, 6), true)), 201)
                .path("id").asLong();
        long person = send(get(API + "/" + h), "", 200).path("members").get(0).path("personId").asLong();
        income(h, person, "WAGE", "1200.00", "2026-05-01", null, null);            // May–July: 3 of 6 months
        income(h, person, "BUSINESS", "300.00", "2025-01-01", "2026-02-10", null);  // February only: 1 of 6
        income(h, person, "TRANSFER", "100.00", "2020-01-01", null, "ELDERLY_ALLOWANCE");
        income(h, person, "TRANSFER", "90.00", "2020-01-01", null, "PREFERENTIAL_PENSION");

        JsonNode check = send(post("/api/v1/eligibility-checks"),
                "{\"householdId\": %d, \"month\": \"%s\"}".formatted(h, JULY), 201);
        // 1200 × 3 / 6 + 300 × 1 / 6 + 100 (高龄津贴 counts for 低保); the 优待抚恤金 does not
        assertThat(check.path("grossIncome").decimalValue()).isEqualByComparingTo("750.00");
        JsonNode wage = line(check, "WAGE");
        assertThat(wage.path("amount").decimalValue()).isEqualByComparingTo("600.00");
        assertThat(wage.path("detail").asString()).isEqualTo("近6个月中3个月，月额 1200.00 元");
        assertThat(line(check, "BUSINESS").path("amount").decimalValue()).isEqualByComparingTo("50.00");
        JsonNode allowance = line(check, "TRANSFER");
        assertThat(allowance.path("status").asString()).isEqualTo("COUNTED");
        assertThat(allowance.path("reason").asString()).isEqualTo("ELDERLY_ALLOWANCE");
        assertThat(allowance.path("detail").asString()).isEqualTo("近6个月中6个月，月额 100.00 元；低保计入；特困不计入");

        String page = mvc.perform(get("/eligibility-checks/{id}", check.path("checkId").asLong())
                        .with(user(users.loadUserByUsername("caseworker"))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("近6个月中3个月，月额 1200.00 元").contains("（高龄津贴）")
                .contains("低保不计入；特困不计入");
    }
}
