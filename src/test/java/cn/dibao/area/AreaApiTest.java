package cn.dibao.area;

import cn.dibao.support.Fixtures;
import cn.dibao.support.IntegrationTest;
import cn.dibao.support.JsonApi;
import cn.dibao.support.JsonApi.Answer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.ObjectMapper;

import static cn.dibao.support.Fixtures.DEMO_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

/**
 * /api/v1/areas: everyone reads their scope; administrators add, rename and retire as on the admin
 * pages, with the same rules and messages, every refusal a problem naming its fields.
 */
@IntegrationTest
class AreaApiTest {

    private static final String API = "/api/v1/areas";

    @Autowired
    MockMvc mvc;
    @Autowired
    ObjectMapper json;
    @Autowired
    Fixtures fixtures;
    @Autowired
    JdbcTemplate jdbc;

    JsonApi api;

    @BeforeEach
    void setUp() {
        api = new JsonApi(mvc, json);
    }

    private Answer asAdmin(org.springframework.http.HttpMethod method, String url, String body) throws Exception {
        return api.send(method, url, "admin", DEMO_PASSWORD, body);
    }

    private static String township(String code, String name) {
        return """
                {"code": "%s", "name": "%s", "level": "TOWNSHIP", "parentCode": "%s"}
                """.formatted(code, name, Fixtures.COUNTY);
    }

    private int areas(String code) {
        return jdbc.queryForObject("select count(*) from area where code = ?", Integer.class, code);
    }

    @Test
    void everyoneReadsTheirScopeOnly() throws Exception {
        Answer list = api.get(API, "caseworker", DEMO_PASSWORD).status(200);
        assertThat(list.json().valueStream().map(a -> a.path("code").asString()))
                .contains(Fixtures.TOWNSHIP_A, Fixtures.VILLAGE_A).doesNotContain(Fixtures.TOWNSHIP_B, Fixtures.COUNTY);
        api.get(API + "/" + Fixtures.VILLAGE_A, "caseworker", DEMO_PASSWORD).status(200);
        api.get(API + "/" + Fixtures.TOWNSHIP_B, "caseworker", DEMO_PASSWORD).problem(404);
    }

