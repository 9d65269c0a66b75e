package cn.dibao.application;

import cn.dibao.application.ApplicationApi.Answer;
import cn.dibao.application.ApplicationApi.Household;
import cn.dibao.calendar.WorkingCalendar;
import cn.dibao.support.Fixtures;
import cn.dibao.support.IntegrationTest;
import cn.dibao.support.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static cn.dibao.application.ApplicationApi.ALL_MATERIALS;
import static cn.dibao.application.ApplicationApi.API;
import static cn.dibao.application.ApplicationApi.homeVisit;
import static cn.dibao.application.ApplicationApi.newApplication;
import static cn.dibao.application.ApplicationApi.review;
import static cn.dibao.support.Fixtures.VILLAGE_A;
import static cn.dibao.support.Fixtures.VILLAGE_B;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * /api/v1/applications on the real database: a case from the window to the benefit, and the
 * rules the API must keep (roles, four-eyes, states, scope, input) as problem documents.
 */
@IntegrationTest
class ApplicationApiTest {

    /** Monday 3 August 2026, 10:00 in Beijing: a plain working week in the seeded 2026 calendar. */
    private static final Instant AUG_3 = Instant.parse("2026-08-03T02:00:00Z");
    private static final LocalDate AUG_3_DAY = LocalDate.of(2026, 8, 3);

