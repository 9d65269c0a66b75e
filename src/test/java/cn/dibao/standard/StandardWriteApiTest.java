package cn.dibao.standard;

import cn.dibao.support.Fixtures;
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
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Map;

import static cn.dibao.support.Fixtures.DEMO_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

/**
 * Versions through /api/v1/standards as the demo county administrator on 15 November 2026, on
 * townships of their own: one flat object per version as the API answers it, the admin form's
 * checks named by the flat field, only future unused versions editable, only administrators write.
 */
@IntegrationTest
class StandardWriteApiTest {

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

    StandardApiFixture std;
    JsonApi api;
    StandardTestData data;
    String township;
    /** The township's version of February 2027, at the column defaults: future and unused. */
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
        body.put("note", "接口新版本");
        return body;
    }

    private int versions() {
        return data.versionsOf(township);
    }

    @Test
    void aNewVersionFromTheFlatJsonOfAnotherIsSavedWholeAndAudited() throws Exception {
        ObjectNode body = newVersion();
        body.put("hukouType", "RURAL");
        body.put("dibaoStandard", new BigDecimal("880.50"));
        body.put("tekunBasic", new BigDecimal("1144.65"));
        body.put("topupMinorMode", "PERCENT");
        body.put("topupMinorValue", new BigDecimal("12.5"));
        body.put("deductMedical", false);
        body.putNull("maxVehicleValue");

        Answer created = admin(POST, API, body).status(201);
        long id = created.json().path("id").asLong();
        assertThat(created.result().getResponse().getHeader("Location")).isEqualTo(API + "/" + id);
        assertThat(created.json().path("status").asString()).isEqualTo("FUTURE");
        assertThat(created.json().path("editable").asBoolean()).isTrue();
        assertThat(created.json().path("dibaoStandard").decimalValue()).isEqualByComparingTo("880.50");

        Map<String, Object> row = jdbc.queryForMap("select * from subsidy_standard where id = ?", id);
        assertThat(row).containsEntry("area_code", township).containsEntry("hukou_type", "RURAL")
                .containsEntry("note", "接口新版本").containsEntry("topup_minor_mode", "PERCENT")
                .containsEntry("deduct_medical", false).containsEntry("max_vehicle_value", null)
                .containsEntry("created_by", "admin");
        assertThat(row.get("effective_from").toString()).isEqualTo("2027-03-01");
        assertThat(row.get("dibao_standard").toString()).isEqualTo("880.50");
        assertThat(row.get("topup_minor_value").toString()).isEqualTo("12.50");
        assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'STANDARD_CREATED' and entity_id = ?",
                Integer.class, String.valueOf(id))).isEqualTo(1);

        // every parameter written is read back, one flat object as the version is answered elsewhere
        ObjectNode back = read(id);
        body.propertyNames().forEach(name -> assertThat(same(back.get(name), body.get(name))).as(name).isTrue());

        Answer timeline = api.get(API + "?areaCode=" + township, "admin", DEMO_PASSWORD).status(200);
        assertThat(timeline.json().valueStream().map(v -> v.path("effectiveFrom").asString()))
                .containsExactly("2027-03", "2027-02");
    }

    /** ADR 0020, 0021: the 收入计算期 and the income exclusions per programme are written, stored and read back. */
    @Test
    void theIncomePeriodAndExclusionsPerProgrammeAreWrittenAndReadBack() throws Exception {
        ObjectNode body = newVersion();
        assertThat(body.at("/incomeExclusions/basicPension/dibaoUntil").asString()).isEqualTo("2025-12-31");
        body.put("incomeReferenceMonths", 12);
        ObjectNode pension = (ObjectNode) body.at("/incomeExclusions/basicPension");
        pension.put("dibaoUntil", "2030-12-31");
        ObjectNode allowance = (ObjectNode) body.at("/incomeExclusions/elderlyAllowance");
        allowance.put("dibao", true);
        allowance.put("dibaoUntil", "2027-06-30");
        allowance.put("tekun", false);

        Answer created = admin(POST, API, body).status(201);
        long id = created.json().path("id").asLong();
        Map<String, Object> row = jdbc.queryForMap("select * from standard_income_exclusion where standard_id = ? "
                + "and category = 'ELDERLY_ALLOWANCE'", id);
        assertThat(row).containsEntry("dibao", true).containsEntry("tekun", false).containsEntry("tekun_until", null);
        assertThat(row.get("dibao_until").toString()).isEqualTo("2027-06-30");
        assertThat(jdbc.queryForObject("select count(*) from standard_income_exclusion where standard_id = ?",
                Integer.class, id)).isEqualTo(9);
        JsonNode back = read(id);
        assertThat(back.path("incomeReferenceMonths").asInt()).isEqualTo(12);
        assertThat(back.at("/incomeExclusions/basicPension/dibaoUntil").asString()).isEqualTo("2030-12-31");
        assertThat(back.at("/incomeExclusions/elderlyAllowance")).isEqualTo(allowance);
        assertThat(back.at("/incomeExclusions/scholarship")).isEqualTo(body.at("/incomeExclusions/scholarship"));
    }

    @Test
    void anEndDateWithoutExclusionAndABadSectionAreRefusedByName() throws Exception {
        ObjectNode body = newVersion();
        ObjectNode allowance = (ObjectNode) body.at("/incomeExclusions/elderlyAllowance");
        allowance.put("dibaoUntil", "2027-06-30"); // 高龄津贴 counts for 低保 nationally: an end of nothing
        Answer refused = admin(POST, API, body).problem(422);
        assertThat(refused.fields()).containsExactly("incomeExclusions.elderlyAllowance.dibaoUntil");
        assertThat(refused.message("incomeExclusions.elderlyAllowance.dibaoUntil")).contains("截止日期");

        ObjectNode bad = newVersion();
        ((ObjectNode) bad.at("/incomeExclusions/basicPension")).put("dibaoUntil", "2025-13-45");
        assertThat(admin(POST, API, bad).problem(400).fields()).containsExactly("incomeExclusions");
        ObjectNode months = newVersion();
        months.put("incomeReferenceMonths", 25);
        assertThat(admin(POST, API, months).problem(400).fields()).containsExactly("incomeReferenceMonths");
        ObjectNode missing = newVersion();
        ((ObjectNode) missing.get("incomeExclusions")).remove("socialInsurance");
        assertThat(admin(POST, API, missing).problem(400).fields())
                .containsExactly("incomeExclusions.socialInsurance");
        assertThat(versions()).isEqualTo(1);
    }

    @Test
    void everyProblemOfTheBodyComesAtOnceByItsFlatNameAndNothingIsSaved() throws Exception {
        ObjectNode body = newVersion();
        body.put("colour", "red");                  // no such field
        body.put("id", 5);                          // read-only: the system numbers versions
        body.remove("maxHomes");                    // a version is sent whole
        body.put("dibaoStandard", "八百");           // not a number
        body.put("publicityDays", 7.5);             // not a whole number (would be cut to 7)
        body.put("roundingRule", "UP");             // not one of the rules
        body.putNull("deductRent");                 // a yes/no is never empty
        int before = versions();

        Answer a = admin(POST, API, body).problem(400);
        assertThat(a.fields()).containsExactlyInAnyOrder("colour", "id", "maxHomes", "dibaoStandard", "publicityDays",
                "roundingRule", "deductRent");
        assertThat(a.message("colour")).isEqualTo("没有这个字段（请求未被处理，请删除或改正字段名）");
        assertThat(a.message("id")).startsWith("只读字段");
        assertThat(a.message("maxHomes")).startsWith("缺少此项");
        assertThat(a.message("dibaoStandard")).isEqualTo("格式不正确");
        assertThat(versions()).isEqualTo(before);
    }

    @Test
    void theAdminFormsFieldChecksNameTheFlatField() throws Exception {
        ObjectNode body = newVersion();
        body.put("dibaoStandard", new BigDecimal("870.123"));
        body.put("minBenefit", -1);
        body.put("employmentCostPct", new BigDecimal("100.5"));
        body.putNull("effectiveFrom");
        body.put("note", "长".repeat(201));
        int before = versions();

        Answer a = admin(POST, API, body).problem(400);
        assertThat(a.fields()).containsExactlyInAnyOrder("dibaoStandard", "minBenefit", "employmentCostPct",
                "effectiveFrom", "note");
        assertThat(a.message("minBenefit")).isEqualTo("金额不能为负数");
        assertThat(a.message("employmentCostPct")).isEqualTo("百分比应在 0–100 之间");
        assertThat(a.message("effectiveFrom")).isEqualTo("请选择生效月份");
        assertThat(versions()).isEqualTo(before);
    }

    @Test
    void theServicesRulesAcrossFieldsAndRowsNameTheFlatField() throws Exception {
        ObjectNode low = newVersion();
        low.put("tekunBasic", new BigDecimal("1130.99"));
        Answer tekun = admin(POST, API, low).problem(422);
        assertThat(tekun.fields()).containsExactly("tekunBasic");
        assertThat(tekun.message("tekunBasic")).contains("1131.00");

        ObjectNode percent = newVersion();
        percent.put("topupElderlyMode", "PERCENT");
        percent.put("topupElderlyValue", 101);
        assertThat(admin(POST, API, percent).problem(422).fields()).containsExactly("topupElderlyValue");

        ObjectNode taken = newVersion();
        taken.put("effectiveFrom", "2027-02");
        assertThat(admin(POST, API, taken).problem(422).fields()).containsExactly("effectiveFrom");

        ObjectNode village = newVersion();
        village.put("areaCode", data.villageOf(township));
        assertThat(admin(POST, API, village).problem(422).fields()).containsExactly("areaCode");

        ObjectNode noArea = newVersion();
        noArea.remove("areaCode");
        assertThat(admin(POST, API, noArea).problem(400).fields()).containsExactly("areaCode");

        ObjectNode elsewhere = newVersion();
        elsewhere.put("areaCode", data.county());   // outside the demo administrator's county
        admin(POST, API, elsewhere).problem(404);

        assertThat(versions()).isEqualTo(1);
    }

    @Test
    void anUnusedFutureVersionIsChangedWithTheVersionItWasReadAt() throws Exception {
        long id = source;
        ObjectNode body = read(id);                 // sent back whole, read-only fields unchanged
        body.put("dibaoStandard", 900);
        body.put("tekunBasic", 1170);
        body.put("effectiveFrom", "2027-04");

        Answer changed = admin(PUT, API + "/" + id, body).status(200);
        assertThat(changed.json().path("dibaoStandard").decimalValue()).isEqualByComparingTo("900");
        assertThat(changed.json().path("effectiveFrom").asString()).isEqualTo("2027-04");
        assertThat(changed.json().path("version").asLong()).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'STANDARD_UPDATED' and entity_id = ?",
                Integer.class, String.valueOf(id))).isEqualTo(1);

        // the version read before the change: someone else's change is never overwritten
        body.put("dibaoStandard", 910);
        admin(PUT, API + "/" + id, body).problem(409);

        ObjectNode fresh = read(id);
        fresh.put("id", id + 1);
        fresh.put("areaCode", Fixtures.TOWNSHIP_A);
        fresh.put("editable", false);
        fresh.put("shade", "blue");
        fresh.remove("version");
        Answer refused = admin(PUT, API + "/" + id, fresh).problem(400);
        assertThat(refused.fields()).containsExactlyInAnyOrder("id", "areaCode", "editable", "shade", "version");

        ObjectNode now = read(id);
        now.put("effectiveFrom", "2026-11");
        assertThat(admin(PUT, API + "/" + id, now).problem(422).fields()).containsExactly("effectiveFrom");

        assertThat(jdbc.queryForObject("select dibao_standard from subsidy_standard where id = ?", BigDecimal.class, id))
                .isEqualByComparingTo("900");
    }

    @Test
    void aVersionInForceOrUsedByACheckIsNotEditable() throws Exception {
        long inForce = data.version(township, null, YearMonth.of(2026, 1), "855");
        long used = data.version(township, "URBAN", YearMonth.of(2027, 1), "900");
        data.useVersion(used, data.villageOf(township), YearMonth.of(2027, 1));
        for (long id : new long[]{inForce, used}) {
            ObjectNode body = read(id);
            assertThat(body.path("editable").asBoolean()).isFalse();
            body.put("dibaoStandard", 999);
            Answer locked = admin(PUT, API + "/" + id, body).problem(422);
            assertThat(locked.json().path("detail").asString())
                    .isEqualTo("该版本已生效或已被资格核对引用，不能修改，只能新增版本替代。");
        }
        assertThat(read(used).path("used").asBoolean()).isTrue();
        assertThat(jdbc.queryForObject("select count(*) from subsidy_standard where area_code = ? and dibao_standard = 999",
                Integer.class, township)).isZero();
    }

    @Test
    void onlyAdministratorsWriteAndEveryoneReadsTheirScope() throws Exception {
        long id = source;
        ObjectNode change = read(id);
        change.put("dibaoStandard", 999);
        ObjectNode create = newVersion();
        for (String user : new String[]{"reviewer", "caseworker", "auditor"}) {
            api.send(POST, API, user, DEMO_PASSWORD, json.writeValueAsString(create)).problem(403);
            api.send(PUT, API + "/" + id, user, DEMO_PASSWORD, json.writeValueAsString(change)).problem(403);
        }
        api.send(POST, API, null, null, json.writeValueAsString(create)).problem(401);
        assertThat(versions()).isEqualTo(1);
        assertThat(read(id).path("dibaoStandard").decimalValue()).isEqualByComparingTo("870");

        // reading: the county's reviewer sees the township's versions; another township's caseworker does not
        api.get(API + "?areaCode=" + township, "reviewer", DEMO_PASSWORD).status(200);
        api.get(API + "/" + id, "reviewer", DEMO_PASSWORD).status(200);
        api.get(API + "/" + id, "caseworker", DEMO_PASSWORD).problem(404);
        api.get(API + "?areaCode=" + Fixtures.VILLAGE_A, "admin", DEMO_PASSWORD).problem(404);
    }

    private static boolean same(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue()) == 0;
        }
        return a.equals(b);
    }
}
