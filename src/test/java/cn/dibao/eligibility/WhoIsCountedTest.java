package cn.dibao.eligibility;

import cn.dibao.support.IntegrationTest;
import cn.dibao.support.JsonApi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
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

import static cn.dibao.household.HouseholdTestData.newId;
import static cn.dibao.household.HouseholdTestData.uniqueName;
import static cn.dibao.support.Fixtures.DEMO_PASSWORD;
import static cn.dibao.support.Fixtures.VILLAGE_A;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

/**
 * Issue 14, domain-rules §4.1, ADR 0016: a person serving a sentence, in 强制隔离戒毒, declared missing or a
 * clergy member living apart is not counted; the caseworker's override with a reason counts him; once the
 * flag is cleared he counts again. Through the API, on today's month; refusals name the field.
 */
@IntegrationTest
class WhoIsCountedTest {

    static final String API = "/api/v1/households";
    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    static final YearMonth THIS_MONTH = YearMonth.from(TODAY);

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

    private long register() throws Exception {
        return send(post(API), """
                {"household": {"areaCode": "%s", "address": "计入路 1 号", "hukouType": "URBAN"},
                 "head": {"name": "%s", "idType": "RESIDENT_ID", "idNumber": "%s"}, "headJoinedOn": "%s"}
                """.formatted(VILLAGE_A, uniqueName("户"), newId(LocalDate.of(1975, 5, 6), true), TODAY), 201)
                .path("id").asLong();
    }

    private JsonNode member(long household, String name) throws Exception {
        for (JsonNode m : send(get(API + "/" + household), null, 200).path("members")) {
            if (m.path("name").asString().equals(name)) {
                return m;
            }
        }
        throw new AssertionError(name + " not in household " + household);
    }

    private JsonNode check(long household) throws Exception {
        return send(post("/api/v1/eligibility-checks"),
                "{\"householdId\": %d, \"month\": \"%s\"}".formatted(household, THIS_MONTH), 201);
    }

