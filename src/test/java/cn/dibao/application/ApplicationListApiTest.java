package cn.dibao.application;

import cn.dibao.application.ApplicationApi.Answer;
import cn.dibao.household.HouseholdTestData;
import cn.dibao.support.IntegrationTest;
import cn.dibao.support.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static cn.dibao.application.ApplicationApi.ids;
import static cn.dibao.application.ApplicationApi.review;
import static cn.dibao.support.Fixtures.TOWNSHIP_A;
import static cn.dibao.support.Fixtures.VILLAGE_A;
import static cn.dibao.support.Fixtures.VILLAGE_B;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The case list: scope, filters, deadlines and worklists, on cases of a type no other test
 * files (低保边缘), so the assertions hold whatever else the shared database holds.
 */
@IntegrationTest
class ApplicationListApiTest {

    /** Wednesday 9 September 2026, 10:00 in Beijing; no holiday in the two weeks around it. */
    private static final Instant SEP_9 = Instant.parse("2026-09-09T02:00:00Z");
    private static final String EDGE = "assistanceType=DIBAO_EDGE&size=100";

    @Autowired
    ApplicationApi api;
    @Autowired
    MutableClock clock;
    @Autowired
    ApplicationQueries queries;
    @Autowired
    HouseholdTestData data;
    @Autowired
    MockMvc mvc;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void listsAreScopedFilteredAndOrderedByTheStepDueDate() throws Exception {
        clock.set(SEP_9);
        // step due 3 working days after 受理: 4 Sep (overdue), 11 Sep (2 left: due soon), 14 Sep (3 left)
        long overdue = api.accept("caseworker", api.household("caseworker", VILLAGE_A, "1500"), "DIBAO_EDGE",
                LocalDate.of(2026, 9, 1));
        long dueSoon = api.accept("caseworker", api.household("caseworker", VILLAGE_A, "1500"), "DIBAO_EDGE",
                LocalDate.of(2026, 9, 8));
        long onTime = api.accept("caseworker", api.household("caseworker", VILLAGE_A, "1500"), "DIBAO_EDGE",
                LocalDate.of(2026, 9, 9));
        long otherTownship = api.accept("caseworker2", api.household("caseworker2", VILLAGE_B, "1500"), "DIBAO_EDGE",
                LocalDate.of(2026, 9, 9));
        long deciding = api.accept("caseworker", api.household("caseworker", VILLAGE_A, "5000"), "DIBAO_EDGE",
                LocalDate.of(2026, 9, 9));
        api.investigate(deciding, "caseworker", LocalDate.of(2026, 9, 9));
        api.act("caseworker", deciding, "township-review", review(false)).ok();
        api.act("reviewer", deciding, "complaints", "{\"reason\": \"群众来信反映\"}").ok();
        List<Long> mine = List.of(overdue, dueSoon, onTime, otherTownship, deciding);

        // scope: each township sees its own, the county all, in step-due order (ties by id)
        assertThat(only(api.list("caseworker", EDGE).ok(), mine)).containsExactly(overdue, dueSoon, onTime, deciding);
        assertThat(only(api.list("caseworker2", EDGE).ok(), mine)).containsExactly(otherTownship);
        assertThat(only(api.list("reviewer", EDGE).ok(), mine))
                .containsExactly(overdue, dueSoon, onTime, otherTownship, deciding);
        assertThat(only(api.list("auditor", EDGE).ok(), mine)).hasSize(5);
        assertThat(only(api.list("reviewer", EDGE + "&areaCode=" + VILLAGE_B).ok(), mine)).containsExactly(otherTownship);
        assertThat(only(api.list("reviewer", EDGE + "&areaCode=" + TOWNSHIP_A).ok(), mine))
                .containsExactly(overdue, dueSoon, onTime, deciding);
        assertThat(only(api.list("caseworker", EDGE + "&areaCode=" + VILLAGE_B).ok(), mine)).isEmpty();

        // the row: names, area and deadline badges as of today
        Answer all = api.list("caseworker", EDGE).ok();
        JsonNode first = row(all, overdue);
        assertThat(first.path("state").asString()).isEqualTo("ACCEPTED");
        assertThat(first.path("assistanceType").asString()).isEqualTo("DIBAO_EDGE");
        assertThat(first.path("applicantName").asString()).startsWith("申");
        assertThat(first.path("areaCode").asString()).isEqualTo(VILLAGE_A);
        assertThat(first.path("areaName").asString()).isNotBlank();
        assertThat(first.path("receivedOn").asString()).isEqualTo("2026-09-01");
        assertThat(first.path("acceptedBy").asString()).isEqualTo("caseworker");
        assertThat(first.path("stepDue").path("due").asString()).isEqualTo("2026-09-04");
        assertThat(first.path("stepDue").path("status").asString()).isEqualTo("OVERDUE");
        assertThat(first.path("totalDue").path("status").asString()).isEqualTo("ON_TIME");
        assertThat(row(all, dueSoon).path("stepDue").path("status").asString()).isEqualTo("DUE_SOON");
        assertThat(row(all, onTime).path("stepDue").path("status").asString()).isEqualTo("ON_TIME");
        assertThat(first.path("paperworkDue").isNull()).isTrue();

        // filters
        assertThat(only(api.list("caseworker", EDGE + "&due=OVERDUE").ok(), mine)).containsExactly(overdue);
        assertThat(only(api.list("caseworker", EDGE + "&due=DUE_SOON").ok(), mine)).containsExactly(dueSoon);
        assertThat(only(api.list("reviewer", EDGE + "&state=AWAITING_DECISION").ok(), mine)).containsExactly(deciding);
        assertThat(only(api.list("caseworker", EDGE + "&state=ACCEPTED&due=OVERDUE").ok(), mine))
                .containsExactly(overdue);
        // worklists: what waits for the caller's role
        assertThat(only(api.list("caseworker", EDGE + "&task=true").ok(), mine))
                .containsExactly(overdue, dueSoon, onTime);
        assertThat(only(api.list("reviewer", EDGE + "&task=true").ok(), mine)).containsExactly(deciding);
        assertThat(only(api.list("auditor", EDGE + "&task=true").ok(), mine)).isEmpty();
        // mine: accepted by me, or any step of mine on the timeline
        assertThat(only(api.list("caseworker", EDGE + "&mine=true").ok(), mine))
                .containsExactly(overdue, dueSoon, onTime, deciding);
        assertThat(only(api.list("caseworker2", EDGE + "&mine=true").ok(), mine)).containsExactly(otherTownship);
        assertThat(only(api.list("reviewer", EDGE + "&mine=true").ok(), mine)).containsExactly(deciding);

        // the same through the query service the pages use, with counts
        data.as("caseworker", () -> {
            ApplicationQuery overdueEdge = new ApplicationQuery(null, AssistanceType.DIBAO_EDGE, null,
                    ApplicationQuery.Due.OVERDUE, false, false);
            assertThat(queries.count(overdueEdge)).isEqualTo(queries.search(overdueEdge, 0, 100).getContent().size());
            assertThat(queries.search(ApplicationQuery.myTasks().withDue(ApplicationQuery.Due.OVERDUE), 0, 100)
                    .getContent()).extracting(ApplicationRow::id).contains(overdue).doesNotContain(dueSoon, deciding);
            assertThat(queries.count(ApplicationQuery.myCases())).isGreaterThanOrEqualTo(4);
        });
    }

