package cn.dibao.household;

import cn.dibao.support.IntegrationTest;
import cn.dibao.support.JsonApi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import static cn.dibao.household.HouseholdTestData.newId;
import static cn.dibao.household.HouseholdTestData.uniqueName;
import static cn.dibao.support.Fixtures.DEMO_PASSWORD;
import static cn.dibao.support.Fixtures.VILLAGE_A;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

/**
 * Issue 14: no household endpoint answers success while dropping a field. Every writable field of every
 * household endpoint is sent with a value other than its default and read back through the API.
 */
@IntegrationTest
class HouseholdFieldsReadBackTest {

    static final String API = "/api/v1/households";
    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    @Autowired
    MockMvc mvc;
    @Autowired
    ObjectMapper json;

    /** Through the shared {@link JsonApi}, which also fails on a server error or internals in the answer. */
    private JsonNode send(MockHttpServletRequestBuilder request, String body, int expected) throws Exception {
        return new JsonApi(mvc, json).call(request.contentType(MediaType.APPLICATION_JSON)
                .content(body == null ? "" : body), "caseworker", DEMO_PASSWORD).status(expected).json();
    }

    /** A person with every field set; {@code v} varies the values between the first write and the edit. */
    private static String person(String name, String id, LocalDate born, String sex, int v) {
        return """
                {"name": "%s", "idType": "RESIDENT_ID", "idNumber": "%s", "sex": "%s", "birthDate": "%s",
                 "phone": "1381234567%d", "ethnicity": "%s", "disabilityCategory": %d, "disabilityGrade": %d,
                 "disabilityCertNo": "CJZ-%d", "canEat": %b, "canDress": %b, "canTransfer": true, "canToilet": %b,
                 "canWalkIndoors": true, "canBathe": false, "selfCareAssessedOn": "%s", "seriousIllness": true,
                 "seriousIllnessNote": "尿毒症透析 %d", "labourAbility": "%s", "employment": "%s",
                 "studentLevel": "%s", "servingSentence": %b, "compulsoryRehab": %b, "declaredMissing": %b,
                 "clergyApart": %b, "childStatus": "%s", "childProgramme": "%s"}""".formatted(name, id, sex, born, v,
                v == 1 ? "回族" : "满族", v, v + 1, v,
                v == 1, v != 1, v == 1, TODAY.minusDays(v), v, v == 1 ? "PARTIAL" : "NONE",
                v == 1 ? "UNEMPLOYED" : "FLEXIBLE", v == 1 ? "NONE" : "SENIOR", v == 1, v != 1, v == 1, v != 1,
                v == 1 ? "ORPHAN" : "DE_FACTO_UNSUPPORTED", v == 1 ? "CHILD_BENEFIT" : "TEKUN");
    }

    private static void assertPerson(JsonNode p, String name, LocalDate born, String sex, int v) {
        Map<String, Object> expected = new java.util.LinkedHashMap<>();
        expected.put("name", name);
        expected.put("sex", sex);
        expected.put("birthDate", born.toString());
        expected.put("ethnicity", v == 1 ? "回族" : "满族");
        expected.put("disabilityCategory", String.valueOf(v));
        expected.put("disabilityGrade", String.valueOf(v + 1));
        expected.put("disabilityCertNo", "CJZ-" + v);
        expected.put("canEat", String.valueOf(v == 1));
        expected.put("canDress", String.valueOf(v != 1));
        expected.put("canTransfer", "true");
        expected.put("canToilet", String.valueOf(v == 1));
        expected.put("canWalkIndoors", "true");
        expected.put("canBathe", "false");
        expected.put("selfCareAssessedOn", TODAY.minusDays(v).toString());
        expected.put("seriousIllness", "true");
        expected.put("seriousIllnessNote", "尿毒症透析 " + v);
        expected.put("labourAbility", v == 1 ? "PARTIAL" : "NONE");
        expected.put("employment", v == 1 ? "UNEMPLOYED" : "FLEXIBLE");
        expected.put("studentLevel", v == 1 ? "NONE" : "SENIOR");
        expected.put("servingSentence", String.valueOf(v == 1));
        expected.put("compulsoryRehab", String.valueOf(v != 1));
        expected.put("declaredMissing", String.valueOf(v == 1));
        expected.put("clergyApart", String.valueOf(v != 1));
        expected.put("childStatus", v == 1 ? "ORPHAN" : "DE_FACTO_UNSUPPORTED");
        expected.put("childProgramme", v == 1 ? "CHILD_BENEFIT" : "TEKUN");
        expected.forEach((field, value) -> assertThat(p.path(field).asString()).as(field).isEqualTo(value));
        assertThat(p.path("phone").asString()).as("phone, masked").endsWith(String.valueOf(v)).contains("*");
        assertThat(p.path("idNumber").asString()).as("ID number, masked").contains("*");
    }

