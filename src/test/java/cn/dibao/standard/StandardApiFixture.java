package cn.dibao.standard;

import cn.dibao.support.JsonApi;
import cn.dibao.support.JsonApi.Answer;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

import static cn.dibao.support.Fixtures.DEMO_PASSWORD;

/**
 * The standards API as the administrator uses it in the API tests: a township of its own with a future, unused
 * version of February 2027 at the column defaults ({@link #source}), read and written as JSON. The tests set the
 * clock to {@link #NOV_15_2026}.
 */
final class StandardApiFixture {

    static final Instant NOV_15_2026 = Instant.parse("2026-11-15T02:00:00Z");
    static final String API = "/api/v1/standards";

    final JsonApi api;
    final StandardTestData data;
    final String township;
    final long source;
    private final ObjectMapper json;

    StandardApiFixture(MockMvc mvc, ObjectMapper json, JdbcTemplate jdbc) {
        this.json = json;
        this.api = new JsonApi(mvc, json);
        this.data = new StandardTestData(jdbc);
        this.township = data.township();
        this.source = data.version(township, null, YearMonth.of(2027, 2), "870");
    }

    Answer admin(HttpMethod method, String url, JsonNode body) throws Exception {
        return api.send(method, url, "admin", DEMO_PASSWORD, json.writeValueAsString(body));
    }

    /** A version of the township as the API answers it. */
    ObjectNode read(long id) throws Exception {
        return (ObjectNode) api.get(API + "/" + id, "admin", DEMO_PASSWORD).status(200).json();
    }

    /** A complete new version for the township from March 2027: the source's JSON without its read-only fields. */
    ObjectNode newVersion() throws Exception {
        ObjectNode body = read(source);
        body.remove(List.of("id", "version", "status", "inForceNow", "editable", "used"));
        body.put("effectiveFrom", "2027-03");
        return body;
    }
}
