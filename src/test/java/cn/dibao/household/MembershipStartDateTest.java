package cn.dibao.household;

import cn.dibao.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.time.LocalDate;
import java.time.ZoneId;

import static cn.dibao.household.HouseholdTestData.newId;
import static cn.dibao.household.HouseholdTestData.uniqueName;
import static cn.dibao.support.Fixtures.DEMO_PASSWORD;
import static cn.dibao.support.Fixtures.VILLAGE_A;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

/**
 * The day a member's 共同生活 starts is what the caseworker says (issue 12's note, ahead of issue 14): the head's
 * at registration (the registration day when left empty), and a member's when the membership is edited. The
 * API used to answer 200 while dropping the {@code joinedOn} it was sent; now it applies it, or refuses it by name.
 */
@IntegrationTest
class MembershipStartDateTest {

    static final String API = "/api/v1/households";

    @Autowired
    MockMvc mvc;
    @Autowired
    ObjectMapper json;

    private JsonNode send(MockHttpServletRequestBuilder request, String body, int expected) throws Exception {
        MvcResult r = mvc.perform(request.with(httpBasic("caseworker", DEMO_PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content(body == null ? "" : body)).andReturn();
        String answer = r.getResponse().getContentAsString();
        assertThat(r.getResponse().getStatus()).as(answer).isEqualTo(expected);
        return answer.isBlank() ? json.nullNode() : json.readTree(answer);
    }

    private long register(String headJoinedOn) throws Exception {
        String joined = headJoinedOn == null ? "" : ", \"headJoinedOn\": \"" + headJoinedOn + "\"";
        return send(post(API), """
                {"household": {"areaCode": "%s", "address": "起始路 1 号", "hukouType": "URBAN"},
                 "head": {"name": "%s", "idType": "RESIDENT_ID", "idNumber": "%s"}%s}
                """.formatted(VILLAGE_A, uniqueName("起"), newId(LocalDate.of(1970, 4, 2), true), joined), 201)
                .path("id").asLong();
    }

    private JsonNode head(long household) throws Exception {
        return send(get(API + "/" + household), null, 200).path("members").get(0);
    }

    @Test
    void theHeadLivesThereFromTheDayTheCaseworkerGivesOrElseFromToday() throws Exception {
        assertThat(head(register("2026-11-01")).path("joinedOn").asString()).isEqualTo("2026-11-01");
        assertThat(head(register(null)).path("joinedOn").asString())
                .isEqualTo(LocalDate.now(ZoneId.of("Asia/Shanghai")).toString());
    }

    @Test
    void aHeadStartingTomorrowIsRefusedByName() throws Exception {
        String tomorrow = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(1).toString();
        JsonNode problem = send(post(API), """
                {"household": {"areaCode": "%s", "address": "起始路 2 号", "hukouType": "URBAN"},
                 "head": {"name": "%s", "idType": "RESIDENT_ID", "idNumber": "%s"}, "headJoinedOn": "%s"}
                """.formatted(VILLAGE_A, uniqueName("起"), newId(LocalDate.of(1971, 4, 2), true), tomorrow), 400);
        assertThat(problem.path("errors").get(0).path("field").asString()).isEqualTo("headJoinedOn");
    }

    @Test
    void editingAMembershipAppliesItsStartDate() throws Exception {
        long h = register(null);
        JsonNode head = head(h);
        String url = API + "/" + h + "/members/" + head.path("memberId").asLong();
        String body = "{\"version\": %d, \"data\": {\"relation\": \"HEAD\", \"counted\": true, \"joinedOn\": \"%s\"}}";

        send(put(url), body.formatted(head.path("memberVersion").asLong(), "2025-06-01"), 200);
        JsonNode after = head(h);
        assertThat(after.path("joinedOn").asString()).isEqualTo("2025-06-01");

        String tomorrow = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(1).toString();
        JsonNode problem = send(put(url), body.formatted(after.path("memberVersion").asLong(), tomorrow), 400);
        assertThat(problem.path("errors").get(0).path("field").asString()).isEqualTo("data.joinedOn");
        assertThat(head(h).path("joinedOn").asString()).as("nothing half-saved").isEqualTo("2025-06-01");
    }
}
