package cn.dibao.payout;

import cn.dibao.common.identity.IdNumbers;
import cn.dibao.household.HouseholdTestData;
import cn.dibao.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.util.ArrayList;
import java.util.List;

import static cn.dibao.household.HouseholdTestData.newId;
import static cn.dibao.household.HouseholdTestData.uniqueName;
import static cn.dibao.payout.AccountSamples.badCheckDigit;
import static cn.dibao.payout.AccountSamples.card;
import static cn.dibao.support.Fixtures.DEMO_PASSWORD;
import static cn.dibao.support.Fixtures.VILLAGE_A;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** /api/v1 payment accounts: 201/200 with masked numbers, RFC 9457 problems naming their fields, never a 500. */
@IntegrationTest
class PaymentAccountApiTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    ObjectMapper json;
    @Autowired
    HouseholdTestData data;
    @Autowired
    PaymentAccountService accounts;

    long household;
    String headName;
    String headId;
    long head;

    record Answer(int status, String contentType, String body, JsonNode json, MvcResult result) {

        List<String> fields() {
            List<String> fields = new ArrayList<>();
            json.path("errors").forEach(e -> fields.add(e.path("field").asString()));
            return fields;
        }
    }

    @BeforeEach
    void household() {
        headName = uniqueName("诸葛");
        headId = newId();
        household = data.household("caseworker", VILLAGE_A, headName, headId);
        head = data.headPersonId(household);
    }

    private Answer call(MockHttpServletRequestBuilder request, String user) throws Exception {
        MvcResult r = mvc.perform(request.with(httpBasic(user, DEMO_PASSWORD))).andReturn();
        String body = r.getResponse().getContentAsString();
        return new Answer(r.getResponse().getStatus(), r.getResponse().getContentType(), body,
                body.isEmpty() ? json.createObjectNode() : json.readTree(body), r);
    }

    private Answer open(String user, long householdId, String body) throws Exception {
        return call(post("/api/v1/households/{id}/payment-accounts", householdId)
                .contentType(MediaType.APPLICATION_JSON).content(body), user);
    }

    private String body(String accountNo, String holderName, String holderId, String extra) {
        return """
                {"personId": %d, "channel": "BANK_CARD", "bankName": "中国农业银行黄岛支行", "accountNo": "%s",
                 "holderName": "%s", "holderIdNumber": "%s"%s}""".formatted(head, accountNo, holderName, holderId,
                extra == null ? "" : ", " + extra);
    }

    private static void assertProblem(Answer a, int status) {
        assertThat(a.status()).as(a.body()).isEqualTo(status);
        assertThat(a.contentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        assertThat(a.json().path("status").asInt()).isEqualTo(status);
    }

    @Test
    void openListGetAndDeactivate() throws Exception {
        String no = card();
        Answer created = open("caseworker", household, body(no, headName, headId, null));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().path("id").asLong();
        assertThat(created.result().getResponse().getHeader(HttpHeaders.LOCATION)).isEqualTo("/api/v1/payment-accounts/" + id);
        assertThat(created.json().path("accountNoMasked").asString()).isEqualTo(AccountNumbers.mask(no));
        assertThat(created.json().path("holderIdNumberMasked").asString()).isEqualTo(IdNumbers.mask(headId));
        assertThat(created.json().path("active").asBoolean()).isTrue();
        assertThat(created.body()).doesNotContain(no).doesNotContain(headId);

        // replaced by the reviewer: the old one is kept, inactive
        String next = card("6231", 16);
        Answer second = open("reviewer", household, body(next, headName, IdNumbers.mask(headId), "\"channel\": \"SSC\"")
                .replace("\"channel\": \"BANK_CARD\", ", ""));
        assertThat(second.status()).as(second.body()).isEqualTo(201);
        assertThat(second.json().path("channel").asString()).isEqualTo("SSC");

        Answer list = call(get("/api/v1/households/{id}/payment-accounts", household), "auditor");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().size()).isEqualTo(2);
        assertThat(list.json().get(0).path("id").asLong()).isEqualTo(second.json().path("id").asLong());
        assertThat(list.json().get(1).path("active").asBoolean()).isFalse();
        assertThat(list.body()).doesNotContain(no).doesNotContain(next).doesNotContain(headId);
        assertThat(call(get("/api/v1/households/{id}/payment-accounts", household), "admin").status()).isEqualTo(200);
        assertThat(call(get("/api/v1/payment-accounts/{id}", id), "caseworker").json().path("active").asBoolean()).isFalse();

        long current = second.json().path("id").asLong();
        Answer noReason = call(post("/api/v1/payment-accounts/{id}/deactivate", current)
                .contentType(MediaType.APPLICATION_JSON).content("{}"), "caseworker");
        assertProblem(noReason, 422);
        assertThat(noReason.fields()).containsExactly("reason");
        Answer done = call(post("/api/v1/payment-accounts/{id}/deactivate", current)
                .contentType(MediaType.APPLICATION_JSON).content("{\"reason\": \"社保卡挂失\"}"), "caseworker");
        assertThat(done.status()).as(done.body()).isEqualTo(200);
        assertThat(done.json().path("active").asBoolean()).isFalse();
        assertThat(done.json().path("deactivatedBy").asString()).isEqualTo("caseworker");
        Answer again = call(post("/api/v1/payment-accounts/{id}/deactivate", current)
                .contentType(MediaType.APPLICATION_JSON).content("{\"reason\": \"再次\"}"), "caseworker");
        assertProblem(again, 422);
    }

    @Test
    void badInputIsAProblemNamingTheField() throws Exception {
        // rules: 422
        Answer luhn = open("caseworker", household, body(badCheckDigit(card()), headName, headId, null));
        assertProblem(luhn, 422);
        assertThat(luhn.fields()).containsExactly("accountNo");
        assertThat(luhn.json().path("detail").asString()).contains("校验位");
        Answer holder = open("caseworker", household, body(card(), "李监护", newId(), null));
        assertProblem(holder, 422);
        assertThat(holder.fields()).containsExactly("holderIdNumber");
        assertThat(holder.json().path("detail").asString()).contains("账户持有人须为收款人本人");
        Answer custody = open("caseworker", household, body(card(), "李监护", newId(), "\"custody\": true"));
        assertProblem(custody, 422);
        assertThat(custody.fields()).containsExactly("custodyDocumentId");

        // missing and malformed fields: 400
        Answer missing = open("caseworker", household, "{\"personId\": " + head + "}");
        assertProblem(missing, 400);
        assertThat(missing.fields()).contains("channel", "bankName", "accountNo", "holderName", "holderIdNumber");
        Answer channel = open("caseworker", household, body(card(), headName, headId, null).replace("BANK_CARD", "CASH"));
        assertProblem(channel, 400);
        assertThat(channel.fields()).containsExactly("channel");
        Answer broken = open("caseworker", household, "{\"personId\": ");
        assertProblem(broken, 400);
        Answer notNumber = call(get("/api/v1/households/{id}/payment-accounts", "abc"), "caseworker");
        assertProblem(notNumber, 400);

        assertThat(data.count("payment_account", "household_id = ?", household)).isZero();
    }

    @Test
    void custodyReferencesAnAgreementFiledForTheHousehold() throws Exception {
        String guardian = newId();
        long first = data.as("caseworker", () -> accounts.open(household, new PaymentAccountForm(head,
                PaymentChannel.BANK_CARD, "农业银行", card(), "李监护", null, guardian, true, null),
                new MockMultipartFile("agreement", "协议.png", "image/png", AccountSamples.pdf())));
        long doc = data.as("caseworker", () -> accounts.get(first)).custodyDocumentId();
        Answer a = open("caseworker", household, body(card(), "李监护", guardian, "\"custody\": true, \"custodyDocumentId\": " + doc));
        assertThat(a.status()).as(a.body()).isEqualTo(201);
        assertThat(a.json().path("custody").asBoolean()).isTrue();
        assertThat(a.json().path("custodyDocumentId").asLong()).isEqualTo(doc);
    }

    @Test
    void rolesScopeAndTheAuditedReveal() throws Exception {
        String no = card();
        Answer created = open("caseworker", household, body(no, headName, headId, null));
        long id = created.json().path("id").asLong();

        assertProblem(open("auditor", household, body(card(), headName, headId, null)), 403);
        assertProblem(open("admin", household, body(card(), headName, headId, null)), 403);
        assertProblem(call(post("/api/v1/payment-accounts/{id}/deactivate", id).contentType(MediaType.APPLICATION_JSON)
                .content("{\"reason\": \"x\"}"), "auditor"), 403);
        assertProblem(call(get("/api/v1/households/{id}/payment-accounts", household), "caseworker2"), 404);
        assertProblem(call(get("/api/v1/payment-accounts/{id}", id), "caseworker2"), 404);
        assertProblem(open("caseworker2", household, body(card(), headName, headId, null)), 404);
        assertProblem(call(post("/api/v1/payment-accounts/{id}/deactivate", id).contentType(MediaType.APPLICATION_JSON)
                .content("{\"reason\": \"x\"}"), "caseworker2"), 404);
        assertProblem(call(post("/api/v1/payment-accounts/{id}/reveal", id), "caseworker2"), 404);
        assertProblem(call(post("/api/v1/payment-accounts/{id}/reveal", id), "auditor"), 403);
        assertThat(data.count("audit_event", "action = 'PAYMENT_ACCOUNT_REVEALED' and entity_id = ?", String.valueOf(id))).isZero();

        Answer revealed = call(post("/api/v1/payment-accounts/{id}/reveal", id), "reviewer");
        assertThat(revealed.status()).isEqualTo(200);
        assertThat(revealed.json().path("accountNo").asString()).isEqualTo(no);
        assertThat(revealed.json().path("holderIdNumber").asString()).isEqualTo(headId);
        assertThat(data.count("audit_event", "action = 'PAYMENT_ACCOUNT_REVEALED' and entity_id = ? and actor = 'reviewer'",
                String.valueOf(id))).isEqualTo(1);
        assertThat(data.count("payment_account", "id = ? and active", id)).isEqualTo(1);
    }
}
