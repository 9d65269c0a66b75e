package cn.dibao.household;

import cn.dibao.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static cn.dibao.household.HouseholdTestData.masked;
import static cn.dibao.household.HouseholdTestData.newId;
import static cn.dibao.household.HouseholdTestData.uniqueName;
import static cn.dibao.support.Fixtures.DEMO_PASSWORD;
import static cn.dibao.support.Fixtures.VILLAGE_A;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

/** The JSON API: the same rules as the pages, every failure an RFC 9457 problem naming its fields. */
@IntegrationTest
class HouseholdApiTest {

    private static final String API = "/api/v1/households";

    @Autowired
    MockMvc mvc;
    @Autowired
    ObjectMapper json;
    @Autowired
    HouseholdTestData data;

    record Answer(int status, String contentType, String body, JsonNode json, MvcResult result) {

        List<String> fields() {
            List<String> fields = new ArrayList<>();
            json.path("errors").forEach(e -> fields.add(e.path("field").asString()));
            return fields;
        }
    }

    private Answer call(MockHttpServletRequestBuilder request, String user) throws Exception {
        if (user != null) {
            request.with(httpBasic(user, DEMO_PASSWORD));
        }
        MvcResult r = mvc.perform(request).andReturn();
        String body = r.getResponse().getContentAsString();
        Answer a = new Answer(r.getResponse().getStatus(), r.getResponse().getContentType(), body,
                body.isBlank() ? json.nullNode() : json.readTree(body), r);
        assertThat(a.status()).as("never a server error: %s", body).isLessThan(500);
        assertThat(body).as("no internals in the answer").doesNotContain("Exception").doesNotContain("at cn.dibao")
                .doesNotContain("\"trace\"").doesNotContain("java.").doesNotContain("org.springframework");
        return a;
    }

    private Answer send(MockHttpServletRequestBuilder request, String user, String body) throws Exception {
        return call(request.contentType(MediaType.APPLICATION_JSON).content(body), user);
    }

