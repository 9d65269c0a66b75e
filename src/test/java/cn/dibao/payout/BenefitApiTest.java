package cn.dibao.payout;

import cn.dibao.payout.PayoutApiCalls.Answer;
import cn.dibao.support.Fixtures;
import cn.dibao.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.time.YearMonth;

import static org.assertj.core.api.Assertions.assertThat;

/** /api/v1/benefits: read a benefit, the county's decisions and 渐退期, and their problems. */
@IntegrationTest
class BenefitApiTest {

    static final String API = "/api/v1/benefits/";

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

    private int versions(long benefitId) {
        return jdbc.queryForObject("select count(*) from benefit_version where benefit_id = ?", Integer.class, benefitId);
    }

    @Test
    void aBenefitIsReadAndChangedThroughTheApi() throws Exception {
        PayoutWebFixture f = new PayoutWebFixture(jdbc, users, fixtures);
        f.localStandard(jdbc);
        PayoutApiCalls api = new PayoutApiCalls(mvc, json);

        JsonNode b = api.get(f.generator, API + f.b1).ok().json();
        assertThat(b.path("id").asLong()).isEqualTo(f.b1);
        assertThat(b.path("status").asString()).isEqualTo("ACTIVE");
        assertThat(b.path("versions")).hasSize(1);
        assertThat(b.path("versions").get(0).path("kind").asString()).isEqualTo("APPROVAL");
        assertThat(b.path("current").path("monthlyAmount").decimalValue()).isEqualByComparingTo("500.10");
        // the township's caseworker reads it; a benefit of another township is not found
        api.get(f.caseworker, API + f.b1).ok();
        api.get(f.caseworker, API + f.b3).problem(404);
        api.get(f.generator, API + "abc").problem(400, "id");
        api.get(f.generator, API + "999999999").problem(404);

        String next = YearMonth.now().plusMonths(1).toString();
        String changes = API + f.b2 + "/changes";
        api.post(f.generator, changes, "{\"kind\": \"INCREASE\", \"effective\": \"" + next
                + "\", \"gap\": \"abc\", \"reason\": \"收入下降\"}").problem(400, "gap");
        api.post(f.generator, changes, "{\"kind\": \"MORE\", \"effective\": \"" + next + "\", \"reason\": \"x\"}")
                .problem(400, "kind");
        api.post(f.generator, changes, "{\"kind\": \"STOP\", \"effective\": \"2026-13\", \"reason\": \"x\"}")
                .problem(400, "effective");
        api.post(f.generator, changes, "{\"kind\": \"STOP\", \"reasonCode\": \"DEATH\", \"deathDate\": \"2026-02-30\","
                + " \"reason\": \"x\"}").problem(400, "deathDate");
        api.post(f.generator, changes, "{\"kind\": \"INCREASE\", \"effective\": \"" + next
                + "\", \"gap\": 100, \"reason\": \"收入下降\"}").problem(422, "gap");
        api.post(f.generator, changes, "{\"kind\": \"INCREASE\", \"effective\": \"" + next
                + "\", \"gap\": -1, \"reason\": \"收入下降\"}").problem(422, "gap");
        api.post(f.generator, changes, "{\"kind\": \"STOP\", \"effective\": \"" + next + "\", \"reason\": \" \"}")
                .problem(422, "reason");
        api.post(f.generator, changes, "{\"kind\": \"STOP\", \"reasonCode\": \"DEATH\", \"reason\": \"死亡\"}")
                .problem(422, "deathDate");
        api.post(f.generator, changes, "{\"kind\": \"APPROVAL\", \"effective\": \"" + next + "\", \"reason\": \"x\"}")
                .problem(422, "kind");
        api.post(f.generator, changes, "{}").problem(422, "kind");
        api.post(f.generator, changes, null).problem(400);
        api.post(f.caseworker, changes, "{\"kind\": \"STOP\", \"effective\": \"" + next + "\", \"reason\": \"x\"}")
                .problem(403);
        PayoutTestCounty other = PayoutTestCounty.create(jdbc, users);
        api.post(other.reviewer(fixtures), changes, "{\"kind\": \"STOP\", \"effective\": \"" + next
                + "\", \"reason\": \"x\"}").problem(404);
        assertThat(versions(f.b2)).isEqualTo(1);

        // a stop for a death: from the month after the death, whatever month was sent
        JsonNode stopped = api.post(f.generator, API + f.b1 + "/changes", "{\"kind\": \"STOP\", \"effective\": \""
                + next + "\", \"reasonCode\": \"DEATH\", \"deathDate\": \"2026-03-15\", \"reason\": \"死亡证明已核实\"}")
                .ok().json();
        assertThat(stopped.path("status").asString()).isEqualTo("STOPPED");
        JsonNode last = stopped.path("versions").get(stopped.path("versions").size() - 1);
        assertThat(last.path("kind").asString()).isEqualTo("STOP");
        assertThat(last.path("from").asString()).isEqualTo("2026-04");

        // 渐退期
        String gradual = API + f.b2 + "/gradual-exit";
        api.post(f.generator, gradual, "{}").problem(400, "effective", "months", "ratioPct", "reason");
        api.post(f.generator, gradual, "{\"effective\": \"" + next + "\", \"months\": 99, \"ratioPct\": 50,"
                + " \"reason\": \"已就业\"}").problem(422, "months");
        api.post(f.generator, gradual, "{\"effective\": \"" + next + "\", \"months\": 3, \"ratioPct\": 150,"
                + " \"reason\": \"已就业\"}").problem(422, "ratioPct");
        api.post(f.generator, gradual, "{\"effective\": \"" + next + "\", \"months\": \"three\", \"ratioPct\": 50,"
                + " \"reason\": \"已就业\"}").problem(400, "months");
        api.post(f.caseworker, gradual, "{\"effective\": \"" + next + "\", \"months\": 3, \"ratioPct\": 50,"
                + " \"reason\": \"已就业\"}").problem(403);
        assertThat(versions(f.b2)).isEqualTo(1);
        JsonNode exiting = api.post(f.generator, gradual, "{\"effective\": \"" + next + "\", \"months\": 3,"
                + " \"ratioPct\": 50, \"reason\": \"已就业，收入超过标准\"}").ok().json();
        java.util.List<String> kinds = new java.util.ArrayList<>();
        exiting.path("versions").forEach(v -> kinds.add(v.path("kind").asString()));
        assertThat(kinds).contains("GRADUAL_EXIT", "STOP");
        assertThat(exiting.path("endMonth").asString()).isEqualTo(YearMonth.parse(next).plusMonths(2).toString());
    }
}