    @Test
    void anAdministratorAddsATownshipAndItIsAudited() throws Exception {
        String code = fixtures.freeTownshipCode();
        Answer created = asAdmin(POST, API, township(code, "接口新镇")).status(201);
        assertThat(created.result().getResponse().getHeader("Location")).isEqualTo(API + "/" + code);
        assertThat(created.json().path("code").asString()).isEqualTo(code);
        assertThat(created.json().path("level").asString()).isEqualTo("TOWNSHIP");
        assertThat(created.json().path("parentCode").asString()).isEqualTo(Fixtures.COUNTY);
        assertThat(api.get(API + "/" + code, "admin", DEMO_PASSWORD).status(200).json().path("name").asString())
                .isEqualTo("接口新镇");
        assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'AREA_CREATED' and entity_id = ?",
                Integer.class, code)).isEqualTo(1);
    }

    @Test
    void everyFieldErrorOfTheFormComesAtOnceAndNothingIsSaved() throws Exception {
        Answer a = asAdmin(POST, API, """
                {"code": "3702113", "name": " ", "parentCode": "%s"}
                """.formatted(Fixtures.COUNTY)).problem(400);
        assertThat(a.fields()).containsExactlyInAnyOrder("code", "name", "level");
        assertThat(a.message("code")).isEqualTo("区划代码必须是 12 位数字");
        assertThat(a.message("name")).isEqualTo("请填写名称");
        assertThat(a.message("level")).isEqualTo("请选择级别");
        assertThat(areas("3702113")).isZero();
    }

    @Test
    void theServiceRulesOfThePageHoldWithTheirField() throws Exception {
        String elsewhere = "370212" + fixtures.freeTownshipCode().substring(6);
        Answer notUnder = asAdmin(POST, API, township(elsewhere, "别县镇")).problem(422);
        assertThat(notUnder.fields()).containsExactly("code");
        assertThat(notUnder.message("code")).isEqualTo("区划代码与上级区划不符（必须以上级代码开头）");
        assertThat(areas(elsewhere)).isZero();

        // the demo administrator's scope is the county: only an unrestricted one opens a county
        Answer county = asAdmin(POST, API, """
                {"code": "379811000000", "name": "接口新县", "level": "COUNTY"}
                """).problem(422);
        assertThat(county.fields()).containsExactly("level");
        assertThat(areas("379811000000")).isZero();

        Answer duplicate = asAdmin(POST, API, township(Fixtures.TOWNSHIP_B, "重复镇")).problem(422);
        assertThat(duplicate.message("code")).isEqualTo("该区划代码已存在");
    }

    @Test
    void aFieldTheFormDoesNotHaveIsRefusedByName() throws Exception {
        String code = fixtures.freeTownshipCode();
        Answer a = asAdmin(POST, API, """
                {"code": "%s", "name": "多字段镇", "level": "TOWNSHIP", "parentCode": "%s", "population": 5000}
                """.formatted(code, Fixtures.COUNTY)).problem(400);
        assertThat(a.fields()).containsExactly("population");
        assertThat(a.message("population")).isEqualTo("没有这个字段（请求未被处理，请删除或改正字段名）");
        assertThat(areas(code)).isZero();
    }

    @Test
    void onlyAdministratorsWrite() throws Exception {
        String code = fixtures.freeTownshipCode();
        for (String user : new String[]{"caseworker", "reviewer", "auditor"}) {
            api.send(POST, API, user, DEMO_PASSWORD, township(code, "越权镇")).problem(403);
            api.send(PUT, API + "/" + Fixtures.TOWNSHIP_A, user, DEMO_PASSWORD, """
                    {"name": "越权改名", "version": 0}""").problem(403);
            api.send(POST, API + "/" + Fixtures.VILLAGE_A + "/retire", user, DEMO_PASSWORD, """
                    {"version": 0}""").problem(403);
        }
        assertThat(areas(code)).isZero();
        assertThat(jdbc.queryForObject("select name from area where code = ?", String.class, Fixtures.TOWNSHIP_A))
                .isNotEqualTo("越权改名");
        api.send(POST, API, null, null, township(code, "匿名镇")).problem(401);
    }

    @Test
    void renameWithTheVersionReadAndNeverOverAnotherChange() throws Exception {
        String code = fixtures.freeTownshipCode();
        asAdmin(POST, API, township(code, "改名前镇")).status(201);

        Answer renamed = asAdmin(PUT, API + "/" + code, """
                {"name": "改名后镇", "version": 0}""").status(200);
        assertThat(renamed.json().path("name").asString()).isEqualTo("改名后镇");
        assertThat(renamed.json().path("version").asLong()).isEqualTo(1);

        asAdmin(PUT, API + "/" + code, """
                {"name": "过时改名镇", "version": 0}""").problem(409);
        Answer invalid = asAdmin(PUT, API + "/" + code, """
                {"name": ""}""").problem(400);
        assertThat(invalid.fields()).containsExactlyInAnyOrder("name", "version");
        asAdmin(PUT, API + "/" + code, """
                {"name": "新名", "version": 1, "level": "VILLAGE"}""").problem(400);
        // outside the administrator's county
        asAdmin(PUT, API + "/379899000000", """
                {"name": "外县", "version": 0}""").problem(404);
        assertThat(jdbc.queryForObject("select name from area where code = ?", String.class, code)).isEqualTo("改名后镇");
    }

    @Test
    void retireOnlyWithoutActiveChildren() throws Exception {
        String code = fixtures.freeTownshipCode();
        asAdmin(POST, API, township(code, "撤销镇")).status(201);
        String village = code.substring(0, 9) + "201";
        asAdmin(POST, API, """
                {"code": "%s", "name": "撤销村", "level": "VILLAGE", "parentCode": "%s"}
                """.formatted(village, code)).status(201);

        Answer refused = asAdmin(POST, API + "/" + code + "/retire", """
                {"version": 0}""").problem(422);
        assertThat(refused.json().path("detail").asString()).isEqualTo("请先撤销其下级区划");

        assertThat(asAdmin(POST, API + "/" + village + "/retire", """
                {"version": 0}""").status(200).json().path("retired").asBoolean()).isTrue();
        assertThat(asAdmin(POST, API + "/" + code + "/retire", """
                {"version": 0}""").status(200).json().path("retired").asBoolean()).isTrue();
        asAdmin(POST, API + "/" + code + "/retire", "{}").problem(400);
    }
}
