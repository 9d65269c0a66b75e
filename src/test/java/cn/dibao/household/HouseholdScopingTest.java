package cn.dibao.household;

import cn.dibao.common.security.StaffPrincipal;
import cn.dibao.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Slice;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static cn.dibao.household.HouseholdTestData.newId;
import static cn.dibao.household.HouseholdTestData.uniqueName;
import static cn.dibao.support.Fixtures.DEMO_PASSWORD;
import static cn.dibao.support.Fixtures.VILLAGE_A;
import static cn.dibao.support.Fixtures.VILLAGE_B;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/** A caseworker sees and changes only the households of their township; the county sees all. */
@IntegrationTest
class HouseholdScopingTest {

    private static final String TOWNSHIP_A_PREFIX = "370211001";

    @Autowired
    MockMvc mvc;
    @Autowired
    HouseholdTestData data;
    @Autowired
    ObjectMapper json;

    StaffPrincipal caseworker;
    StaffPrincipal reviewer;
    long mine;
    String mineHead;
    long theirs;
    String theirsHead;
    long theirsHeadPerson;

    @BeforeEach
    void households() {
        caseworker = data.principal("caseworker");
        reviewer = data.principal("reviewer");
        mineHead = uniqueName("欧阳");
        mine = data.household("caseworker", VILLAGE_A, mineHead, newId());
        theirsHead = uniqueName("欧阳");
        theirs = data.household("caseworker2", VILLAGE_B, theirsHead, newId());
        theirsHeadPerson = data.headPersonId(theirs);
    }

    @Test
    void anotherTownshipsHouseholdIsNotFoundOnThePages() throws Exception {
        mvc.perform(get("/households/{id}", theirs).with(user(caseworker)))
                .andExpect(status().isNotFound()).andExpect(view().name("error/404"));
        mvc.perform(get("/households/{id}/edit", theirs).with(user(caseworker))).andExpect(status().isNotFound());
        mvc.perform(get("/households/{id}/members/new", theirs).with(user(caseworker))).andExpect(status().isNotFound());
        mvc.perform(get("/households/{id}/persons/{pid}/edit", theirs, theirsHeadPerson).with(user(caseworker)))
                .andExpect(status().isNotFound());
        // the same answer as for a household that does not exist
        mvc.perform(get("/households/{id}", Long.MAX_VALUE).with(user(caseworker)))
                .andExpect(status().isNotFound()).andExpect(view().name("error/404"));
        // its own township's household is there
        mvc.perform(get("/households/{id}", mine).with(user(caseworker))).andExpect(status().isOk());
    }

