package cn.dibao.eligibility;

import cn.dibao.support.AsStaff;
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

import java.math.BigDecimal;
import java.time.YearMonth;

import static cn.dibao.support.Fixtures.DEMO_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.http.HttpMethod.POST;

/** POST /api/v1/standards/{county}/simulations: the admin page's simulator, its answer and its refusals. */
@IntegrationTest
class SimulationApiTest {

    private static final String URL = "/api/v1/standards/" + Fixtures.COUNTY + "/simulations";

    @Autowired
    MockMvc mvc;
    @Autowired
    ObjectMapper json;
    @Autowired
    StandardSimulator simulator;
    @Autowired
    UserDetailsService users;
    @Autowired
    JdbcTemplate jdbc;

    JsonApi api;

    @BeforeEach
    void setUp() {
        api = new JsonApi(mvc, json);
    }

    @Test
    void theAnswerIsTheSimulatorsForTheCounty() throws Exception {
        Answer a = api.send(POST, URL, "admin", DEMO_PASSWORD, """
                {"newStandard": 1000.00, "month": "2026-07"}""").status(200);
        StandardSimulator.Simulation direct = AsStaff.call(users, "admin",
                () -> simulator.simulate(Fixtures.COUNTY, YearMonth.of(2026, 7), new BigDecimal("1000.00")));
        assertThat(direct.households()).isGreaterThan(0);
        assertThat(a.json().path("countyCode").asString()).isEqualTo(Fixtures.COUNTY);
        assertThat(a.json().path("month").asString()).isEqualTo("2026-07");
        assertThat(a.json().path("households").asLong()).isEqualTo(direct.households());
        assertThat(a.json().path("gain").asLong()).isEqualTo(direct.gain());
        assertThat(a.json().path("lose").asLong()).isEqualTo(direct.lose());
        assertThat(a.json().path("costBefore").decimalValue()).isEqualByComparingTo(direct.costBefore());
        assertThat(a.json().path("costAfter").decimalValue()).isEqualByComparingTo(direct.costAfter());
        assertThat(a.json().path("transitions").size()).isEqualTo(direct.transitions().size());
    }

    @Test
    void everyFieldErrorOfThePageFormAtOnce() throws Exception {
        Answer a = api.send(POST, URL, "admin", DEMO_PASSWORD, """
                {"newStandard": 900.123}""").problem(400);
        assertThat(a.fields()).containsExactlyInAnyOrder("newStandard", "month");
        assertThat(a.message("month")).isEqualTo("请选择核算月份");
        assertThat(api.send(POST, URL, "admin", DEMO_PASSWORD, """
                {"newStandard": 0, "month": "2026-07"}""").problem(400).fields()).containsExactly("newStandard");
        assertThat(api.send(POST, URL, "admin", DEMO_PASSWORD, """
                {"newStandard": 900, "month": "2026-07", "hukouType": "URBAN"}""").problem(400).fields())
                .containsExactly("hukouType");
    }

    @Test
    void aCountyOfTheCallersScopeOnly() throws Exception {
        Answer township = api.send(POST, "/api/v1/standards/" + Fixtures.TOWNSHIP_A + "/simulations", "admin",
                DEMO_PASSWORD, """
                {"newStandard": 900, "month": "2026-07"}""").problem(422);
        assertThat(township.fields()).containsExactly("areaCode");
        api.send(POST, "/api/v1/standards/379999000000/simulations", "admin", DEMO_PASSWORD, """
                {"newStandard": 900, "month": "2026-07"}""").problem(404);
    }

    @Test
    void administratorsOnly() throws Exception {
        for (String user : new String[]{"reviewer", "caseworker", "auditor"}) {
            api.send(POST, URL, user, DEMO_PASSWORD, """
                    {"newStandard": 900, "month": "2026-07"}""").problem(403);
        }
    }
}
