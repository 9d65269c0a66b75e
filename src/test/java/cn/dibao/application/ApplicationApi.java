package cn.dibao.application;

import cn.dibao.common.identity.IdType;
import cn.dibao.household.HouseholdData;
import cn.dibao.household.HouseholdService;
import cn.dibao.household.HouseholdTestData;
import cn.dibao.household.HukouType;
import cn.dibao.household.IncomeCategory;
import cn.dibao.household.IncomeData;
import cn.dibao.household.MemberData;
import cn.dibao.household.NewHousehold;
import cn.dibao.household.NewMember;
import cn.dibao.household.PersonData;
import cn.dibao.household.Relation;
import cn.dibao.support.Fixtures;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static cn.dibao.household.HouseholdTestData.newId;
import static cn.dibao.household.HouseholdTestData.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Drives /api/v1/applications over HTTP Basic as the demo users, and makes households that
 * qualify for 低保 through the real household service.
 */
@Component
class ApplicationApi {

    static final String API = "/api/v1/applications";
    static final String ALL_MATERIALS = "[\"ID_CARD\", \"APPLICATION_FORM\", \"PROMISE\", \"AUTHORISATION\", \"INCOME_PROOF\"]";

    private final MockMvc mvc;
    private final ObjectMapper json;
    private final HouseholdTestData data;
    private final HouseholdService households;
    private final JdbcTemplate jdbc;

    ApplicationApi(MockMvc mvc, ObjectMapper json, HouseholdTestData data, HouseholdService households,
                   JdbcTemplate jdbc) {
        this.mvc = mvc;
        this.json = json;
        this.data = data;
        this.households = households;
        this.jdbc = jdbc;
    }

    record Answer(int status, String contentType, String body, JsonNode json, MvcResult result) {

        List<String> fields() {
            List<String> fields = new ArrayList<>();
            json.path("errors").forEach(e -> fields.add(e.path("field").asString()));
            return fields;
        }

        String detail() {
            return json.path("detail").asString();
        }

        String state() {
            return json.path("state").asString();
        }

        /** The first field error's message. */
        String message() {
            return json.path("errors").get(0).path("message").asString();
        }

        Answer ok() {
            assertThat(status).as(body).isEqualTo(200);
            return this;
        }

        Answer problem(int expected) {
            cn.dibao.support.Problems.assertProblem(status, contentType, json, body, expected);
            return this;
        }
    }

    Answer call(MockHttpServletRequestBuilder request, String user) throws Exception {
        if (user != null) {
            request.with(httpBasic(user, Fixtures.DEMO_PASSWORD));
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

    Answer send(String user, String path, String body) throws Exception {
        return call(post(path).contentType(MediaType.APPLICATION_JSON).content(body), user);
    }

    /** A POST to {@code /{id}/action}, with a JSON body or none. */
    Answer act(String user, long id, String action, String body) throws Exception {
        MockHttpServletRequestBuilder request = post(API + "/" + id + "/" + action);
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(body);
        }
        return call(request, user);
    }

    Answer act(String user, long id, String action) throws Exception {
        return act(user, id, action, null);
    }

    Answer read(String user, long id) throws Exception {
        return call(get(API + "/" + id), user);
    }

    Answer list(String user, String query) throws Exception {
        return call(get(API + (query.isEmpty() ? "" : "?" + query)), user);
    }

    /** The ids in a list answer, in order. */
    static List<Long> ids(Answer list) {
        List<Long> ids = new ArrayList<>();
        list.json().path("items").forEach(i -> ids.add(i.path("id").asLong()));
        return ids;
    }

    // ---- households ---------------------------------------------------------------------------

    record Household(long id, long headPersonId) {
    }

    /**
     * Two adults, the head earning {@code wage} a month from 2026-01, members since 2025 (so a
     * 2026 check counts both): with 2026's standard of 855, 低保 of 1710 − wage.
     */
    Household household(String user, String village, String wage) {
        long id = data.as(user, () -> {
            long h = households.create(new NewHousehold(
                    new HouseholdData(village, uniqueName("申请路") + "号", HukouType.URBAN, null, null, Set.of()),
                    PersonData.of(uniqueName("申"), IdType.RESIDENT_ID, newId(LocalDate.of(1970, 4, 1), true))));
            long head = households.file(h).members().get(0).personId();
            households.addMember(h, new NewMember(new MemberData(Relation.SPOUSE, true, null, null),
                    PersonData.of(uniqueName("配"), IdType.RESIDENT_ID, newId(LocalDate.of(1972, 6, 1), false))));
            households.addIncome(h, new IncomeData(head, IncomeCategory.WAGE, "工资", new BigDecimal(wage),
                    LocalDate.of(2026, 1, 1), null, null));
            return h;
        });
        jdbc.update("update household_member set joined_on = date '2025-01-01' where household_id = ?", id);
        return new Household(id, data.headPersonId(id));
    }

    static String newApplication(Household h, String type, LocalDate receivedOn, String materials) {
        return """
                {"householdId": %d, "applicantPersonId": %d, "assistanceType": "%s", "channel": "WINDOW",
                 "receivedOn": "%s", "reason": "收入低，生活困难", "materials": %s}
                """.formatted(h.id(), h.headPersonId(), type, receivedOn, materials);
    }

    /** 受理 with every material; returns the case id. */
    long accept(String user, Household h, String type, LocalDate receivedOn) throws Exception {
        Answer a = send(user, API, newApplication(h, type, receivedOn, ALL_MATERIALS));
        assertThat(a.status()).as(a.body()).isEqualTo(201);
        assertThat(a.state()).isEqualTo("ACCEPTED");
        return a.json().path("id").asLong();
    }

    static String homeVisit(LocalDate on) {
        return """
                {"visitedOn": "%s", "investigators": "王敏、刘洋", "findings": "住房简陋，无大额资产，家庭成员如实申报",
                 "applicantSigned": true, "investigatorsSigned": true}""".formatted(on);
    }

    /** From ACCEPTED to TOWNSHIP_REVIEW: a home visit by {@code visitor}, an interview, 核对 requested and answered. */
    void investigate(long id, String visitor, LocalDate on) throws Exception {
        act("caseworker", id, "start-investigation").ok();
        act(visitor, id, "home-visits", homeVisit(on)).ok();
        act("caseworker", id, "interviews", """
                {"interviewedOn": "%s", "interviewee": "邻居张某", "notes": "情况属实"}""".formatted(on)).ok();
        act("caseworker", id, "verification-requests").ok();
        act("caseworker", id, "verification-result", "{\"outcome\": \"CONSISTENT\", \"result\": \"与申报一致\"}").ok();
        assertThat(act("caseworker", id, "submit-investigation").ok().state()).isEqualTo("TOWNSHIP_REVIEW");
    }

    static String review(boolean eligible) {
        return """
                {"month": "2026-07", "eligible": %s, "opinion": "%s", "location": "村务公开栏"}"""
                .formatted(eligible, eligible ? "经调查核对符合低保条件" : "经调查核对收入超过标准");
    }
}
