package cn.dibao.payout;

import cn.dibao.support.Fixtures;
import cn.dibao.support.IntegrationTest;
import cn.dibao.support.JsonApi;
import cn.dibao.support.JsonApi.Answer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.ObjectMapper;

import static cn.dibao.payout.PayoutTestCounty.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.http.HttpMethod.POST;

/** /api/v1/payout-grants: one-off grants as the 发放 page plans them, by a county reviewer, with its rules. */
@IntegrationTest
class PayoutGrantApiTest {

    private static final String API = "/api/v1/payout-grants";

    @Autowired
    MockMvc mvc;
    @Autowired
    ObjectMapper json;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    UserDetailsService users;
    @Autowired
    Fixtures fixtures;

    JsonApi api;
    PayoutTestCounty c;
    String reviewer;

    @BeforeEach
    void setUp() {
        api = new JsonApi(mvc, json);
        c = PayoutTestCounty.create(jdbc, users);
        reviewer = c.reviewer(fixtures);
    }

    private String grant(String month, String name, String programmes, String basis, String factor) {
        return """
                {"countyCode": "%s", "month": "%s", "name": "%s", "programmes": %s, "basis": "%s", "factor": %s}
                """.formatted(c.county, month, name, programmes, basis, factor);
    }

    private int grants() {
        return jdbc.queryForObject("select count(*) from payout_grant where county_code = ?", Integer.class, c.county);
    }

    @Test
    void aCountyReviewerPlansAGrantAndReadsItBack() throws Exception {
        Answer created = api.send(POST, API, reviewer, PASSWORD,
                grant("2027-01", "春节一次性生活补贴", "[\"TEKUN\", \"DIBAO\"]", "STANDARD_MONTHS", "1")).status(201);
        assertThat(created.json().path("countyCode").asString()).isEqualTo(c.county);
        assertThat(created.json().path("month").asString()).isEqualTo("2027-01");
        assertThat(created.json().path("programmes").valueStream().map(p -> p.asString()))
                .containsExactly("DIBAO", "TEKUN");
        assertThat(created.json().path("createdBy").asString()).isEqualTo(reviewer);

        Answer list = api.get(API + "?countyCode=" + c.county, reviewer, PASSWORD).status(200);
        assertThat(list.json().size()).isEqualTo(1);
        assertThat(list.json().get(0).path("id").asLong()).isEqualTo(created.json().path("id").asLong());
        assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'PAYOUT_GRANT' and area_code = ?",
                Integer.class, c.county)).isEqualTo(1);

        Answer twice = api.send(POST, API, reviewer, PASSWORD,
                grant("2027-01", "再发一次", "[\"DIBAO\"]", "FIXED_PER_PERSON", "100")).problem(422);
        assertThat(twice.fields()).containsExactly("month");
        assertThat(grants()).isEqualTo(1);
    }

    @Test
    void theFormsFieldErrorsAtOnceThenTheServicesRulesByField() throws Exception {
        Answer form = api.send(POST, API, reviewer, PASSWORD, """
                {"countyCode": "%s", "name": " ", "programmes": [], "basis": "STANDARD_MONTHS", "factor": 0}
                """.formatted(c.county)).problem(400);
        assertThat(form.fields()).containsExactlyInAnyOrder("month", "name", "programmes", "factor");

        assertThat(api.send(POST, API, reviewer, PASSWORD,
                grant("2027-02", "临时", "[\"TEMP_RELIEF\"]", "STANDARD_MONTHS", "1")).problem(422).fields())
                .containsExactly("programmes");
        assertThat(api.send(POST, API, reviewer, PASSWORD,
                grant("2027-02", "按户", "[\"DIBAO\"]", "PER_HOUSEHOLD", "1")).problem(422).fields())
                .containsExactly("basis");
        assertThat(api.send(POST, API, reviewer, PASSWORD,
                grant("2027-02", "补".repeat(61), "[\"DIBAO\"]", "STANDARD_MONTHS", "1")).problem(422).fields())
                .containsExactly("name");
        assertThat(api.send(POST, API, reviewer, PASSWORD,
                grant("2027-02", "三位小数", "[\"DIBAO\"]", "FIXED_PER_PERSON", "1.005")).problem(422).fields())
                .containsExactly("factor");
        assertThat(api.send(POST, API, reviewer, PASSWORD,
                grant("2027-02", "春节", "[\"DIBAO\"]", "STANDARD_MONTHS", "1").replace("}", ", \"amount\": 500}"))
                .problem(400).fields()).containsExactly("amount");
        api.get(API + "?countyCode=abc", reviewer, PASSWORD).problem(400);
        assertThat(grants()).isZero();
    }

    @Test
    void onlyAReviewerOfTheWholeCounty() throws Exception {
        String body = grant("2027-03", "春节一次性生活补贴", "[\"DIBAO\"]", "STANDARD_MONTHS", "1");
        String caseworker = fixtures.user(c.townshipA, PASSWORD, "CASEWORKER");
        String townshipReviewer = fixtures.user(c.townshipA, PASSWORD, "REVIEWER");
        api.send(POST, API, caseworker, PASSWORD, body).problem(403);
        api.send(POST, API, townshipReviewer, PASSWORD, body).problem(403);
        api.send(POST, API, "reviewer", Fixtures.DEMO_PASSWORD, body).problem(403); // another county's reviewer
        assertThat(grants()).isZero();
        // what a township user reads of the county's grants: nothing
        api.send(POST, API, reviewer, PASSWORD, body).status(201);
        assertThat(api.get(API + "?countyCode=" + c.county, caseworker, PASSWORD).status(200).json().size()).isZero();
    }
}
