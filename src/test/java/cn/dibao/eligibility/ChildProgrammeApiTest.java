package cn.dibao.eligibility;

import cn.dibao.support.IntegrationTest;
import cn.dibao.support.JsonApi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import static cn.dibao.household.HouseholdTestData.newId;
import static cn.dibao.household.HouseholdTestData.uniqueName;
import static cn.dibao.support.Fixtures.DEMO_PASSWORD;
import static cn.dibao.support.Fixtures.VILLAGE_A;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

/**
 * Issue 14 特困, ADR 0017: a 孤儿 living with his 75-year-old grandfather, both meeting the 特困 conditions.
 * The choice of programme is recorded on the person through the API; the check holds 特困 pending without
 * it, leaves the child out of 特困 when he chose the child benefit, and counts him when he chose 特困.
 */
@IntegrationTest
class ChildProgrammeApiTest {

    static final String API = "/api/v1/households";
    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    @Autowired
    MockMvc mvc;
    @Autowired
    ObjectMapper json;

    private JsonApi.Answer call(MockHttpServletRequestBuilder request, String body) throws Exception {
        return new JsonApi(mvc, json).call(request.contentType(MediaType.APPLICATION_JSON)
                .content(body == null ? "" : body), "caseworker", DEMO_PASSWORD);
    }

    private JsonNode send(MockHttpServletRequestBuilder request, String body, int expected) throws Exception {
        return call(request, body).status(expected).json();
    }

    private static JsonNode tekun(JsonNode check) {
        for (JsonNode p : check.path("programmes")) {
            if (p.path("programme").asString().equals("TEKUN")) {
                return p;
            }
        }
        throw new AssertionError("no 特困 in " + check);
    }

    private static String childRule(JsonNode tekun) {
        for (JsonNode r : tekun.path("rules")) {
            if (r.path("code").asString().equals("TEKUN_CHILD_STATUS")) {
                return r.path("text").asString();
            }
        }
        throw new AssertionError("no child rule in " + tekun);
    }

    private static List<Long> persons(JsonNode tekun) {
        List<Long> ids = new ArrayList<>();
        tekun.path("personIds").forEach(x -> ids.add(x.asLong()));
        return ids;
    }

    @Test
    void theRecordedChoiceDecidesWhetherTheOrphanIsATekunPerson() throws Exception {
        long h = send(post(API), """
                {"household": {"areaCode": "%s", "address": "孤儿路 1 号", "hukouType": "RURAL"},
                 "head": {"name": "%s", "idType": "RESIDENT_ID", "idNumber": "%s"}, "headJoinedOn": "%s"}
                """.formatted(VILLAGE_A, uniqueName("祖"), newId(LocalDate.of(1950, 5, 6), true),
                TODAY.minusYears(2)), 201).path("id").asLong();
        String child = uniqueName("孤");
        send(post(API + "/" + h + "/members"), """
                {"member": {"relation": "GRANDCHILD", "counted": true, "joinedOn": "%s"},
                 "person": {"name": "%s", "idType": "RESIDENT_ID", "idNumber": "%s", "childStatus": "ORPHAN"}}
                """.formatted(TODAY.minusYears(2), child, newId(LocalDate.of(2016, 3, 4), true)), 201);
        JsonNode file = send(get(API + "/" + h), null, 200);
        long grandfather = file.path("members").get(0).path("personId").asLong();
        long orphan = file.path("members").get(1).path("personId").asLong();
        assertThat(file.path("members").get(1).path("childStatus").asString()).isEqualTo("ORPHAN");
        assertThat(file.path("members").get(1).path("childProgramme").isNull()).isTrue();
        String month = YearMonth.from(TODAY).toString();
        String checkBody = "{\"householdId\": %d, \"month\": \"%s\"}".formatted(h, month);

        // no choice recorded: 特困 for the child is held, the report and the verdict say to record it
        JsonNode pending = send(post("/api/v1/eligibility-checks"), checkBody, 201);
        assertThat(persons(tekun(pending))).containsExactly(grandfather);
        assertThat(childRule(tekun(pending))).contains(child + " 为孤儿", "特困认定暂缓", "登记所选保障");
        assertThat(pending.path("verdict").asString()).contains(child + " 为孤儿", "特困认定暂缓");

        // the child benefit chosen: not a 特困 person, and the report says why
        JsonNode record = send(get(API + "/" + h + "/persons/" + orphan), null, 200);
        ObjectNode person = (ObjectNode) record.path("person");
        assertThat(person.path("childStatus").asString()).isEqualTo("ORPHAN");
        person.put("childProgramme", "CHILD_BENEFIT");
        send(put(API + "/" + h + "/persons/" + orphan), "{\"version\": %d, \"data\": %s}".formatted(
                record.path("version").asLong(), person), 200);
        record = send(get(API + "/" + h + "/persons/" + orphan), null, 200);
        assertThat(record.path("person").path("childProgramme").asString()).isEqualTo("CHILD_BENEFIT");
        JsonNode benefit = send(post("/api/v1/eligibility-checks"), checkBody, 201);
        assertThat(persons(tekun(benefit))).containsExactly(grandfather);
        assertThat(childRule(tekun(benefit))).contains("已选择孤儿、事实无人抚养儿童基本生活保障：不认定为特困人员");
        assertThat(benefit.path("verdict").asString()).contains("不认定为特困人员");

        // 特困 chosen: both are 特困 persons, nothing in the verdict about the child
        person = (ObjectNode) record.path("person");
        person.put("childProgramme", "TEKUN");
        send(put(API + "/" + h + "/persons/" + orphan), "{\"version\": %d, \"data\": %s}".formatted(
                record.path("version").asLong(), person), 200);
        JsonNode chosen = send(post("/api/v1/eligibility-checks"), checkBody, 201);
        assertThat(persons(tekun(chosen))).containsExactly(grandfather, orphan);
        assertThat(childRule(tekun(chosen))).contains("已选择特困人员救助供养：认定为特困人员");
        assertThat(chosen.path("verdict").isNull() || !chosen.path("verdict").asString().contains(child)).isTrue();

        // a choice without the status is refused by name
        record = send(get(API + "/" + h + "/persons/" + orphan), null, 200);
        person = (ObjectNode) record.path("person");
        person.putNull("childStatus");
        JsonApi.Answer refused = call(put(API + "/" + h + "/persons/" + orphan),
                "{\"version\": %d, \"data\": %s}".formatted(record.path("version").asLong(), person)).problem(422);
        assertThat(refused.fields()).containsExactly("childProgramme");
    }
}