    @Test
    void everyWritableFieldOfEveryHouseholdEndpointIsReadBack() throws Exception {
        LocalDate headBorn = LocalDate.of(1968, 2, 3);
        String headName = uniqueName("全");
        long h = send(post(API), """
                {"household": {"areaCode": "%s", "address": "全字段路 1 号", "hukouType": "RURAL",
                               "residenceAddress": "实际居住 2 号", "grid": "第三网格", "tags": ["SEVERE_DISABILITY"]},
                 "head": %s, "headJoinedOn": "%s"}
                """.formatted(VILLAGE_A, person(headName, newId(headBorn, true), headBorn, "M", 1),
                TODAY.minusDays(40)), 201).path("id").asLong();
        JsonNode file = send(get(API + "/" + h), null, 200);
        assertThat(file.path("address").asString()).isEqualTo("全字段路 1 号");
        assertThat(file.path("hukouType").asString()).isEqualTo("RURAL");
        assertThat(file.path("residenceAddress").asString()).isEqualTo("实际居住 2 号");
        assertThat(file.path("grid").asString()).isEqualTo("第三网格");
        assertThat(file.path("tags").get(0).asString()).isEqualTo("SEVERE_DISABILITY");
        JsonNode head = file.path("members").get(0);
        assertThat(head.path("joinedOn").asString()).isEqualTo(TODAY.minusDays(40).toString());
        long headPerson = head.path("personId").asLong();
        assertPerson(send(get(API + "/" + h + "/persons/" + headPerson), null, 200).path("person"), headName,
                headBorn, "M", 1);

        // the household's own data
        send(put(API + "/" + h), """
                {"version": %d, "data": {"areaCode": "%s", "address": "全字段路 9 号", "hukouType": "URBAN",
                 "residenceAddress": "实际居住 8 号", "grid": "第七网格", "tags": ["ELDERLY_ALONE", "EMPTY_NEST"]}}
                """.formatted(file.path("version").asLong(), VILLAGE_A), 200);
        file = send(get(API + "/" + h), null, 200);
        assertThat(file.path("address").asString()).isEqualTo("全字段路 9 号");
        assertThat(file.path("hukouType").asString()).isEqualTo("URBAN");
        assertThat(file.path("residenceAddress").asString()).isEqualTo("实际居住 8 号");
        assertThat(file.path("grid").asString()).isEqualTo("第七网格");
        assertThat(file.path("tags").toString()).contains("ELDERLY_ALONE", "EMPTY_NEST").doesNotContain("SEVERE");

        // a member: membership and person
        LocalDate born = LocalDate.of(1995, 6, 7);
        String name = uniqueName("员");
        send(post(API + "/" + h + "/members"), """
                {"member": {"relation": "CHILD", "counted": false, "notCountedReason": "SERVING_SENTENCE",
                            "joinedOn": "%s"}, "person": %s}
                """.formatted(TODAY.minusDays(20), person(name, newId(born, false), born, "F", 1)), 201);
        JsonNode member = member(send(get(API + "/" + h), null, 200), name);
        assertThat(member.path("relation").asString()).isEqualTo("CHILD");
        assertThat(member.path("counted").asBoolean()).isFalse();
        assertThat(member.path("notCountedReason").asString()).isEqualTo("SERVING_SENTENCE");
        assertThat(member.path("joinedOn").asString()).isEqualTo(TODAY.minusDays(20).toString());
        assertThat(member.path("countedInChecks").asBoolean()).isFalse();
        assertThat(member.path("countingReason").asString()).isEqualTo("SERVING_SENTENCE");
        assertThat(member.path("childStatus").asString()).isEqualTo("ORPHAN");
        assertThat(member.path("childProgramme").asString()).isEqualTo("CHILD_BENEFIT");
        long personId = member.path("personId").asLong();
        assertPerson(send(get(API + "/" + h + "/persons/" + personId), null, 200).path("person"), name, born, "F", 1);

        send(put(API + "/" + h + "/members/" + member.path("memberId").asLong()), """
                {"version": %d, "data": {"relation": "GRANDCHILD", "counted": true, "joinedOn": "%s",
                 "countOverrideReason": "保外就医，已回家居住"}}
                """.formatted(member.path("memberVersion").asLong(), TODAY.minusDays(30)), 200);
        member = member(send(get(API + "/" + h), null, 200), name);
        assertThat(member.path("relation").asString()).isEqualTo("GRANDCHILD");
        assertThat(member.path("counted").asBoolean()).isTrue();
        assertThat(member.path("notCountedReason").isNull()).isTrue();
        assertThat(member.path("joinedOn").asString()).isEqualTo(TODAY.minusDays(30).toString());
        assertThat(member.path("countOverrideReason").asString()).isEqualTo("保外就医，已回家居住");
        assertThat(member.path("countedInChecks").asBoolean()).isTrue();

        String renamed = uniqueName("改");
        JsonNode record = send(get(API + "/" + h + "/persons/" + personId), null, 200);
        send(put(API + "/" + h + "/persons/" + personId), "{\"version\": %d, \"data\": %s}".formatted(
                record.path("version").asLong(), person(renamed, newId(born, false), born, "F", 2)), 200);
        assertPerson(send(get(API + "/" + h + "/persons/" + personId), null, 200).path("person"), renamed, born, "F",
                2);

        // the file's items
        String from = TODAY.minusMonths(2).toString();
        String to = TODAY.plusMonths(10).toString();
        send(post(API + "/" + h + "/incomes"), """
                {"personId": %d, "category": "TRANSFER", "description": "高龄津贴", "monthlyAmount": "123.45",
                 "periodFrom": "%s", "periodTo": "%s", "exclusionReason": "ELDERLY_ALLOWANCE"}
                """.formatted(headPerson, from, to), 201);
        send(post(API + "/" + h + "/deductions"), """
                {"personId": %d, "type": "MEDICAL", "description": "透析自付", "monthlyAmount": "321.00",
                 "periodFrom": "%s", "periodTo": "%s"}""".formatted(personId, from, to), 201);
        send(post(API + "/" + h + "/assets"), """
                {"personId": %d, "type": "VEHICLE", "description": "残疾人摩托车", "value": "4500.00", "quantity": 2,
                 "floorArea": "0.50", "exemptReason": "残疾人代步", "periodFrom": "%s", "periodTo": "%s",
                 "acquiredOn": "%s"}
                """.formatted(headPerson, from, to, TODAY.minusYears(2)), 201);
        send(post(API + "/" + h + "/expenses"), """
                {"personId": %d, "type": "EDUCATION", "description": "高中学杂费", "amount": "2000.00",
                 "incurredOn": "%s"}""".formatted(personId, TODAY.minusDays(5)), 201);
        String obligorName = uniqueName("赡");
        send(post(API + "/" + h + "/obligors"), """
                {"name": "%s", "idType": "RESIDENT_ID", "idNumber": "%s", "relation": "SUPPORT_PARENT",
                 "supportedPersonId": %d, "address": "外地 3 号", "ableToSupport": "NO", "monthlySupport": "200.00",
                 "note": "本人重病", "birthDate": "1990-01-02", "monthlyIncome": "850.00", "disabilityCategory": 4,
                 "disabilityGrade": 2, "status": "DIBAO", "propertyWithinLimits": true,
                 "overrideReason": "重病住院，村委会证明"}""".formatted(obligorName, newId(LocalDate.of(1990, 1, 2), true),
                headPerson), 201);

        file = send(get(API + "/" + h), null, 200);
        JsonNode income = file.path("incomes").get(0);
        assertThat(income.path("personId").asLong()).isEqualTo(headPerson);
        assertThat(income.path("category").asString()).isEqualTo("TRANSFER");
        assertThat(income.path("description").asString()).isEqualTo("高龄津贴");
        assertThat(income.path("monthlyAmount").decimalValue()).isEqualByComparingTo("123.45");
        assertThat(income.path("periodFrom").asString()).isEqualTo(from);
        assertThat(income.path("periodTo").asString()).isEqualTo(to);
        assertThat(income.path("excluded").asBoolean()).isTrue();
        assertThat(income.path("exclusionReason").asString()).isEqualTo("ELDERLY_ALLOWANCE");
        JsonNode deduction = file.path("deductions").get(0);
        assertThat(deduction.path("personId").asLong()).isEqualTo(personId);
        assertThat(deduction.path("type").asString()).isEqualTo("MEDICAL");
        assertThat(deduction.path("description").asString()).isEqualTo("透析自付");
        assertThat(deduction.path("monthlyAmount").decimalValue()).isEqualByComparingTo("321.00");
        assertThat(deduction.path("periodFrom").asString()).isEqualTo(from);
        assertThat(deduction.path("periodTo").asString()).isEqualTo(to);
        JsonNode asset = file.path("assets").get(0);
        assertThat(asset.path("personId").asLong()).isEqualTo(headPerson);
        assertThat(asset.path("type").asString()).isEqualTo("VEHICLE");
        assertThat(asset.path("description").asString()).isEqualTo("残疾人摩托车");
        assertThat(asset.path("value").decimalValue()).isEqualByComparingTo("4500.00");
        assertThat(asset.path("quantity").asInt()).isEqualTo(2);
        assertThat(asset.path("floorArea").decimalValue()).isEqualByComparingTo("0.50");
        assertThat(asset.path("exempt").asBoolean()).isTrue();
        assertThat(asset.path("exemptReason").asString()).isEqualTo("残疾人代步");
        assertThat(asset.path("periodFrom").asString()).isEqualTo(from);
        assertThat(asset.path("periodTo").asString()).isEqualTo(to);
        assertThat(asset.path("acquiredOn").asString()).isEqualTo(TODAY.minusYears(2).toString());
        JsonNode expense = file.path("expenses").get(0);
        assertThat(expense.path("personId").asLong()).isEqualTo(personId);
        assertThat(expense.path("type").asString()).isEqualTo("EDUCATION");
        assertThat(expense.path("description").asString()).isEqualTo("高中学杂费");
        assertThat(expense.path("amount").decimalValue()).isEqualByComparingTo("2000.00");
        assertThat(expense.path("incurredOn").asString()).isEqualTo(TODAY.minusDays(5).toString());
        JsonNode obligor = file.path("obligors").get(0);
        assertThat(obligor.path("name").asString()).isEqualTo(obligorName);
        assertThat(obligor.path("idType").asString()).isEqualTo("RESIDENT_ID");
        assertThat(obligor.path("idNumberMasked").asString()).contains("*");
        assertThat(obligor.path("relation").asString()).isEqualTo("SUPPORT_PARENT");
        assertThat(obligor.path("supportedPersonId").asLong()).isEqualTo(headPerson);
        assertThat(obligor.path("address").asString()).isEqualTo("外地 3 号");
        assertThat(obligor.path("ableToSupport").asString()).isEqualTo("NO");
        assertThat(obligor.path("monthlySupport").decimalValue()).isEqualByComparingTo("200.00");
        assertThat(obligor.path("note").asString()).isEqualTo("本人重病");
        assertThat(obligor.path("birthDate").asString()).isEqualTo("1990-01-02");
        assertThat(obligor.path("monthlyIncome").decimalValue()).isEqualByComparingTo("850.00");
        assertThat(obligor.path("disabilityCategory").asInt()).isEqualTo(4);
        assertThat(obligor.path("disabilityGrade").asInt()).isEqualTo(2);
        assertThat(obligor.path("status").asString()).isEqualTo("DIBAO");
        assertThat(obligor.path("propertyWithinLimits").asBoolean()).isTrue();
        assertThat(obligor.path("overrideReason").asString()).isEqualTo("重病住院，村委会证明");
    }