    @Autowired
    ApplicationApi api;
    @Autowired
    MutableClock clock;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    WorkingCalendar calendar;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void aCaseGoesFromTheWindowToABenefitWithAnObjectionOnTheWay() throws Exception {
        clock.set(AUG_3);
        Household h = api.household("caseworker", VILLAGE_A, "1000.00");

        // 受理 with every material: accepted, the investigation must start within 3 working days
        Answer created = api.send("caseworker", API, newApplication(h, "DIBAO", AUG_3_DAY, ALL_MATERIALS));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().path("id").asLong();
        assertThat(created.result().getResponse().getHeader(HttpHeaders.LOCATION)).isEqualTo(API + "/" + id);
        JsonNode c = created.json();
        assertThat(c.path("state").asString()).isEqualTo("ACCEPTED");
        assertThat(c.path("householdId").asLong()).isEqualTo(h.id());
        assertThat(c.path("applicantName").asString()).isNotBlank();
        assertThat(c.path("householdSize").asInt()).isEqualTo(2);
        assertThat(c.path("acceptedBy").asString()).isEqualTo("caseworker");
        assertThat(c.path("missingMaterials")).isEmpty();
        assertThat(c.path("promiseSigned").asBoolean()).isTrue();
        assertThat(c.path("stepDue").path("due").asString()).isEqualTo("2026-08-06");
        assertThat(c.path("stepDue").path("status").asString()).isEqualTo("ON_TIME");
        assertThat(c.path("totalDue").path("due").asString())
                .isEqualTo(calendar.addWorkingDays(AUG_3_DAY, 30).toString());
        assertThat(c.path("timeline").get(0).path("action").asString()).isEqualTo("ACCEPT");

        // 调查: home visit by two, neighbours, 核对 — then 初审 as of July 2026
        api.investigate(id, "caseworker", AUG_3_DAY);
        Answer reviewed = api.act("caseworker", id, "township-review", review(true)).ok();
        JsonNode r = reviewed.json();
        assertThat(r.path("state").asString()).isEqualTo("PUBLICITY");
        assertThat(r.path("proposedCategory").asString()).isEqualTo("DIBAO");
        assertThat(r.path("proposedAmount").decimalValue()).isEqualByComparingTo("710.00"); // 855 × 2 − 1000
        assertThat(r.path("checkId").asLong()).isPositive();
        assertThat(r.path("homeVisits").get(0).path("investigators").size()).isEqualTo(2);
        assertThat(r.path("interviews")).hasSize(1);
        assertThat(r.path("verifications").get(0).path("outcome").asString()).isEqualTo("CONSISTENT");
        JsonNode publicity = r.path("publicities").get(0);
        assertThat(publicity.path("startsOn").asString()).isEqualTo("2026-08-03");
        assertThat(publicity.path("endsOn").asString()).isEqualTo("2026-08-09"); // 7 calendar days
        assertThat(publicity.path("amount").decimalValue()).isEqualByComparingTo("710.00");
        assertThat(publicity.toString()).doesNotContain("idNumber").doesNotContain("110101");

        // an objection sends it back to the investigation for round 2
        clock.advance(Duration.ofDays(1));
        Answer objected = api.act("caseworker", id, "objections",
                "{\"receivedOn\": \"2026-08-04\", \"content\": \"邻居反映申请人有经营收入\"}").ok();
        assertThat(objected.state()).isEqualTo("INVESTIGATING");
        assertThat(objected.json().path("round").asInt()).isEqualTo(2);
        assertThat(objected.json().path("complaint").asBoolean()).isTrue();
        assertThat(objected.json().path("objections").get(0).path("round").asInt()).isEqualTo(1);
        assertThat(objected.json().path("stepDue").path("due").asString())
                .isEqualTo(calendar.addWorkingDays(LocalDate.of(2026, 8, 4), 15).toString());
        api.act("caseworker", id, "home-visits", homeVisit(LocalDate.of(2026, 8, 4))).ok();
        api.act("caseworker", id, "submit-investigation").ok();
        Answer second = api.act("caseworker", id, "township-review", review(true)).ok();
        assertThat(second.json().path("publicities")).hasSize(2);
        assertThat(second.json().path("reviews").get(1).path("round").asInt()).isEqualTo(2);
        String endsOn = second.json().path("publicities").get(1).path("endsOn").asString();
        assertThat(endsOn).isEqualTo("2026-08-10");

        // 公示 cannot close before its last day has passed
        Answer early = api.act("caseworker", id, "close-publicity").problem(422);
        assertThat(early.detail()).isEqualTo("公示期至 2026-08-10 结束，期满后才能结束公示");
        clock.advance(Duration.ofDays(7)); // 11 August
        Answer closed = api.act("caseworker", id, "close-publicity").ok();
        assertThat(closed.state()).isEqualTo("AWAITING_DECISION");
        assertThat(closed.json().path("visitRequired").asBoolean()).as("an objection means a county visit").isTrue();
        assertThat(closed.json().path("stepDue").path("due").asString())
                .isEqualTo(calendar.addWorkingDays(LocalDate.of(2026, 8, 11), 10).toString());

        // the decision: not by a caseworker, not before the county's visit
        Answer byCaseworker = api.act("caseworker", id, "approve").problem(403);
        assertThat(byCaseworker.detail()).isEqualTo("此操作须由审核人员办理");
        Answer noVisit = api.act("reviewer", id, "approve").problem(422);
        assertThat(noVisit.detail()).contains("县级入户核查");
        Answer countyVisit = api.act("reviewer", id, "home-visits", homeVisit(LocalDate.of(2026, 8, 11))).ok();
        assertThat(countyVisit.json().path("visitDoneOn").asString()).isEqualTo("2026-08-11");
        assertThat(countyVisit.json().path("homeVisits").get(2).path("kind").asString()).isEqualTo("COUNTY");

        Answer approved = api.act("reviewer", id, "approve", "{\"comment\": \"同意纳入低保\"}").ok();
        JsonNode a = approved.json();
        assertThat(a.path("state").asString()).isEqualTo("APPROVED");
        assertThat(a.path("decidedBy").asString()).isEqualTo("reviewer");
        assertThat(a.path("decidedOn").asString()).isEqualTo("2026-08-11");
        assertThat(a.path("totalDue").path("status").asString()).isEqualTo("DONE");
        long benefitId = a.path("benefitIds").get(0).asLong();
        Map<String, Object> benefit = jdbc.queryForMap("select * from benefit where id = ?", benefitId);
        assertThat(benefit.get("application_id")).isEqualTo(id);
        assertThat(benefit.get("household_id")).isEqualTo(h.id());
        assertThat(benefit.get("payee_person_id")).isEqualTo(h.headPersonId());
        assertThat(benefit.get("start_month").toString()).isEqualTo("2026-09-01");
        assertThat(benefit.get("category")).isEqualTo("DIBAO");
        assertThat(benefit.get("status")).isEqualTo("ACTIVE");
        assertThat((java.math.BigDecimal) benefit.get("monthly_amount")).isEqualByComparingTo("710.00");

        // acting twice is a rule violation with the message, and creates nothing
        Answer twice = api.act("reviewer", id, "approve").problem(422);
        assertThat(twice.detail()).isEqualTo("当前状态（APPROVED）下不能办理此操作");
        assertThat(jdbc.queryForObject("select count(*) from benefit where application_id = ?", Long.class, id))
                .isEqualTo(1);

        Answer delivered = api.act("caseworker", id, "notice-delivered", "{\"deliveredOn\": \"2026-08-11\"}").ok();
        assertThat(delivered.state()).isEqualTo("ENROLLED");
        List<String> actions = new ArrayList<>();
        delivered.json().path("timeline").forEach(e -> actions.add(e.path("action").asString()));
        assertThat(actions).containsExactly("ACCEPT", "START_INVESTIGATION", "HOME_VISIT", "NEIGHBOUR_INTERVIEW",
                "VERIFICATION_REQUESTED", "VERIFICATION_RESULT", "SUBMIT_INVESTIGATION", "TOWNSHIP_REVIEW",
                "OBJECTION", "HOME_VISIT", "SUBMIT_INVESTIGATION", "TOWNSHIP_REVIEW", "PUBLICITY_CLOSED",
                "COUNTY_VISIT", "APPROVE", "NOTICE_DELIVERED");
        assertThat(jdbc.queryForObject("select count(*) from audit_event where entity_type = 'application' "
                + "and entity_id = ?", Long.class, String.valueOf(id))).isEqualTo(actions.size());
        // the auditor reads it; after enrolment nothing changes it any more
        assertThat(api.read("auditor", id).ok().state()).isEqualTo("ENROLLED");
        api.act("caseworker", id, "withdraw", "{\"reason\": \"申请人撤回\"}").problem(422);
    }