    private static void assertProblem(Answer a, int status) {
        assertThat(a.status()).as(a.body()).isEqualTo(status);
        assertThat(MediaType.parseMediaType(a.contentType()).isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
        assertThat(a.json().path("status").asInt()).isEqualTo(status);
        assertThat(a.json().path("type").asString()).startsWith("urn:dibao:problem:");
        assertThat(a.json().path("title").asString()).isNotBlank();
    }

    private static String household(String village, String address, String name, String idNumber) {
        return """
                {"household": {"areaCode": "%s", "address": "%s", "hukouType": "URBAN", "tags": ["ELDERLY_ALONE"]},
                 "head": {"name": "%s", "idType": "RESIDENT_ID", "idNumber": "%s", "phone": "13800001111"}}
                """.formatted(village, address, name, idNumber);
    }

    private long create(String idNumber) throws Exception {
        Answer a = send(post(API), "caseworker", household(VILLAGE_A, "接口路 1 号", uniqueName("接"), idNumber));
        assertThat(a.status()).as(a.body()).isEqualTo(201);
        return a.json().path("id").asLong();
    }

    @Test
    void createsAHouseholdAndReadsItBackMasked() throws Exception {
        String id = newId(LocalDate.of(1966, 12, 5), false);
        String name = uniqueName("接");
        Answer created = send(post(API), "caseworker", household(VILLAGE_A, "接口路 2 号", name, id.toLowerCase()));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long householdId = created.json().path("id").asLong();
        assertThat(created.result().getResponse().getHeader(HttpHeaders.LOCATION)).isEqualTo(API + "/" + householdId);

        Answer file = call(get(API + "/" + householdId), "caseworker");
        assertThat(file.status()).isEqualTo(200);
        JsonNode head = file.json().path("members").get(0);
        assertThat(head.path("name").asString()).isEqualTo(name);
        assertThat(head.path("relation").asString()).isEqualTo("HEAD");
        assertThat(head.path("idNumberMasked").asString()).isEqualTo(masked(id));
        assertThat(head.path("sex").asString()).isEqualTo("F");
        assertThat(head.path("birthDate").asString()).isEqualTo("1966-12-05");
        assertThat(head.path("phoneMasked").asString()).isEqualTo("138000*1111");
        assertThat(file.json().path("tags").get(0).asString()).isEqualTo("ELDERLY_ALONE");
        assertThat(file.body()).doesNotContain(id).doesNotContain("13800001111");
        // readers see it too
        assertThat(call(get(API + "/" + householdId), "auditor").status()).isEqualTo(200);
        assertThat(call(get(API + "/" + householdId), "reviewer").status()).isEqualTo(200);
    }

    @Test
    void aWrongCheckDigitIsARuleViolationOnTheHeadsNumber() throws Exception {
        String id = newId();
        String wrong = id.substring(0, 17) + (id.charAt(17) == '0' ? '1' : '0');
        long before = data.count("household", "");
        Answer a = send(post(API), "caseworker", household(VILLAGE_A, "接口路 3 号", uniqueName("接"), wrong));
        assertProblem(a, 422);
        assertThat(a.fields()).containsExactly("head.idNumber");
        assertThat(a.json().path("errors").get(0).path("message").asString()).isEqualTo("证件号码校验位不正确，请核对");
        assertThat(data.count("household", "")).isEqualTo(before);
    }

    @Test
    void aPersonInAnotherHouseholdIsARuleViolationOnTheMembersNumber() throws Exception {
        String id = newId();
        long first = create(id);
        long second = create(newId());
        Answer a = send(post(API + "/" + second + "/members"), "caseworker", """
                {"member": {"relation": "SPOUSE", "counted": true},
                 "person": {"name": "%s", "idType": "RESIDENT_ID", "idNumber": "%s"}}
                """.formatted(uniqueName("接"), id));
        assertProblem(a, 422);
        assertThat(a.fields()).containsExactly("person.idNumber");
        assertThat(a.json().path("errors").get(0).path("message").asString()).contains("#" + first).doesNotContain("{0}");
    }

    static Stream<Arguments> badBodies() {
        String today = LocalDate.now().toString();
        return Stream.of(
                arguments("empty object", "{}", List.of("household", "head")),
                arguments("empty parts", "{\"household\": {}, \"head\": {}}",
                        List.of("household.areaCode", "household.address", "household.hukouType", "head.name",
                                "head.idType", "head.idNumber")),
                arguments("unknown hukou type", household(VILLAGE_A, "接口路", "王一", "110101197003010011")
                        .replace("\"URBAN\"", "\"SUBURBAN\""), List.of("household.hukouType")),
                arguments("unknown tag", household(VILLAGE_A, "接口路", "王一", "110101197003010011")
                        .replace("\"ELDERLY_ALONE\"", "\"RICH\""), List.of("household.tags[0]")),
                arguments("address too long", household(VILLAGE_A, "路".repeat(201), "王一", "110101197003010011"),
                        List.of("household.address")),
                arguments("name too long", household(VILLAGE_A, "接口路", "张".repeat(51), "110101197003010011"),
                        List.of("head.name")),
                arguments("script as name", household(VILLAGE_A, "接口路", "<script>alert(1)</script>", "110101197003010011"),
                        List.of("head.name")),
                arguments("bad birth date", household(VILLAGE_A, "接口路", "王一", "110101197003010011")
                        .replace("\"phone\"", "\"birthDate\": \"2024-13-45\", \"phone\""), List.of("head.birthDate")),
                arguments("future birth date", household(VILLAGE_A, "接口路", "王一", "110101197003010011")
                        .replace("\"phone\"", "\"birthDate\": \"" + LocalDate.now().plusDays(1) + "\", \"phone\""),
                        List.of("head.birthDate")),
                arguments("number for text", "{\"household\": {\"areaCode\": \"" + VILLAGE_A + "\", \"address\": [1, 2], "
                        + "\"hukouType\": \"URBAN\"}, \"head\": {}}", List.of("household.address")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badBodies")
    void badBodiesNameTheirFields(String what, String body, List<String> fields) throws Exception {
        long before = data.count("household", "");
        Answer a = send(post(API), "caseworker", body);
        assertProblem(a, 400);
        assertThat(a.fields()).containsExactlyInAnyOrderElementsOf(fields);
        a.json().path("errors").forEach(e -> assertThat(e.path("message").asString()).isNotBlank()
                .doesNotMatch("[a-zA-Z]+(\\.[a-zA-Z0-9]+)+").doesNotContain("{"));
        assertThat(data.count("household", "")).isEqualTo(before);
    }

    @Test
    void badItemAmountsAndDatesNameTheirFields() throws Exception {
        long h = create(newId());
        long head = data.headPersonId(h);
        String today = LocalDate.now().toString();
        String income = "{\"personId\": %d, \"category\": \"WAGE\", \"monthlyAmount\": %s, \"periodFrom\": %s}";
        record Bad(String body, String field) {
        }
        List<Bad> bads = List.of(
                new Bad(income.formatted(head, "\"abc\"", "\"" + today + "\""), "monthlyAmount"),
                new Bad(income.formatted(head, "-1", "\"" + today + "\""), "monthlyAmount"),
                new Bad(income.formatted(head, "1.234", "\"" + today + "\""), "monthlyAmount"),
                new Bad(income.formatted(head, "null", "\"" + today + "\""), "monthlyAmount"),
                new Bad(income.formatted(head, "100", "\"2024-13-45\""), "periodFrom"),
                new Bad(income.formatted(head, "100", "null"), "periodFrom"),
                new Bad(income.formatted(head, "100", "\"" + today + "\"").replace("\"WAGE\"", "\"LOTTERY\""), "category"));
        for (Bad bad : bads) {
            Answer a = send(post(API + "/" + h + "/incomes"), "caseworker", bad.body());
            assertProblem(a, 400);
            assertThat(a.fields()).as(bad.body()).containsExactly(bad.field());
        }
        Answer period = send(post(API + "/" + h + "/incomes"), "caseworker",
                "{\"personId\": %d, \"category\": \"WAGE\", \"monthlyAmount\": 1, \"periodFrom\": \"%s\", \"periodTo\": \"%s\"}"
                        .formatted(head, today, LocalDate.now().minusDays(1)));
        assertProblem(period, 422);
        assertThat(period.fields()).containsExactly("periodTo");
        assertThat(data.count("income_item", "household_id = ?", h)).isZero();

        Answer ok = send(post(API + "/" + h + "/incomes"), "caseworker", income.formatted(head, "100.5", "\"" + today + "\""));
        assertThat(ok.status()).as(ok.body()).isEqualTo(201);
        long item = ok.json().path("id").asLong();
        assertThat(call(delete(API + "/" + h + "/incomes/" + item), "caseworker").status()).isEqualTo(204);
        assertProblem(call(delete(API + "/" + h + "/incomes/" + item), "caseworker"), 404);
    }

    @Test
    void transferSpendingDeductionsAreSavedAndReadBack() throws Exception {
        long h = create(newId());
        long head = data.headPersonId(h);
        String deduction = "{\"personId\": %s, \"type\": \"%s\", \"description\": \"%s\", \"monthlyAmount\": %s, "
                + "\"periodFrom\": \"2026-01-01\", \"periodTo\": %s}";
        Answer social = send(post(API + "/" + h + "/deductions"), "caseworker",
                deduction.formatted(head, "SOCIAL_INSURANCE", "城乡居民养老保险个人缴费", "200.00", "\"2026-12-31\""));
        assertThat(social.status()).as(social.body()).isEqualTo(201);
        Answer support = send(post(API + "/" + h + "/deductions"), "caseworker",
                deduction.formatted("null", "SUPPORT_PAID", "给户外母亲的赡养费", "150.50", "null"));
        assertThat(support.status()).as(support.body()).isEqualTo(201);
        // a kind that does not exist is a field error, and nothing is saved
        Answer bad = send(post(API + "/" + h + "/deductions"), "caseworker",
                deduction.formatted(head, "INCOME_TAX", "个税", "10", "null"));
        assertProblem(bad, 400);
        assertThat(bad.fields()).containsExactly("type");
        assertThat(data.count("deduction_item", "household_id = ?", h)).isEqualTo(2);

        JsonNode items = call(get(API + "/" + h), "caseworker").json().path("deductions");
        assertThat(items).hasSize(2);
        JsonNode first = items.get(0).path("type").asString().equals("SOCIAL_INSURANCE") ? items.get(0) : items.get(1);
        JsonNode second = first == items.get(0) ? items.get(1) : items.get(0);
        assertThat(first.path("type").asString()).isEqualTo("SOCIAL_INSURANCE");
        assertThat(first.path("personId").asLong()).isEqualTo(head);
        assertThat(first.path("description").asString()).isEqualTo("城乡居民养老保险个人缴费");
        assertThat(first.path("monthlyAmount").decimalValue()).isEqualByComparingTo("200.00");
        assertThat(first.path("periodFrom").asString()).isEqualTo("2026-01-01");
        assertThat(first.path("periodTo").asString()).isEqualTo("2026-12-31");
        assertThat(second.path("type").asString()).isEqualTo("SUPPORT_PAID");
        assertThat(second.path("personId").isNull()).isTrue();
        assertThat(second.path("description").asString()).isEqualTo("给户外母亲的赡养费");
        assertThat(second.path("monthlyAmount").decimalValue()).isEqualByComparingTo("150.50");
        assertThat(second.path("periodTo").isNull()).isTrue();
    }

    @Test
    void unreadableRequestsAreProblemsToo() throws Exception {
        Answer broken = send(post(API), "caseworker", "{\"household\": ");
        assertProblem(broken, 400);
        Answer text = call(post(API).contentType(MediaType.TEXT_PLAIN).content("hello"), "caseworker");
        assertProblem(text, 415);
        Answer badId = call(get(API + "/abc"), "caseworker");
        assertProblem(badId, 400);
        assertThat(badId.fields()).containsExactly("id");
        Answer unknown = call(get("/api/v1/nothing-here"), "caseworker");
        assertProblem(unknown, 404);
        Answer method = call(delete(API), "caseworker");
        assertThat(method.status()).isIn(404, 405);
    }

    @Test
    void aStaleVersionIsAConflict() throws Exception {
        long h = create(newId());
        long version = call(get(API + "/" + h), "caseworker").json().path("version").asLong();
        String update = "{\"version\": %d, \"data\": {\"areaCode\": \"%s\", \"address\": \"%s\", \"hukouType\": \"RURAL\"}}";

        Answer first = send(put(API + "/" + h), "caseworker", update.formatted(version, VILLAGE_A, "改后地址一"));
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.json().path("address").asString()).isEqualTo("改后地址一");
        assertThat(first.json().path("version").asLong()).isGreaterThan(version);

        Answer stale = send(put(API + "/" + h), "caseworker", update.formatted(version, VILLAGE_A, "改后地址二"));
        assertProblem(stale, 409);
        assertThat(stale.json().path("type").asString()).isEqualTo("urn:dibao:problem:conflict");
        assertThat(call(get(API + "/" + h), "caseworker").json().path("address").asString()).isEqualTo("改后地址一");

        Answer noVersion = send(put(API + "/" + h), "caseworker",
                "{\"data\": {\"areaCode\": \"%s\", \"address\": \"x\", \"hukouType\": \"RURAL\"}}".formatted(VILLAGE_A));
        assertProblem(noVersion, 400);
        assertThat(noVersion.fields()).containsExactly("version");
        Answer badData = send(put(API + "/" + h), "caseworker",
                "{\"version\": %d, \"data\": {\"areaCode\": \"%s\", \"address\": \"\", \"hukouType\": \"RURAL\"}}"
                        .formatted(version + 1, VILLAGE_A));
        assertProblem(badData, 400);
        assertThat(badData.fields()).containsExactly("data.address");

        // the same for a membership
        JsonNode head = call(get(API + "/" + h), "caseworker").json().path("members").get(0);
        String membership = "{\"version\": %d, \"data\": {\"relation\": \"HEAD\", \"counted\": %s, \"notCountedReason\": %s}}";
        String url = API + "/" + h + "/members/" + head.path("memberId").asLong();
        long memberVersion = head.path("memberVersion").asLong();
        Answer m1 = send(put(url), "caseworker", membership.formatted(memberVersion, "false", "\"LOCAL_RULE\""));
        assertThat(m1.status()).as(m1.body()).isEqualTo(200);
        Answer m2 = send(put(url), "caseworker", membership.formatted(memberVersion, "true", "null"));
        assertProblem(m2, 409);
        Answer noReason = send(put(url), "caseworker", membership.formatted(memberVersion + 1, "false", "null"));
        assertProblem(noReason, 422);
        assertThat(noReason.fields()).containsExactly("notCountedReason");
    }

    @Test
    void aDoubleAddAtTheSameMomentIsOneMemberAndOneProblem() throws Exception {
        long h1 = create(newId());
        long h2 = create(newId());
        String id = newId();
        String body = """
                {"member": {"relation": "CHILD", "counted": true},
                 "person": {"name": "%s", "idType": "RESIDENT_ID", "idNumber": "%s"}}
                """.formatted(uniqueName("接"), id);
        java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(2);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            List<java.util.concurrent.Future<Answer>> answers = new ArrayList<>();
            for (long h : List.of(h1, h2)) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return send(post(API + "/" + h + "/members"), "caseworker", body);
                }));
            }
            List<Integer> statuses = new ArrayList<>();
            for (var f : answers) {
                Answer a = f.get(30, java.util.concurrent.TimeUnit.SECONDS);
                statuses.add(a.status());
                if (a.status() != 201) {
                    assertProblem(a, a.status());
                }
            }
            assertThat(statuses).containsOnlyOnce(201).allMatch(s -> s == 201 || s == 409 || s == 422);
        } finally {
            pool.shutdownNow();
        }
        assertThat(data.count("household_member m join person p on p.id = m.person_id", "p.id_number = ?", id)).isEqualTo(1);
    }

    @Test
    void onlyCaseworkersWrite() throws Exception {
        long before = data.count("household", "");
        for (String reader : List.of("auditor", "reviewer")) {
            Answer a = send(post(API), reader, household(VILLAGE_A, "接口路 9 号", uniqueName("接"), newId()));
            assertProblem(a, 403);
            assertThat(a.json().path("type").asString()).isEqualTo("urn:dibao:problem:forbidden");
        }
        long h = create(newId());
        long head = data.headPersonId(h);
        Answer income = send(post(API + "/" + h + "/incomes"), "auditor",
                "{\"personId\": %d, \"category\": \"WAGE\", \"monthlyAmount\": 1, \"periodFrom\": \"%s\"}"
                        .formatted(head, LocalDate.now()));
        assertProblem(income, 403);
        assertThat(data.count("household", "")).isEqualTo(before + 1);
        assertThat(data.count("income_item", "household_id = ?", h)).isZero();

        Answer nobody = call(get(API + "/" + h), null);
        assertProblem(nobody, 401);
        assertThat(nobody.result().getResponse().getHeader(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Basic");
        Answer admin = call(get(API + "/" + h), "admin");
        assertProblem(admin, 403);
    }
}
