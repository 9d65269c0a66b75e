package cn.dibao.standard;

import cn.dibao.engine.Programme;
import cn.dibao.support.IntegrationTest;
import cn.dibao.support.JsonApi;
import cn.dibao.support.JsonApi.Answer;
import cn.dibao.support.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.time.YearMonth;
import java.util.Map;

import static cn.dibao.standard.StandardPages.postForm;
import static cn.dibao.standard.StandardPages.validForm;
import static cn.dibao.standard.StandardPages.value;
import static cn.dibao.support.Fixtures.DEMO_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The 单人保 settings (ADR 0018) and the property rules per programme (ADR 0019) through /api/v1/standards and
 * the admin form: written, read back, updated, listed; refused by field name with nothing saved. As the demo
 * county administrator on 15 November 2026, on townships of their own.
 */
@IntegrationTest
class SingleAndPropertySettingsTest {

    private static final Instant NOV_15_2026 = StandardApiFixture.NOV_15_2026;
    private static final String API = StandardApiFixture.API;

    @Autowired
    MockMvc mvc;
    @Autowired
    ObjectMapper json;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MutableClock clock;
    @Autowired
    StandardService standards;

    StandardApiFixture std;
    JsonApi api;
    StandardTestData data;
    String township;
    long source;

    @BeforeEach
    void setUp() {
        clock.set(NOV_15_2026);
        std = new StandardApiFixture(mvc, json, jdbc);
        api = std.api;
        data = std.data;
        township = std.township;
        source = std.source;
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private Answer admin(HttpMethod method, String url, JsonNode body) throws Exception {
        return std.admin(method, url, body);
    }

    private ObjectNode read(long id) throws Exception {
        return std.read(id);
    }

    private ObjectNode newVersion() throws Exception {
        ObjectNode body = std.newVersion();
        return body;
    }

    /** One programme's limits as JSON: money multiple, vehicles, homes and the three rules of ADR 0019. */
    private ObjectNode limits(String multiple, int vehicles, Integer recentYears, Integer nonResidential) {
        ObjectNode l = json.createObjectNode();
        l.put("moneyAssetsMultiple", new java.math.BigDecimal(multiple));
        l.put("maxVehicles", vehicles);
        l.putNull("maxVehicleValue");
        l.put("maxHomes", 1);
        l.putNull("maxFloorAreaPerPerson");
        l.put("maxBusinessCapital", 100000);
        l.put("maxOtherAssets", 20000);
        if (recentYears == null) {
            l.putNull("recentHomeYears");
        } else {
            l.put("recentHomeYears", recentYears);
        }
        if (nonResidential == null) {
            l.putNull("maxNonResidential");
        } else {
            l.put("maxNonResidential", nonResidential);
        }
        return l;
    }

    @Test
    void theSettingsAreWrittenReadBackUpdatedAndListed() throws Exception {
        // a version at the defaults: D2 only, no programme with limits of its own, no extra rule
        ObjectNode defaults = read(source);
        assertThat(defaults.path("singleAlone").asBoolean()).isFalse();
        assertThat(defaults.path("singleAdultAge").asInt()).isEqualTo(18);
        assertThat(defaults.path("singleDisabilityGrade").asInt()).isEqualTo(2);
        assertThat(defaults.path("singleMentalGrade").asInt()).isEqualTo(3);
        assertThat(defaults.path("maxOtherAssets").isNull()).isTrue();
        assertThat(defaults.path("propertyByProgramme").path("tekun").isNull()).isTrue();

        ObjectNode body = newVersion();
        body.put("singleAlone", true);
        body.put("singleAdultAge", 16);
        body.put("singleIllness", false);
        body.put("singleDisabilityGrade", 1);
        body.put("singleMentalGrade", 2);
        body.put("maxOtherAssets", 50000);
        body.put("recentHomeYears", 3);
        body.put("maxNonResidential", 0);
        ObjectNode own = json.createObjectNode();
        own.set("edge", limits("6", 1, null, null));
        own.set("single", limits("1", 0, 5, 0));
        own.putNull("tekun");
        own.putNull("rigid");
        body.set("propertyByProgramme", own);
        long id = admin(POST, API, body).status(201).json().path("id").asLong();

        ObjectNode back = read(id);
        body.propertyNames().forEach(name -> assertThat(same(back.get(name), body.get(name))).as(name).isTrue());
        assertThat(jdbc.queryForList("select programme from standard_property where standard_id = ? order by 1",
                String.class, id)).containsExactly("DIBAO_EDGE", "DIBAO_SINGLE");
        StandardVersion v = standards.version(id);
        assertThat(v.propertyByProgramme().of(Programme.DIBAO_SINGLE).recentHomeYears()).isEqualTo(5);
        assertThat(v.single().singleAlone()).isTrue();

        // update: 特困 gets limits of its own, 边缘 follows 低保 again
        ObjectNode change = read(id);
        ObjectNode changed = (ObjectNode) change.get("propertyByProgramme");
        changed.set("tekun", limits("5", 0, 3, null));
        changed.putNull("edge");
        change.put("singleAlone", false);
        admin(PUT, API + "/" + id, change).status(200);
        ObjectNode updated = read(id);
        assertThat(updated.path("propertyByProgramme").path("tekun").path("recentHomeYears").asInt()).isEqualTo(3);
        assertThat(updated.path("propertyByProgramme").path("edge").isNull()).isTrue();
        assertThat(updated.path("singleAlone").asBoolean()).isFalse();
        assertThat(jdbc.queryForList("select programme from standard_property where standard_id = ? order by 1",
                String.class, id)).containsExactly("DIBAO_SINGLE", "TEKUN");

        JsonNode list = api.get(API + "?areaCode=" + township, "admin", DEMO_PASSWORD).status(200).json();
        assertThat(list.valueStream().filter(x -> x.path("id").asLong() == id).findFirst().orElseThrow()
                .path("propertyByProgramme").path("single").path("moneyAssetsMultiple").decimalValue())
                .isEqualByComparingTo("1");
    }

    @Test
    void badSettingsAreRefusedByFieldNameAndNothingIsSaved() throws Exception {
        ObjectNode body = newVersion();
        body.put("singleAdultAge", 40);
        body.put("singleDisabilityGrade", 5);
        body.put("recentHomeYears", 0);
        body.put("maxNonResidential", -1);
        body.put("maxOtherAssets", -5);
        ObjectNode own = json.createObjectNode();
        ObjectNode tekun = limits("3", -1, 31, null);
        own.set("tekun", tekun);
        body.set("propertyByProgramme", own);
        int before = data.versionsOf(township);

        Answer a = admin(POST, API, body).problem(400);
        assertThat(a.fields()).containsExactlyInAnyOrder("singleAdultAge", "singleDisabilityGrade", "recentHomeYears",
                "maxNonResidential", "maxOtherAssets", "propertyByProgramme.tekun.maxVehicles",
                "propertyByProgramme.tekun.recentHomeYears");
        assertThat(a.message("singleAdultAge")).isEqualTo("不能大于 25");
        assertThat(a.message("maxOtherAssets")).isEqualTo("金额不能为负数");

        ObjectNode missing = newVersion();
        missing.remove("singleAlone");
        missing.remove("propertyByProgramme");
        assertThat(admin(POST, API, missing).problem(400).fields())
                .containsExactlyInAnyOrder("singleAlone", "propertyByProgramme");

        ObjectNode unknown = newVersion();
        ((ObjectNode) unknown.get("propertyByProgramme")).put("dibao", "x");
        ((ObjectNode) unknown.get("propertyByProgramme")).set("edge", limits("6", 0, null, null).put("colour", 1));
        assertThat(admin(POST, API, unknown).problem(400).fields())
                .containsExactlyInAnyOrder("propertyByProgramme.dibao", "propertyByProgramme.edge.colour");
        assertThat(data.versionsOf(township)).isEqualTo(before);
    }

    @Test
    void theAdminFormSavesOnlyTheTickedProgrammesLimitsAndShowsThemAgain() throws Exception {
        MockHttpSession session = StandardPages.login(mvc, "admin");
        String create = mvc.perform(get("/admin/standards/{code}/new", township).session(session))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        // every programme shown with 低保's limits, none ticked
        assertThat(value(create, "propertyByProgramme.tekun.moneyAssetsMultiple")).isEqualTo("3.00");
        assertThat(create).doesNotContain("id=\"propertyOwn-edge\" checked");

        Map<String, String> form = validForm();
        form.put("propertyOwn", "edge");
        form.put("propertyByProgramme.edge.moneyAssetsMultiple", "6");
        form.put("propertyByProgramme.edge.recentHomeYears", "2");
        form.put("propertyByProgramme.tekun.moneyAssetsMultiple", "9"); // not ticked: follows 低保
        form.put("single.singleAlone", "true");
        form.put("single.singleAdultAge", "20");
        form.put("property.maxNonResidential", "0");
        mvc.perform(postForm("/admin/standards/" + township + "/new", session, form)).andExpect(status().isFound());

        long id = jdbc.queryForObject("select max(id) from subsidy_standard where area_code = ?", Long.class, township);
        StandardVersion v = standards.version(id);
        assertThat(v.propertyByProgramme().edge().moneyAssetsMultiple()).isEqualByComparingTo("6");
        assertThat(v.propertyByProgramme().edge().recentHomeYears()).isEqualTo(2);
        assertThat(v.propertyByProgramme().tekun()).isNull();
        assertThat(v.single().singleAlone()).isTrue();
        assertThat(v.single().singleAdultAge()).isEqualTo(20);
        assertThat(v.property().maxNonResidential()).isZero();

        String edit = mvc.perform(get("/admin/standards/versions/{id}/edit", id).session(session))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(value(edit, "propertyByProgramme.edge.moneyAssetsMultiple")).isEqualTo("6.00");
        assertThat(value(edit, "single.singleAdultAge")).isEqualTo("20");
        assertThat(edit).containsPattern("<input[^>]*id=\"propertyOwn-edge\"[^>]*checked");
        assertThat(edit).doesNotContainPattern("<input[^>]*id=\"propertyOwn-tekun\"[^>]*checked");

        // a bad cell of a ticked programme is a field error on the page, nothing saved
        Map<String, String> bad = validForm();
        bad.put("effectiveFrom", "2027-05");
        bad.put("propertyOwn", "single");
        bad.put("propertyByProgramme.single.maxVehicles", "-1");
        bad.put("single.singleMentalGrade", "7");
        int before = data.versionsOf(township);
        String page = mvc.perform(postForm("/admin/standards/" + township + "/new", session, bad))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("propertyByProgramme.single.maxVehicles-errors").contains("single.singleMentalGrade-errors");
        assertThat(page).containsPattern("<input[^>]*id=\"propertyOwn-single\"[^>]*checked");
        assertThat(data.versionsOf(township)).isEqualTo(before);
    }

    private static boolean same(JsonNode a, JsonNode b) {
        if (a == null || b == null) {
            return a == b;
        }
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue()) == 0;
        }
        if (a.isObject() && b.isObject()) {
            for (String name : b.propertyNames()) {
                if (!same(a.get(name), b.get(name))) {
                    return false;
                }
            }
            return true;
        }
        return a.equals(b);
    }
}