    @Test
    void whoeverInvestigatedCannotDecide() throws Exception {
        String both = fixtures.user(Fixtures.COUNTY, Fixtures.DEMO_PASSWORD, "CASEWORKER", "REVIEWER");
        Household h = api.household("caseworker", VILLAGE_A, "5000.00"); // far above 1710: not eligible
        long id = api.accept("caseworker", h, "DIBAO", LocalDate.now());
        api.investigate(id, both, LocalDate.now());
        Answer eligible = api.act("caseworker", id, "township-review", review(true)).problem(422);
        assertThat(eligible.fields()).containsExactly("eligible");
        assertThat(api.act("caseworker", id, "township-review", review(false)).ok().state())
                .isEqualTo("AWAITING_DECISION");

        Answer approve = api.act(both, id, "approve").problem(403);
        assertThat(approve.detail()).isEqualTo("受理、参与调查或初审本案的人员不能审核确认本案（双人审核）");
        api.act(both, id, "refuse", "{\"reason\": \"收入超过标准\"}").problem(403);
        Answer notProposed = api.act("reviewer", id, "approve").problem(422);
        assertThat(notProposed.detail()).isEqualTo("初审意见为不符合条件，只能作出不予确认决定");

        Answer refused = api.act("reviewer", id, "refuse", "{\"reason\": \"家庭月收入超过低保标准\"}").ok();
        assertThat(refused.state()).isEqualTo("REFUSED");
        assertThat(refused.json().path("decisionReason").asString()).isEqualTo("家庭月收入超过低保标准");
        assertThat(refused.json().path("noticeDue").path("status").asString()).isNotEqualTo("DONE");
        assertThat(refused.json().path("benefitIds").isEmpty()).isTrue();
        Answer delivered = api.act("caseworker", id, "notice-delivered",
                "{\"deliveredOn\": \"" + LocalDate.now() + "\"}").ok();
        assertThat(delivered.state()).isEqualTo("REFUSED");
        assertThat(delivered.json().path("noticeDue").path("status").asString()).isEqualTo("DONE");
        api.act("caseworker", id, "notice-delivered", "{\"deliveredOn\": \"" + LocalDate.now() + "\"}").problem(422);

        // 初审 counts as taking part too
        long reviewedByBoth = api.accept("caseworker", api.household("caseworker", VILLAGE_A, "5000.00"), "DIBAO",
                LocalDate.now());
        api.investigate(reviewedByBoth, "caseworker", LocalDate.now());
        Answer decide = api.act(both, reviewedByBoth, "township-review", review(false)).ok();
        assertThat(decide.json().path("stepDue").path("status").asString()).isEqualTo("ON_TIME");
        api.act(both, reviewedByBoth, "refuse", "{\"reason\": \"收入超过标准\"}").problem(403);
        // returned by the county, the case goes back to the investigation without the decision's due date
        Answer returned = api.act("reviewer", reviewedByBoth, "return", "{\"reason\": \"请补充核对外地收入\"}").ok();
        assertThat(returned.json().path("returnedFrom").asString()).isEqualTo("INVESTIGATING");
        assertThat(returned.json().path("stepDue").isNull()).isTrue();
        Answer resumed = api.act("caseworker", reviewedByBoth, "supplement", "{}").ok();
        assertThat(resumed.state()).isEqualTo("INVESTIGATING");
        assertThat(resumed.json().path("stepDue").isNull()).isTrue();
    }