    /** A resident ID encodes sex and birth date: a different value sent is refused by name, not dropped. */
    @Test
    void aSexOrBirthDateTheIdNumberContradictsIsRefusedByName() throws Exception {
        LocalDate born = LocalDate.of(1970, 8, 9);
        String id = newId(born, true);
        for (String[] bad : new String[][]{{"F", born.toString(), "head.sex"},
                {"M", born.plusDays(1).toString(), "head.birthDate"}}) {
            JsonNode problem = send(post(API), """
                    {"household": {"areaCode": "%s", "address": "矛盾路 1 号", "hukouType": "URBAN"},
                     "head": {"name": "%s", "idType": "RESIDENT_ID", "idNumber": "%s", "sex": "%s", "birthDate": "%s"}}
                    """.formatted(VILLAGE_A, uniqueName("矛"), id, bad[0], bad[1]), 422);
            assertThat(problem.path("errors").get(0).path("field").asString()).isEqualTo(bad[2]);
        }
        long h = send(post(API), """
                {"household": {"areaCode": "%s", "address": "矛盾路 2 号", "hukouType": "URBAN"},
                 "head": {"name": "%s", "idType": "RESIDENT_ID", "idNumber": "%s", "sex": "M", "birthDate": "%s"}}
                """.formatted(VILLAGE_A, uniqueName("矛"), id, born), 201).path("id").asLong();
        assertThat(send(get(API + "/" + h), null, 200).path("members").get(0).path("birthDate").asString())
                .isEqualTo(born.toString());
    }

