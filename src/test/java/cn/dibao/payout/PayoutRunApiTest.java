package cn.dibao.payout;

import cn.dibao.payout.PayoutApiCalls.Answer;
import cn.dibao.support.Fixtures;
import cn.dibao.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/** /api/v1/payout-runs and /api/v1/payout-items on the real database: each endpoint and its problems. */
@IntegrationTest
class PayoutRunApiTest {

    static final String API = "/api/v1/payout-runs";

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
    @Autowired
    PayoutRunService runs;

    private PayoutApiCalls api() {
        return new PayoutApiCalls(mvc, json);
    }

    private static String newRun(String county, String month) {
        return "{\"countyCode\": \"" + county + "\", \"month\": \"" + month + "\"}";
    }

    @Test
    void aRunGoesThroughTheApi() throws Exception {
        PayoutWebFixture f = new PayoutWebFixture(jdbc, users, fixtures);
        PayoutApiCalls api = api();

        Answer created = api.post(f.generator, API, newRun(f.c.county, "2026-05"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().path("run").path("id").asLong();
        assertThat(created.result().getResponse().getHeader(HttpHeaders.LOCATION)).isEqualTo(API + "/" + id);
        JsonNode run = created.json().path("run");
        assertThat(run.path("status").asString()).isEqualTo("GENERATED");
        assertThat(run.path("month").asString()).isEqualTo("2026-05");
        assertThat(run.path("itemCount").asInt()).isEqualTo(4);
        assertThat(run.path("totalAmount").decimalValue()).isEqualByComparingTo(PayoutWebFixture.TOTAL);
        assertThat(created.json().path("exceptionCount").asInt()).isEqualTo(1);
        BigDecimal sum = BigDecimal.ZERO;
        for (JsonNode t : created.json().path("totals")) {
            sum = sum.add(t.path("amount").decimalValue());
        }
        assertThat(sum).isEqualByComparingTo(PayoutWebFixture.TOTAL);
        JsonNode recon = created.json().path("reconciliation");
        assertThat(recon.path("openCount").asInt()).isEqualTo(4);
        assertThat(recon.path("reconciled").asBoolean()).isFalse();
        // a second POST answers the same run with 200
        Answer again = api.post(f.approver, API, newRun(f.c.county, "2026-05")).ok();
        assertThat(again.json().path("run").path("id").asLong()).isEqualTo(id);

        java.util.List<Long> listed = new java.util.ArrayList<>();
        api.get(f.approver, API + "?limit=500").ok().json().forEach(r -> listed.add(r.path("id").asLong()));
        assertThat(listed).contains(id);
        assertThat(api.get(f.approver, API + "/" + id).ok().json().path("totals")).hasSize(3);
        Answer issues = api.get(f.approver, API + "/" + id + "/issues").ok();
        assertThat(issues.json()).hasSize(1);
        assertThat(issues.json().get(0).path("reason").asString()).isEqualTo("NO_ACCOUNT");
        assertThat(issues.json().get(0).path("benefitId").asLong()).isEqualTo(f.noAccount);

        Answer page1 = api.get(f.approver, API + "/" + id + "/items?limit=3").ok();
        assertThat(page1.json().path("items")).hasSize(3);
        assertThat(page1.json().path("hasMore").asBoolean()).isTrue();
        Answer page2 = api.get(f.approver, API + "/" + id + "/items?limit=3&offset=3").ok();
        assertThat(page2.json().path("items")).hasSize(1);
        assertThat(page2.json().path("hasMore").asBoolean()).isFalse();
        Answer one = api.get(f.approver, API + "/" + id + "/items?q=" + f.b1 + "&kind=MONTHLY&status=ISSUED").ok();
        assertThat(one.json().path("items")).hasSize(1);
        JsonNode item = one.json().path("items").get(0);
        assertThat(item.path("benefitId").asLong()).isEqualTo(f.b1);
        assertThat(item.path("accountMasked").asString()).contains("*").startsWith("6217").hasSize(19);
        assertThat(one.body()).doesNotContain("6217000000" + String.format("%09d", f.b1));

        // four eyes: 403 for the generator, the approval for another reviewer, then the state is wrong
        Answer fourEyes = api.post(f.generator, API + "/" + id + "/approve", null).problem(403);
        assertThat(fourEyes.json().path("detail").asString()).contains("双人审核");
        assertThat(api.post(f.approver, API + "/" + id + "/approve", null).ok().json().path("run").path("status")
                .asString()).isEqualTo("APPROVED");
        api.post(f.approver, API + "/" + id + "/approve", null).problem(422);

        Answer file = api.get(f.approver, API + "/" + id + "/bank-file?format=CSV").ok();
        assertThat(file.contentType()).startsWith("text/csv");
        assertThat(file.result().getResponse().getHeader(HttpHeaders.CONTENT_DISPOSITION)).startsWith("attachment")
                .contains("bank-" + f.c.county.substring(0, 6) + "-2026-05.csv");
        assertThat(file.body().split("\r\n")).hasSize(4);
        assertThat(jdbc.queryForObject("""
                select count(*) from audit_event where action = 'PAYOUT_BANK_FILE' and entity_id = ?""", Integer.class,
                String.valueOf(id))).isEqualTo(1);

        // the bank has not answered: no close
        Answer close = api.post(f.approver, API + "/" + id + "/close", null).problem(422);
        assertThat(close.json().path("detail").asString()).contains("尚有 3 笔银行发放未回盘");
        // return files: the file is required and may not be empty (neither reaches the parser)
        api.upload(f.approver, API + "/" + id + "/returns", null).problem(400, "file");
        api.upload(f.approver, API + "/" + id + "/returns",
                new MockMultipartFile("file", "return.csv", "text/csv", new byte[0])).problem(400, "file");
        api.post(f.approver, API + "/" + id + "/returns", "{}").problem(400, "file");
        assertThat(api.get(f.approver, API + "/" + id + "/returns").ok().json()).isEmpty();

        // 线下补发 of an item the bank failed (its answer set here: the return-file parser is another branch's)
        long failed = jdbc.queryForObject("select id from payout_item where run_id = ? and benefit_id = ?", Long.class,
                id, f.b1);
        String hand = "/api/v1/payout-items/" + failed + "/pay-by-hand";
        Answer notFailed = api.post(f.approver, hand, "{\"note\": \"现金\"}").problem(422);
        assertThat(notFailed.json().path("detail").asString()).contains("只有发放失败或被退回");
        jdbc.update("update payout_item set status = 'RETURNED', fail_reason = '户名不符', answered_at = now() where id = ?",
                failed);
        api.post(f.approver, hand, "{\"note\": \"\"}").problem(400, "note");
        api.post(f.approver, hand, "{\"note\": \"" + "长".repeat(201) + "\"}").problem(400, "note");
        api.post(f.approver, hand, null).problem(400);
        api.post(f.caseworker, hand, "{\"note\": \"现金\"}").problem(403);
        JsonNode paid = api.post(f.approver, hand, "{\"note\": \"窗口现金发放\"}").ok().json();
        assertThat(paid.path("status").asString()).isEqualTo("PAID");
        assertThat(paid.path("reissueOf").asLong()).isEqualTo(failed);
        assertThat(paid.path("handNote").asString()).isEqualTo("窗口现金发放");
        api.post(f.approver, "/api/v1/payout-items/999999999/pay-by-hand", "{\"note\": \"现金\"}").problem(404);
        api.post(f.approver, "/api/v1/payout-items/abc/pay-by-hand", "{\"note\": \"现金\"}").problem(400, "id");
    }

    @Test
    void badRequestsAreProblemsThatNameTheirFields() throws Exception {
        PayoutWebFixture f = new PayoutWebFixture(jdbc, users, fixtures);
        PayoutApiCalls api = api();
        api.post(f.generator, API, "{}").problem(400, "countyCode", "month");
        api.post(f.generator, API, newRun(f.c.county, "2026-13")).problem(400, "month");
        api.post(f.generator, API, "{\"countyCode\": ").problem(400);
        api.post(f.generator, API, null).problem(400);
        api.post(f.generator, API, newRun("abc", "2026-05")).problem(422, "countyCode");
        api.post(f.generator, API, newRun("709999000000", "2026-05")).problem(422, "countyCode");
        api.post(f.generator, API, newRun(f.c.county, "2031-01")).problem(422, "month");
        api.post(f.caseworker, API, newRun(f.c.county, "2026-05")).problem(403);
        PayoutTestCounty other = PayoutTestCounty.create(jdbc, users);
        String stranger = other.reviewer(fixtures);
        api.post(stranger, API, newRun(f.c.county, "2026-05")).problem(403);
        assertThat(jdbc.queryForObject("select count(*) from payout_run where county_code = ?", Integer.class,
                f.c.county)).isZero();

        PayoutRun run = f.run(runs, false);
        String path = API + "/" + run.id();
        api.get(f.approver, API + "?limit=0").problem(400, "limit");
        api.get(f.approver, API + "?limit=abc").problem(400, "limit");
        api.get(f.approver, API + "?limit=501").problem(400, "limit");
        api.get(f.approver, API + "/abc").problem(400, "id");
        api.get(f.approver, API + "/99999999999999999999").problem(400, "id");
        api.get(f.approver, API + "/999999999").problem(404);
        api.get(stranger, path).problem(404);
        api.get(f.caseworker, path).problem(404);
        assertThat(api.get(f.caseworker, API).ok().json()).isEmpty();
        api.get(f.approver, path + "/issues?limit=0").problem(400, "limit");
        api.get(f.approver, path + "/items?kind=FOO").problem(400, "kind");
        api.get(f.approver, path + "/items?status=LOST").problem(400, "status");
        api.get(f.approver, path + "/items?township=123").problem(400, "township");
        api.get(f.approver, path + "/items?limit=501").problem(400, "limit");
        api.get(f.approver, path + "/items?offset=-1").problem(400, "offset");
        api.get(f.approver, path + "/items?q=" + "名".repeat(61)).problem(400, "q");
        api.get(stranger, path + "/items").problem(404);

        // the bank file: an unknown format, or a run not approved yet, is a problem, never a file
        api.get(f.approver, path + "/bank-file?format=pdf").problem(400, "format");
        Answer notYet = api.get(f.approver, path + "/bank-file").problem(422);
        assertThat(notYet.result().getResponse().getHeader(HttpHeaders.CONTENT_DISPOSITION)).isNull();
        api.get(f.caseworker, path + "/bank-file").problem(403);
        // return files and the close of a run that is not exported
        api.upload(f.approver, path + "/returns", new MockMultipartFile("file", "return.csv", "text/csv",
                "参考号,账号,金额,结果,失败原因\r\n".getBytes(StandardCharsets.UTF_8))).problem(422);
        api.post(f.approver, path + "/close", null).problem(422);
        api.post(stranger, path + "/close", null).problem(404);
        assertThat(jdbc.queryForObject("select status from payout_run where id = ?", String.class, run.id()))
                .isEqualTo("GENERATED");

        // without credentials: 401 as a problem
        Answer anonymous = api.call(get(path), null);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.contentType()).contains("problem+json");
    }

    @Test
    void theOpenApiDocumentDescribesThePayoutAndBenefitEndpoints() throws Exception {
        PayoutTestCounty c = PayoutTestCounty.create(jdbc, users);
        String doc = mvc.perform(get("/v3/api-docs").with(org.springframework.security.test.web.servlet.request
                        .SecurityMockMvcRequestPostProcessors.user(users.loadUserByUsername(c.reviewer(fixtures)))))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(doc).contains("\"/api/v1/payout-runs\"", "\"/api/v1/payout-runs/{id}\"",
                "\"/api/v1/payout-runs/{id}/issues\"", "\"/api/v1/payout-runs/{id}/items\"",
                "\"/api/v1/payout-runs/{id}/approve\"", "\"/api/v1/payout-runs/{id}/bank-file\"",
                "\"/api/v1/payout-runs/{id}/returns\"", "\"/api/v1/payout-runs/{id}/close\"",
                "\"/api/v1/payout-items/{id}/pay-by-hand\"", "\"/api/v1/benefits/{id}\"",
                "\"/api/v1/benefits/{id}/changes\"", "\"/api/v1/benefits/{id}/gradual-exit\"",
                "\"name\":\"payout-runs\"", "\"name\":\"benefits\"");
    }
}