    @Test
    void incompleteMaterialsAreListedOnceAndTheClockStartsWhenComplete() throws Exception {
        clock.set(AUG_3);
        Household h = api.household("caseworker", VILLAGE_A, "1000.00");
        Answer returned = api.send("caseworker", API, newApplication(h, "DIBAO", AUG_3_DAY, "[\"ID_CARD\"]"));
        assertThat(returned.status()).as(returned.body()).isEqualTo(201);
        assertThat(returned.state()).isEqualTo("RETURNED");
        List<String> missing = new ArrayList<>();
        returned.json().path("missingMaterials").forEach(m -> missing.add(m.path("code").asString()));
        assertThat(missing).containsExactly("APPLICATION_FORM", "PROMISE", "AUTHORISATION", "INCOME_PROOF");
        assertThat(returned.json().path("stepDue").isNull()).isTrue();
        long id = returned.json().path("id").asLong();
        // the same household and type cannot be accepted twice while open
        Answer again = api.send("caseworker", API, newApplication(h, "DIBAO", AUG_3_DAY, ALL_MATERIALS)).problem(422);
        assertThat(again.fields()).containsExactly("assistanceType");

        clock.set(Instant.parse("2026-08-05T02:00:00Z"));
        Answer still = api.act("caseworker", id, "supplement", "{\"materials\": [\"APPLICATION_FORM\"]}").problem(422);
        assertThat(still.fields()).containsExactly("materials");
        assertThat(still.message()).isEqualTo("仍缺少材料：承诺书（签字）、家庭经济状况核对授权书（签字）、家庭收入情况说明");
        Answer complete = api.act("caseworker", id, "supplement", """
                {"materials": ["APPLICATION_FORM", "INCOME_PROOF"], "promiseSigned": true, "authorisationSigned": true}
                """).ok();
        assertThat(complete.state()).isEqualTo("ACCEPTED");
        assertThat(complete.json().path("receivedOn").asString()).isEqualTo("2026-08-05");
        // the investigation must start within 3 working days of the day the materials were complete
        assertThat(complete.json().path("stepDue").path("due").asString()).isEqualTo("2026-08-10");
    }