    /** An obligor's decision without a reason, half a disability, or a birth date his ID contradicts: refused by name. */
    @Test
    void anObligorsFactsAreRefusedByNameWhenTheyContradict() throws Exception {
        LocalDate born = LocalDate.of(1975, 3, 4);
        long h = send(post(API), """
                {"household": {"areaCode": "%s", "address": "义务路 1 号", "hukouType": "URBAN"},
                 "head": {"name": "%s", "idType": "RESIDENT_ID", "idNumber": "%s"}}
                """.formatted(VILLAGE_A, uniqueName("义"), newId(born, true)), 201).path("id").asLong();
        String id = newId(LocalDate.of(1950, 5, 6), true);
        String[][] bads = {{"\"ableToSupport\": \"YES\"", "overrideReason"},
                {"\"disabilityCategory\": 2", "disabilityGrade"},
                {"\"idNumber\": \"" + id + "\", \"birthDate\": \"1950-05-07\"", "birthDate"}};
        for (String[] bad : bads) {
            JsonNode problem = send(post(API + "/" + h + "/obligors"),
                    "{\"name\": \"%s\", \"relation\": \"SUPPORT_PARENT\", %s}".formatted(uniqueName("赡"), bad[0]),
                    422);
            assertThat(problem.path("errors").get(0).path("field").asString()).as(bad[0]).isEqualTo(bad[1]);
        }
        assertThat(send(get(API + "/" + h), null, 200).path("obligors")).isEmpty();
    }