    private void membership(long household, JsonNode m, String override) throws Exception {
        send(put(API + "/" + household + "/members/" + m.path("memberId").asLong()), """
                {"version": %d, "data": {"relation": "CHILD", "counted": true, "joinedOn": "%s",
                 "countOverrideReason": %s}}""".formatted(m.path("memberVersion").asLong(), TODAY,
                override == null ? "null" : "\"" + override + "\""), 200);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"servingSentence, SERVING_SENTENCE, 服刑", "compulsoryRehab, COMPULSORY_REHAB, 强制隔离戒毒",
            "declaredMissing, DECLARED_MISSING, 宣告失踪", "clergyApart, CLERGY_APART, 宗教教职人员"})
    void aFlaggedSonIsNotCountedUnlessOverriddenAndCountsAgainOnceTheFlagIsCleared(String flag, String reason,
                                                                                   String label) throws Exception {
        long h = register();
        String son = uniqueName("子");
        send(post(API + "/" + h + "/members"), """
                {"member": {"relation": "CHILD", "counted": true, "joinedOn": "%s"},
                 "person": {"name": "%s", "idType": "RESIDENT_ID", "idNumber": "%s", "%s": true}}
                """.formatted(TODAY, son, newId(LocalDate.of(1998, 3, 4), true), flag), 201);
        JsonNode m = member(h, son);
        assertThat(m.path("counted").asBoolean()).as("the caseworker's own decision, as sent").isTrue();
        assertThat(m.path("countedInChecks").asBoolean()).isFalse();
        assertThat(m.path("countingReason").asString()).isEqualTo(reason);

        JsonNode flagged = check(h);
        assertThat(flagged.path("countedMembers").asInt()).isEqualTo(1);
        assertThat(flagged.path("absent")).hasSize(1);
        assertThat(flagged.path("absent").get(0).path("kind").asString()).isEqualTo("NOT_COUNTED");
        assertThat(flagged.path("absent").get(0).path("reason").asString()).isEqualTo(reason);
        assertThat(flagged.path("verdict").asString()).startsWith("共同生活家庭成员 1 人：子女 " + son + "不计入（" + label);

        // 监外执行 / back home: counted with the reason, and the report says why
        membership(h, m, "监外执行，已回家居住");
        m = member(h, son);
        assertThat(m.path("countOverrideReason").asString()).isEqualTo("监外执行，已回家居住");
        assertThat(m.path("countedInChecks").asBoolean()).isTrue();
        assertThat(m.path("countingReason").isNull()).isTrue();
        JsonNode overridden = check(h);
        assertThat(overridden.path("countedMembers").asInt()).isEqualTo(2);
        assertThat(overridden.path("absent")).hasSize(1);
        JsonNode why = overridden.path("absent").get(0);
        assertThat(why.path("kind").asString()).isEqualTo("COUNTED_BY_OVERRIDE");
        assertThat(why.path("reason").asString()).isEqualTo(reason);
        assertThat(why.path("note").asString()).isEqualTo("监外执行，已回家居住");
        assertThat(overridden.path("verdict").isNull() || !overridden.path("verdict").asString().contains(son))
                .as("counted: not a reason in the verdict").isTrue();
        String page = mvc.perform(get("/eligibility-checks/" + overridden.path("checkId").asLong())
                        .session(cn.dibao.support.Login.demo(mvc, "caseworker")))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).as("the report page says why he counts").contains("成员计入情况")
                .contains(son + "：虽有“" + label).contains("经办人认定计入（监外执行，已回家居住）");

        // the override withdrawn: not counted again; then the flag cleared on the person: counted
        membership(h, member(h, son), null);
        assertThat(check(h).path("countedMembers").asInt()).isEqualTo(1);
        long personId = m.path("personId").asLong();
        JsonNode record = send(get(API + "/" + h + "/persons/" + personId), null, 200);
        ObjectNode person = (ObjectNode) record.path("person");
        person.put(flag, false);
        send(put(API + "/" + h + "/persons/" + personId), "{\"version\": %d, \"data\": %s}".formatted(
                record.path("version").asLong(), person), 200);
        assertThat(member(h, son).path("countedInChecks").asBoolean()).isTrue();
        JsonNode released = check(h);
        assertThat(released.path("countedMembers").asInt()).isEqualTo(2);
        assertThat(released.path("absent")).isEmpty();
    }

    @Test
    void aNotCountedReasonThatNamesAFlagCountsAgainWhenTheFlagIsCleared() throws Exception {
        long h = register();
        String son = uniqueName("释");
        send(post(API + "/" + h + "/members"), """
                {"member": {"relation": "CHILD", "counted": false, "notCountedReason": "SERVING_SENTENCE",
                            "joinedOn": "%s"},
                 "person": {"name": "%s", "idType": "RESIDENT_ID", "idNumber": "%s", "servingSentence": true}}
                """.formatted(TODAY, son, newId(LocalDate.of(1997, 3, 4), true)), 201);
        JsonNode m = member(h, son);
        assertThat(m.path("countedInChecks").asBoolean()).isFalse();
        long personId = m.path("personId").asLong();
        JsonNode record = send(get(API + "/" + h + "/persons/" + personId), null, 200);
        ObjectNode person = (ObjectNode) record.path("person");
        person.put("servingSentence", false);
        send(put(API + "/" + h + "/persons/" + personId), "{\"version\": %d, \"data\": %s}".formatted(
                record.path("version").asLong(), person), 200);
        m = member(h, son);
        assertThat(m.path("counted").asBoolean()).isTrue();
        assertThat(m.path("notCountedReason").isNull()).isTrue();
        assertThat(check(h).path("countedMembers").asInt()).isEqualTo(2);
    }

    @Test
    void refusalsNameTheField() throws Exception {
        long h = register();
        // a flag reason for a person without the flag
        JsonApi.Answer noFlag = call(post(API + "/" + h + "/members"), """
                {"member": {"relation": "CHILD", "counted": false, "notCountedReason": "SERVING_SENTENCE"},
                 "person": {"name": "%s", "idType": "RESIDENT_ID", "idNumber": "%s"}}
                """.formatted(uniqueName("错"), newId(LocalDate.of(1999, 3, 4), true))).problem(422);
        assertThat(noFlag.fields()).containsExactly("member.notCountedReason");
        assertThat(noFlag.message("member.notCountedReason")).contains("服刑");
        // an override for a person without a flag
        JsonApi.Answer needless = call(post(API + "/" + h + "/members"), """
                {"member": {"relation": "CHILD", "counted": true, "countOverrideReason": "已回家"},
                 "person": {"name": "%s", "idType": "RESIDENT_ID", "idNumber": "%s"}}
                """.formatted(uniqueName("错"), newId(LocalDate.of(1999, 3, 5), true))).problem(422);
        assertThat(needless.fields()).containsExactly("member.countOverrideReason");
        // an override of a membership marked not counted
        JsonApi.Answer contradicts = call(post(API + "/" + h + "/members"), """
                {"member": {"relation": "CHILD", "counted": false, "notCountedReason": "LOCAL_RULE",
                            "countOverrideReason": "已回家"},
                 "person": {"name": "%s", "idType": "RESIDENT_ID", "idNumber": "%s", "servingSentence": true}}
                """.formatted(uniqueName("错"), newId(LocalDate.of(1999, 3, 6), true))).problem(422);
        assertThat(contradicts.fields()).containsExactly("member.countOverrideReason");
        // too long
        JsonApi.Answer tooLong = call(post(API + "/" + h + "/members"), """
                {"member": {"relation": "CHILD", "counted": true, "countOverrideReason": "%s"},
                 "person": {"name": "%s", "idType": "RESIDENT_ID", "idNumber": "%s", "servingSentence": true}}
                """.formatted("理".repeat(201), uniqueName("错"), newId(LocalDate.of(1999, 3, 7), true))).problem(400);
        assertThat(tooLong.fields()).containsExactly("member.countOverrideReason");
        assertThat(send(get(API + "/" + h), null, 200).path("members")).hasSize(1);
    }
}