    @Test
    void anUrgentGrantIsPaidFromTheFundAndItsPaperworkCompletedLater() throws Exception {
        Household h = api.household("caseworker", VILLAGE_A, "1000.00");
        Answer created = api.send("caseworker", API, newApplication(h, "TEMP_URGENT", LocalDate.now(), "[\"ID_CARD\"]"));
        long id = created.json().path("id").asLong();
        assertThat(created.state()).isEqualTo("RETURNED");
        jdbc.update("""
                insert into relief_fund (township_code, balance) values (?, 100)
                on conflict (township_code) do update set balance = 100""", Fixtures.TOWNSHIP_A);
        Answer shortOfMoney = api.act("caseworker", id, "urgent-grant", "{\"amount\": 200, \"reason\": \"火灾\"}")
                .problem(422);
        assertThat(shortOfMoney.message()).isEqualTo("备用金余额不足（当前余额 100.00 元）");
        jdbc.update("update relief_fund set balance = balance + 10000 where township_code = ?", Fixtures.TOWNSHIP_A);
        Answer over = api.act("caseworker", id, "urgent-grant", "{\"amount\": 5130.01, \"reason\": \"火灾\"}").problem(422);
        assertThat(over.fields()).containsExactly("amount");
        assertThat(over.message()).isEqualTo("超过乡镇先行救助限额 5130.00 元"); // 855 × 2 × 3
        Answer paid = api.act("caseworker", id, "urgent-grant", "{\"amount\": 200, \"reason\": \"火灾\"}").ok();
        assertThat(paid.json().path("urgentAmount").decimalValue()).isEqualByComparingTo("200");
        assertThat(paid.json().path("paperworkDue").path("status").asString()).isIn("ON_TIME", "DUE_SOON");
        api.act("caseworker", id, "urgent-grant", "{\"amount\": 200, \"reason\": \"火灾\"}").problem(422);
        Answer task = api.list("caseworker", "task=true&assistanceType=TEMP_URGENT&size=100");
        assertThat(ApplicationApi.ids(task)).contains(id);

        assertThat(api.act("caseworker", id, "paperwork-done").problem(422).detail()).startsWith("仍缺少材料：");
        api.act("caseworker", id, "supplement", "{\"materials\": " + ALL_MATERIALS + "}").ok();
        Answer done = api.act("caseworker", id, "paperwork-done").ok();
        assertThat(done.json().path("paperworkDue").path("status").asString()).isEqualTo("DONE");
        api.act("caseworker", id, "paperwork-done").problem(422);
        // only the urgent type is paid in advance
        Household other = api.household("caseworker", VILLAGE_A, "1000.00");
        long dibao = api.accept("caseworker", other, "DIBAO", LocalDate.now());
        assertThat(api.act("caseworker", dibao, "urgent-grant", "{\"amount\": 200, \"reason\": \"火灾\"}")
                .problem(422).detail()).isEqualTo("只有急难型临时救助可以先行救助");
    }