    @Test
    void pagesAreSlicesOfAtMostAHundred() throws Exception {
        api.accept("caseworker", api.household("caseworker", VILLAGE_A, "1500"), "DIBAO_EDGE", LocalDate.now());
        api.accept("caseworker", api.household("caseworker", VILLAGE_A, "1500"), "DIBAO_EDGE", LocalDate.now());
        Answer one = api.list("caseworker", "size=1").ok();
        assertThat(one.json().path("items")).hasSize(1);
        assertThat(one.json().path("hasNext").asBoolean()).isTrue();
        Answer next = api.list("caseworker", "size=1&page=1").ok();
        assertThat(ids(next)).hasSize(1).doesNotContainAnyElementsOf(ids(one));
        Answer big = api.list("caseworker", "size=5000&page=-3").ok();
        assertThat(big.json().path("size").asInt()).isEqualTo(100);
        assertThat(big.json().path("page").asInt()).isZero();

        assertThat(api.list("caseworker", "state=BOGUS").problem(400).fields()).containsExactly("state");
        assertThat(api.list("caseworker", "due=LATE").problem(400).fields()).containsExactly("due");
        assertThat(api.list("caseworker", "page=abc").problem(400).fields()).containsExactly("page");
        Answer area = api.list("caseworker", "areaCode=3702").problem(400);
        assertThat(area.fields()).containsExactly("areaCode");
        assertThat(area.message()).isEqualTo("区划代码必须是 12 位数字");
        api.list("admin", "").problem(403);
        api.list(null, "").problem(401);
        JsonNode materials = api.call(get(ApplicationApi.API + "/materials?assistanceType=DIBAO"), "caseworker")
                .ok().json();
        assertThat(materials.get(0).path("code").asString()).isEqualTo("ID_CARD");
    }

    @Test
    void theOpenApiDocumentDescribesEveryEndpoint() throws Exception {
        String doc = mvc.perform(get("/v3/api-docs").with(user(data.principal("caseworker"))))
                .andReturn().getResponse().getContentAsString();
        assertThat(doc).contains("\"/api/v1/applications\"", "\"/api/v1/applications/{id}\"",
                "\"/api/v1/applications/materials\"");
        for (String action : List.of("supplement", "start-investigation", "home-visits", "interviews",
                "verification-requests", "verification-result", "submit-investigation", "township-review",
                "objections", "close-publicity", "complaints", "approve", "refuse", "notice-delivered", "return",
                "withdraw", "terminate", "extend", "urgent-grant", "paperwork-done", "post-check")) {
            assertThat(doc).contains("\"/api/v1/applications/{id}/" + action + "\"");
        }
        assertThat(doc).contains("\"name\":\"applications\"");
    }

    private static List<Long> only(Answer list, List<Long> ids) {
        return ids(list).stream().filter(ids::contains).toList();
    }

    private static JsonNode row(Answer list, long id) {
        for (JsonNode item : list.json().path("items")) {
            if (item.path("id").asLong() == id) {
                return item;
            }
        }
        throw new AssertionError("no row " + id + " in " + list.body());
    }
}