    @Test
    void anotherTownshipsHouseholdIsNotFoundInTheApi() throws Exception {
        String notFound = mvc.perform(get("/api/v1/households/{id}", theirs).with(httpBasic("caseworker", DEMO_PASSWORD)))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(404))
                .andExpect(jsonPath("$.type").value("urn:dibao:problem:not-found"))
                .andReturn().getResponse().getContentAsString();
        String missing = mvc.perform(get("/api/v1/households/{id}", Long.MAX_VALUE).with(httpBasic("caseworker", DEMO_PASSWORD)))
                .andExpect(status().isNotFound()).andReturn().getResponse().getContentAsString();
        assertThat(notFound).doesNotContain(theirsHead).doesNotContain(VILLAGE_B);
        assertThat(json.readTree(notFound).path("detail")).isEqualTo(json.readTree(missing).path("detail"));
        mvc.perform(get("/api/v1/households/{id}", theirs).with(httpBasic("caseworker2", DEMO_PASSWORD)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.id").value(theirs));
    }

    @Test
    @SuppressWarnings("unchecked")
    void searchPagesShowOnlyTheCaseworkersTownship() throws Exception {
        List<HouseholdRow> all = new ArrayList<>();
        for (int page = 0; page < 3; page++) {
            MvcResult r = mvc.perform(get("/households").param("page", String.valueOf(page)).with(user(caseworker)))
                    .andExpect(status().isOk()).andReturn();
            all.addAll(((Slice<HouseholdRow>) r.getModelAndView().getModel().get("results")).getContent());
        }
        assertThat(all).isNotEmpty().allSatisfy(row -> assertThat(row.areaCode()).startsWith(TOWNSHIP_A_PREFIX));
        assertThat(all).extracting(HouseholdRow::id).contains(mine).doesNotContain(theirs);

        assertThat(pageSearch(caseworker, theirsHead, null)).isEmpty();
        assertThat(pageSearch(caseworker, mineHead, null)).extracting(HouseholdRow::id).containsExactly(mine);
        // asking for the other township's village does not widen the scope
        assertThat(pageSearch(caseworker, null, VILLAGE_B)).isEmpty();
        // the 2-character prefix search stays in scope too
        assertThat(pageSearch(caseworker, "欧阳", null)).isNotEmpty()
                .allSatisfy(row -> assertThat(row.areaCode()).startsWith(TOWNSHIP_A_PREFIX));
    }

    @Test
    void theCountySeesBothTownships() throws Exception {
        assertThat(pageSearch(reviewer, theirsHead, null)).extracting(HouseholdRow::id).containsExactly(theirs);
        assertThat(pageSearch(reviewer, mineHead, null)).extracting(HouseholdRow::id).containsExactly(mine);
        assertThat(apiSearch("reviewer", "name=" + theirsHead)).extracting(n -> n.path("id").asLong()).containsExactly(theirs);
        assertThat(apiSearch("reviewer", "name=" + mineHead)).extracting(n -> n.path("id").asLong()).containsExactly(mine);
        mvc.perform(get("/households/{id}", theirs).with(user(reviewer))).andExpect(status().isOk());
        mvc.perform(get("/households/{id}", mine).with(user(reviewer))).andExpect(status().isOk());
        List<JsonNode> some = apiSearch("reviewer", "size=100");
        assertThat(some).isNotEmpty().allSatisfy(n -> assertThat(n.path("areaCode").asString()).startsWith("370211"));
    }

    @Test
    void apiSearchShowsOnlyTheCaseworkersTownship() throws Exception {
        List<JsonNode> items = new ArrayList<>();
        for (int page = 0; page < 3; page++) {
            items.addAll(apiSearch("caseworker", "size=100&page=" + page));
        }
        assertThat(items).isNotEmpty()
                .allSatisfy(n -> assertThat(n.path("areaCode").asString()).startsWith(TOWNSHIP_A_PREFIX));
        assertThat(items).extracting(n -> n.path("id").asLong()).contains(mine).doesNotContain(theirs);
        assertThat(apiSearch("caseworker", "name=" + theirsHead)).isEmpty();
        assertThat(apiSearch("caseworker", "areaCode=" + VILLAGE_B)).isEmpty();
    }

    @Test
    void changesToAnotherTownshipsHouseholdAreNotFoundAndSaveNothing() throws Exception {
        long incomes = data.count("income_item", "household_id = ?", theirs);
        long members = data.count("household_member", "household_id = ?", theirs);
        long changes = data.count("household_change", "household_id = ?", theirs);
        String today = LocalDate.now().toString();

        mvc.perform(post("/households/{id}/incomes", theirs).with(user(caseworker)).with(csrf())
                        .param("personId", String.valueOf(theirsHeadPerson)).param("category", "WAGE")
                        .param("monthlyAmount", "1000").param("periodFrom", today))
                .andExpect(status().isNotFound());
        mvc.perform(post("/households/{id}/members/new", theirs).with(user(caseworker)).with(csrf())
                        .param("member.relation", "CHILD").param("member.counted", "true")
                        .param("person.name", uniqueName("欧阳")).param("person.idType", "RESIDENT_ID")
                        .param("person.idNumber", newId()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/households/{id}/edit", theirs).with(user(caseworker)).with(csrf())
                        .param("version", "0").param("areaCode", VILLAGE_B).param("address", "改地址")
                        .param("hukouType", "RURAL"))
                .andExpect(status().isNotFound());
        mvc.perform(post("/households/{id}/close", theirs).with(user(caseworker)).with(csrf())
                        .param("version", "0").param("reason", "注销"))
                .andExpect(status().isNotFound());
        mvc.perform(post("/households/{id}/persons/{pid}/reveal", theirs, theirsHeadPerson).with(user(caseworker)).with(csrf()))
                .andExpect(status().isNotFound());

        mvc.perform(post("/api/v1/households/{id}/incomes", theirs).with(httpBasic("caseworker", DEMO_PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"personId": %d, "category": "WAGE", "monthlyAmount": 1000, "periodFrom": "%s"}
                                """.formatted(theirsHeadPerson, today)))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(put("/api/v1/households/{id}", theirs).with(httpBasic("caseworker", DEMO_PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"version": 0, "data": {"areaCode": "%s", "address": "改地址", "hukouType": "RURAL"}}
                                """.formatted(VILLAGE_B)))
                .andExpect(status().isNotFound());

        assertThat(data.count("income_item", "household_id = ?", theirs)).isEqualTo(incomes);
        assertThat(data.count("household_member", "household_id = ?", theirs)).isEqualTo(members);
        assertThat(data.count("household_change", "household_id = ?", theirs)).isEqualTo(changes);
        assertThat(data.count("household", "id = ? and status = 'ACTIVE' and address <> '改地址'", theirs)).isEqualTo(1);
    }

    @Test
    void aPersonWhoMovedToAnotherTownshipCannotBeChangedThroughTheirOldHousehold() throws Exception {
        String id = newId();
        String name = uniqueName("欧阳");
        long person = data.member("caseworker", mine, name, id);
        long memberId = HouseholdTestData.memberOf(data.file("caseworker", mine), person).memberId();
        long personVersion = HouseholdTestData.memberOf(data.file("caseworker", mine), person).personVersion();
        data.as("caseworker", () -> data.households.endMembership(mine, memberId, LocalDate.now(), "迁往张家楼镇"));
        data.as("caseworker2", () -> data.households.addMember(theirs, new NewMember(
                new MemberData(Relation.SPOUSE, true, null, null), HouseholdTestData.person(name, id))));
        long changes = data.count("household_change", "household_id = ?", mine);

        mvc.perform(get("/households/{id}/persons/{pid}/edit", mine, person).with(user(caseworker)))
                .andExpect(status().isNotFound());
        mvc.perform(post("/households/{id}/persons/{pid}/edit", mine, person).with(user(caseworker)).with(csrf())
                        .param("version", String.valueOf(personVersion)).param("name", "改名字")
                        .param("idType", "RESIDENT_ID").param("idNumber", HouseholdTestData.masked(id)))
                .andExpect(status().isNotFound());
        mvc.perform(put("/api/v1/households/{id}/persons/{pid}", mine, person).with(httpBasic("caseworker", DEMO_PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"version": %d, "data": {"name": "改名字", "idType": "RESIDENT_ID", "idNumber": "%s"}}
                                """.formatted(personVersion, HouseholdTestData.masked(id))))
                .andExpect(status().isNotFound());

        assertThat(data.count("person", "id = ? and name = ?", person, name)).isEqualTo(1);
        assertThat(data.count("household_change", "household_id = ?", mine)).isEqualTo(changes);
        // the old household still lists them as a former member
        assertThat(data.file("caseworker", mine).formerMembers()).extracting(HouseholdFile.Member::personId).contains(person);
    }

    @SuppressWarnings("unchecked")
    private List<HouseholdRow> pageSearch(StaffPrincipal who, String name, String areaCode) throws Exception {
        var request = get("/households").with(user(who));
        if (name != null) {
            request.param("name", name);
        }
        if (areaCode != null) {
            request.param("areaCode", areaCode);
        }
        MvcResult r = mvc.perform(request).andExpect(status().isOk()).andReturn();
        return ((Slice<HouseholdRow>) r.getModelAndView().getModel().get("results")).getContent();
    }

    private List<JsonNode> apiSearch(String username, String query) throws Exception {
        String body = mvc.perform(get("/api/v1/households?" + query).with(httpBasic(username, DEMO_PASSWORD)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        List<JsonNode> items = new ArrayList<>();
        json.readTree(body).path("items").forEach(items::add);
        return items;
    }
}