    @Test
    void sidePathsKeepTheirRules() throws Exception {
        Household h = api.household("caseworker", VILLAGE_A, "1000.00");
        long id = api.accept("caseworker", h, "DIBAO", LocalDate.now());
        Answer wrong = api.act("caseworker", id, "submit-investigation").problem(422);
        assertThat(wrong.detail()).isEqualTo("当前状态（ACCEPTED）下不能办理此操作");
        api.act("caseworker", id, "start-investigation").ok();
        Answer noVisit = api.act("caseworker", id, "submit-investigation").problem(422);
        assertThat(noVisit.detail()).isEqualTo("尚无入户调查记录，不能提交初审");
        api.act("caseworker", id, "verification-result", "{\"outcome\": \"CONSISTENT\", \"result\": \"一致\"}")
                .problem(422);
        api.act("caseworker", id, "verification-requests").ok();
        assertThat(api.act("caseworker", id, "verification-requests").problem(422).detail())
                .isEqualTo("已有未回复的核对申请");
        // a long discrepancy is kept whole in the record; the timeline keeps its first 2000 characters
        String longResult = "差".repeat(3000);
        Answer discrepancy = api.act("reviewer", id, "verification-result",
                "{\"outcome\": \"DISCREPANCY\", \"result\": \"" + longResult + "\"}").ok();
        assertThat(discrepancy.json().path("verifications").get(0).path("result").asString()).isEqualTo(longResult);

        Answer extended = api.act("caseworker", id, "extend", "{\"reason\": \"需补充调查外地收入\"}").ok();
        assertThat(extended.json().path("extended").asBoolean()).isTrue();
        assertThat(extended.json().path("totalDue").path("due").asString())
                .isEqualTo(calendar.addWorkingDays(LocalDate.now(), 45).toString());
        api.act("caseworker", id, "extend", "{\"reason\": \"再延一次\"}").problem(422);
        api.act("auditor", id, "complaints", "{\"reason\": \"举报\"}").problem(403);
        api.act("admin", id, "complaints", "{\"reason\": \"举报\"}").problem(403);
        assertThat(api.act("reviewer", id, "complaints", "{\"reason\": \"群众举报有车辆\"}").ok()
                .json().path("complaint").asBoolean()).isTrue();

        Answer back = api.act("caseworker", id, "return", "{\"reason\": \"请补充收入证明\"}").ok();
        assertThat(back.state()).isEqualTo("RETURNED");
        assertThat(back.json().path("returnedFrom").asString()).isEqualTo("INVESTIGATING");
        assertThat(api.act("caseworker", id, "supplement", "{}").ok().state()).isEqualTo("INVESTIGATING");

        Answer tooLong = api.act("caseworker", id, "terminate", "{\"reason\": \"" + "因".repeat(1001) + "\"}")
                .problem(422);
        assertThat(tooLong.fields()).containsExactly("reason");
        assertThat(tooLong.message()).isEqualTo("理由过长（最多 1000 个字）");
        Answer withdrawn = api.act("caseworker", id, "withdraw", "{\"reason\": \"申请人主动撤回\"}").ok();
        assertThat(withdrawn.state()).isEqualTo("WITHDRAWN");
        assertThat(withdrawn.json().path("closedReason").asString()).isEqualTo("申请人主动撤回");
        assertThat(api.act("caseworker", id, "terminate", "{\"reason\": \"死亡\"}").problem(422).detail())
                .isEqualTo("当前状态（WITHDRAWN）下不能办理此操作");
        // a case that is not in the delegated flow has no later check
        api.act("reviewer", id, "post-check", "{\"reason\": \"抽查\"}").problem(422);
    }