    /**
     * An obligor's facts change (he turns 70, his income falls, the caseworker's override goes): every field of
     * the edit is read back, the masked number kept, a stale version and contradicting facts refused by name.
     */
    @Test
    void anObligorsFactsAreEditedInPlaceAndReadBack() throws Exception {
        LocalDate born = LocalDate.of(1980, 7, 8);
        long h = send(post(API), """
                {"household": {"areaCode": "%s", "address": "义务路 5 号", "hukouType": "URBAN"},
                 "head": {"name": "%s", "idType": "RESIDENT_ID", "idNumber": "%s"}}
                """.formatted(VILLAGE_A, uniqueName("编"), newId(born, true)), 201).path("id").asLong();
        long head = send(get(API + "/" + h), null, 200).path("members").get(0).path("personId").asLong();
        String name = uniqueName("赡");
        send(post(API + "/" + h + "/obligors"), """
                {"name": "%s", "idNumber": "%s", "relation": "SUPPORT_PARENT", "supportedPersonId": %d,
                 "ableToSupport": "YES", "overrideReason": "有稳定工作", "monthlyIncome": "5000.00"}
                """.formatted(name, newId(LocalDate.of(1956, 2, 3), true), head), 201);
        JsonNode before = send(get(API + "/" + h), null, 200).path("obligors").get(0);
        long id = before.path("id").asLong();
        String masked = before.path("idNumberMasked").asString();
        String edit = """
                {"version": %d, "data": {"name": "%s", "idType": "RESIDENT_ID", "idNumber": "%s",
                 "relation": "SUPPORT_CHILD", "supportedPersonId": null, "address": "外县 8 号", "ableToSupport": "UNKNOWN",
                 "monthlySupport": "150.00", "note": "已退休", "birthDate": "1956-02-03", "monthlyIncome": "1800.00",
                 "disabilityCategory": 1, "disabilityGrade": 2, "status": "NONE", "propertyWithinLimits": true,
                 "overrideReason": ""}}""";
        JsonNode after = send(put(API + "/" + h + "/obligors/" + id),
                edit.formatted(before.path("version").asLong(), name + "甲", masked), 200).path("obligors").get(0);
        assertThat(after.path("name").asString()).isEqualTo(name + "甲");
        assertThat(after.path("idNumberMasked").asString()).as("the masked number keeps the stored one").isEqualTo(masked);
        assertThat(after.path("relation").asString()).isEqualTo("SUPPORT_CHILD");
        assertThat(after.path("supportedPersonId").isNull()).isTrue();
        assertThat(after.path("address").asString()).isEqualTo("外县 8 号");
        assertThat(after.path("ableToSupport").asString()).isEqualTo("UNKNOWN");
        assertThat(after.path("monthlySupport").decimalValue()).isEqualByComparingTo("150.00");
        assertThat(after.path("note").asString()).isEqualTo("已退休");
        assertThat(after.path("birthDate").asString()).isEqualTo("1956-02-03");
        assertThat(after.path("monthlyIncome").decimalValue()).isEqualByComparingTo("1800.00");
        assertThat(after.path("disabilityCategory").asInt()).isEqualTo(1);
        assertThat(after.path("disabilityGrade").asInt()).isEqualTo(2);
        assertThat(after.path("status").asString()).isEqualTo("NONE");
        assertThat(after.path("propertyWithinLimits").asBoolean()).isTrue();
        assertThat(after.path("overrideReason").isNull()).isTrue();
        assertThat(after.path("version").asLong()).isGreaterThan(before.path("version").asLong());

        // the version read before the edit is stale now; a decision without reason is refused by name
        send(put(API + "/" + h + "/obligors/" + id), edit.formatted(before.path("version").asLong(), name, masked), 409);
        JsonNode refused = send(put(API + "/" + h + "/obligors/" + id), edit.formatted(after.path("version").asLong(),
                name, masked).replace("\"UNKNOWN\"", "\"NO\""), 422);
        assertThat(refused.path("errors").get(0).path("field").asString()).isEqualTo("overrideReason");
        assertThat(send(get(API + "/" + h), null, 200).path("obligors").get(0).path("name").asString())
                .as("nothing saved by the refused edit").isEqualTo(name + "甲");
        send(put(API + "/" + h + "/obligors/999999999"), edit.formatted(0, name, masked), 404);
    }

    private static JsonNode member(JsonNode file, String name) {
        for (JsonNode m : file.path("members")) {
            if (m.path("name").asString().equals(name)) {
                return m;
            }
        }
        throw new AssertionError(name + " is not a member");
    }
}