    @Test
    void rolesAndAreasAreKept() throws Exception {
        Household h = api.household("caseworker", VILLAGE_A, "1000.00");
        long id = api.accept("caseworker", h, "DIBAO", LocalDate.now());

        // another township's caseworker: neither reads nor acts on it, nor files for its household
        api.read("caseworker2", id).problem(404);
        api.act("caseworker2", id, "start-investigation").problem(404);
        api.act("caseworker2", id, "withdraw", "{\"reason\": \"撤回\"}").problem(404);
        api.send("caseworker2", API, newApplication(h, "DIBAO_EDGE", LocalDate.now(), ALL_MATERIALS)).problem(404);
        api.read("caseworker", 999_999_999L).problem(404);

        // the auditor reads, never writes (refused before the body is read); the admin is no caseworker
        assertThat(api.read("auditor", id).ok().state()).isEqualTo("ACCEPTED");
        assertThat(api.read("reviewer", id).ok().state()).isEqualTo("ACCEPTED");
        api.act("auditor", id, "start-investigation").problem(403);
        api.act("auditor", id, "withdraw", "{not json").problem(403);
        api.send("auditor", API, newApplication(h, "DIBAO_EDGE", LocalDate.now(), ALL_MATERIALS)).problem(403);
        assertThat(api.act("admin", id, "start-investigation").problem(403).detail())
                .isEqualTo("此操作须由乡镇（街道）经办人员办理");
        api.read("admin", id).problem(403);
        api.act("reviewer", id, "start-investigation").problem(403);
        api.send("reviewer", API, newApplication(h, "DIBAO_EDGE", LocalDate.now(), ALL_MATERIALS)).problem(403);
        Answer nobody = api.read(null, id).problem(401);
        assertThat(nobody.result().getResponse().getHeader(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Basic");
        assertThat(api.read("caseworker", id).ok().json().path("timeline")).hasSize(1);
    }

    /** Every body is checked field by field: 400 with the fields, or 422 for a rule; never a 500. */
    @Test
    void badBodiesNameTheirFields() throws Exception {
        Household h = api.household("caseworker", VILLAGE_A, "1000.00");
        long id = api.accept("caseworker", h, "DIBAO", LocalDate.now());
        String tomorrow = LocalDate.now().plusDays(1).toString();
        String today = LocalDate.now().toString();
        record Bad(String action, String body, int status, List<String> fields) {
        }
        List<Bad> bads = List.of(
                new Bad("", "{}", 400, List.of("householdId", "applicantPersonId", "assistanceType", "channel",
                        "receivedOn")),
                new Bad("", newApplication(h, "DIBAO", LocalDate.now(), ALL_MATERIALS)
                        .replace(today, "2026-02-30"), 400, List.of("receivedOn")),
                new Bad("", newApplication(h, "DIBAO", LocalDate.now(), ALL_MATERIALS)
                        .replace(today, tomorrow), 400, List.of("receivedOn")),
                new Bad("", newApplication(h, "LOTTERY", LocalDate.now(), ALL_MATERIALS), 400,
                        List.of("assistanceType")),
                new Bad("", newApplication(h, "DIBAO_EDGE", LocalDate.now(), "[\"ID_CARD\", \"PASSPORT\"]"), 422,
                        List.of("materials")),
                new Bad("", newApplication(h, "DIBAO_EDGE", LocalDate.now(), "\"ID_CARD\""), 400,
                        List.of("materials")),
                new Bad("", newApplication(h, "DIBAO_EDGE", LocalDate.now(), ALL_MATERIALS)
                        .replace("\"WINDOW\"", "\"PROXY\""), 422, List.of("proxyName")),
                new Bad("", newApplication(h, "DIBAO_EDGE", LocalDate.now(), ALL_MATERIALS)
                        .replace("\"applicantPersonId\": " + h.headPersonId(), "\"applicantPersonId\": 1"), 422,
                        List.of("applicantPersonId")),
                new Bad("", newApplication(h, "DIBAO_EDGE", LocalDate.now(), ALL_MATERIALS)
                        .replace("\"householdId\": " + h.id(), "\"householdId\": \"abc\""), 400,
                        List.of("householdId")),
                new Bad("", "{\"householdId\": ", 400, List.of()),
                new Bad("supplement", "{\"materials\": \"ID_CARD\", \"promiseSigned\": \"maybe\"}", 400,
                        List.of("materials")),
                new Bad("supplement", "{\"promiseSigned\": \"maybe\"}", 400, List.of("promiseSigned")),
                new Bad("home-visits", "{}", 400, List.of("visitedOn", "investigators", "findings")),
                new Bad("home-visits", homeVisit(LocalDate.now()).replace(today, tomorrow), 400,
                        List.of("visitedOn")),
                new Bad("home-visits", homeVisit(LocalDate.now()).replace(today, "03/08/2026"), 400,
                        List.of("visitedOn")),
                new Bad("home-visits", homeVisit(LocalDate.now()).replace("王敏、刘洋", "王敏"), 422,
                        List.of("investigators")),
                new Bad("home-visits", homeVisit(LocalDate.now()).replace("王敏、刘洋", "王敏、" + "刘".repeat(61)), 422,
                        List.of("investigators")),
                new Bad("home-visits", homeVisit(LocalDate.now()).replace("王敏、刘洋", "   "), 400,
                        List.of("investigators")),
                new Bad("interviews", "{}", 400, List.of("interviewedOn", "interviewee", "notes")),
                new Bad("interviews", "{\"interviewedOn\": \"" + tomorrow + "\", \"interviewee\": \"张某\", "
                        + "\"notes\": \"属实\"}", 400, List.of("interviewedOn")),
                new Bad("verification-result", "{}", 400, List.of("outcome", "result")),
                new Bad("verification-result", "{\"outcome\": \"MAYBE\", \"result\": \"x\"}", 400,
                        List.of("outcome")),
                new Bad("township-review", "{}", 400, List.of("month", "eligible", "opinion")),
                new Bad("township-review", review(true).replace("2026-07", "2026-13"), 400, List.of("month")),
                new Bad("township-review", review(true).replace("\"location\"", "\"amount\": -1, "
                        + "\"deliberationSize\": 0, \"deliberationOn\": \"" + tomorrow + "\", \"location\""), 400,
                        List.of("amount", "deliberationSize", "deliberationOn")),
                new Bad("township-review", review(true).replace("\"location\"", "\"amount\": 1.234, \"location\""),
                        400, List.of("amount")),
                new Bad("objections", "{}", 400, List.of("receivedOn", "content")),
                new Bad("objections", "{\"receivedOn\": \"" + tomorrow + "\", \"content\": \"x\"}", 400,
                        List.of("receivedOn")),
                new Bad("complaints", "{}", 400, List.of("reason")),
                new Bad("approve", "{\"comment\": \"" + "好".repeat(2001) + "\"}", 400, List.of("comment")),
                new Bad("approve", "[1, 2]", 400, List.of()),
                new Bad("refuse", "{\"reason\": \"  \"}", 400, List.of("reason")),
                new Bad("notice-delivered", "{}", 400, List.of("deliveredOn")),
                new Bad("notice-delivered", "{\"deliveredOn\": \"" + tomorrow + "\"}", 400, List.of("deliveredOn")),
                new Bad("notice-delivered", "{\"deliveredOn\": 20260803}", 400, List.of("deliveredOn")),
                new Bad("return", "{\"reason\": null}", 400, List.of("reason")),
                new Bad("withdraw", "{\"reason\": \"" + "撤".repeat(2001) + "\"}", 400, List.of("reason")),
                new Bad("terminate", "{\"reason\": [\"死亡\"]}", 400, List.of("reason")),
                new Bad("extend", "", 400, List.of()),
                new Bad("urgent-grant", "{}", 400, List.of("amount", "reason")),
                new Bad("urgent-grant", "{\"amount\": \"abc\", \"reason\": \"火灾\"}", 400, List.of("amount")),
                new Bad("urgent-grant", "{\"amount\": 0, \"reason\": \"火灾\"}", 400, List.of("amount")),
                new Bad("post-check", "{\"reason\": \"\"}", 400, List.of("reason")));
        long events = jdbc.queryForObject("select count(*) from application_event", Long.class);
        long cases = jdbc.queryForObject("select count(*) from application", Long.class);
        for (Bad bad : bads) {
            String user = List.of("post-check", "approve", "refuse").contains(bad.action()) ? "reviewer" : "caseworker";
            Answer a = bad.action().isEmpty() ? api.send(user, API, bad.body())
                    : api.call(post(API + "/" + id + "/" + bad.action())
                    .contentType(org.springframework.http.MediaType.APPLICATION_JSON).content(bad.body()), user);
            assertThat(a.status()).as("%s %s → %s", bad.action(), bad.body(), a.body()).isEqualTo(bad.status());
            a.problem(bad.status());
            if (bad.fields().isEmpty() && bad.status() == 400) {
                assertThat(a.detail()).as(a.body()).isNotBlank();
            } else if (!bad.fields().isEmpty()) {
                assertThat(a.fields()).as("%s %s", bad.action(), a.body())
                        .containsExactlyInAnyOrderElementsOf(bad.fields());
            }
        }
        // nothing was recorded by any of them (the case is still ACCEPTED: state rules come after the input)
        assertThat(jdbc.queryForObject("select count(*) from application_event", Long.class)).isEqualTo(events);
        assertThat(jdbc.queryForObject("select count(*) from application", Long.class)).isEqualTo(cases);
        // a body that is not JSON at all, and ids that are not numbers
        api.call(post(API).contentType(org.springframework.http.MediaType.TEXT_PLAIN).content("hi"), "caseworker")
                .problem(415);
        assertThat(api.call(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(API + "/abc"),
                "caseworker").problem(400).fields()).containsExactly("id");
        assertThat(api.act("caseworker", 0, "start-investigation").status()).isEqualTo(404);
    }
}
