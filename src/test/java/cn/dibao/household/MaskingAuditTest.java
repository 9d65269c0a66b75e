package cn.dibao.household;

import cn.dibao.common.security.StaffPrincipal;
import cn.dibao.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static cn.dibao.household.HouseholdTestData.masked;
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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Full ID numbers appear only on an explicit, audited reveal by a permitted role. */
@IntegrationTest
class MaskingAuditTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    HouseholdTestData data;
    @Autowired
    JdbcTemplate jdbc;

    StaffPrincipal caseworker;
    long household;
    String headName;
    String headId;
    long headPerson;
    String childId;
    long childPerson;
    String obligorId;

    @BeforeEach
    void household() {
        caseworker = data.principal("caseworker");
        headName = uniqueName("慕容");
        headId = newId();
        household = data.household("caseworker", VILLAGE_A, headName, headId);
        headPerson = data.headPersonId(household);
        childId = newId();
        childPerson = data.member("caseworker", household, uniqueName("慕容"), childId);
        obligorId = newId();
        data.as("caseworker", () -> data.households.addObligor(household, new ObligorData(uniqueName("慕容"), null,
                obligorId, ObligorRelation.SUPPORT_PARENT, headPerson, null, null, null, null, null, null, null, null, null, null,
                null)));
    }

    private long reveals(String actor, long personId) {
        return data.count("audit_event", "action = 'ID_NUMBER_REVEALED' and actor = ? and entity_type = 'person' and entity_id = ?",
                actor, String.valueOf(personId));
    }

    @Test
    void searchAndFilePagesShowOnlyMaskedNumbers() throws Exception {
        String search = mvc.perform(get("/households").param("name", headName).with(user(caseworker)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(search).contains(headName).contains(masked(headId)).doesNotContain(headId);

        String file = mvc.perform(get("/households/{id}", household).with(user(caseworker)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(file).contains(masked(headId), masked(childId), masked(obligorId))
                .doesNotContain(headId).doesNotContain(childId).doesNotContain(obligorId);

        String personForm = mvc.perform(get("/households/{id}/persons/{pid}/edit", household, childPerson).with(user(caseworker)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(personForm).contains(masked(childId)).doesNotContain(childId);

        String api = mvc.perform(get("/api/v1/households/{id}", household).with(httpBasic("caseworker", DEMO_PASSWORD)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(api).contains(masked(headId)).doesNotContain(headId).doesNotContain(childId).doesNotContain(obligorId);
        String apiSearch = mvc.perform(get("/api/v1/households").param("name", headName).with(httpBasic("caseworker", DEMO_PASSWORD)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(apiSearch).contains(masked(headId)).doesNotContain(headId);
        // an ID search finds the household and still shows the number masked
        String byId = mvc.perform(get("/api/v1/households").param("idNumber", childId.toLowerCase()).with(httpBasic("caseworker", DEMO_PASSWORD)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.items[0].id").value(household))
                .andReturn().getResponse().getContentAsString();
        assertThat(byId).doesNotContain(childId).doesNotContain(headId);

        assertThat(reveals("caseworker", headPerson)).isZero();
    }

    @Test
    void aCaseworkerRevealsANumberOnceAndItIsAudited() throws Exception {
        MvcResult r = mvc.perform(post("/households/{id}/persons/{pid}/reveal", household, childPerson)
                        .with(user(caseworker)).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/households/" + household + "#member-" + childPerson))
                .andExpect(flash().attribute("revealedIdNumber", childId))
                .andExpect(flash().attribute("revealedPersonId", childPerson))
                .andReturn();
        assertThat(reveals("caseworker", childPerson)).isEqualTo(1);
        assertThat(jdbc.queryForObject("""
                select area_code from audit_event where action = 'ID_NUMBER_REVEALED' and entity_id = ?
                """, String.class, String.valueOf(childPerson))).isEqualTo(VILLAGE_A);

        // the next page (with the flash) shows the full number of that member only
        String next = mvc.perform(get("/households/{id}", household).with(user(caseworker))
                        .flashAttrs(r.getFlashMap()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(next).contains(childId).doesNotContain(headId).contains(masked(headId));
        // and only once: the page after that is masked again
        String later = mvc.perform(get("/households/{id}", household).with(user(caseworker)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(later).doesNotContain(childId);
    }

    @Test
    void theApiRevealReturnsTheNumberAndIsAudited() throws Exception {
        mvc.perform(post("/api/v1/households/{id}/persons/{pid}/id-number/reveal", household, headPerson)
                        .with(httpBasic("caseworker", DEMO_PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.personId").value(headPerson))
                .andExpect(jsonPath("$.idNumber").value(headId));
        assertThat(reveals("caseworker", headPerson)).isEqualTo(1);
    }

    @Test
    void theReviewerMayRevealOnThePageAndInTheApi() throws Exception {
        StaffPrincipal reviewer = data.principal("reviewer");
        String file = mvc.perform(get("/households/{id}", household).with(user(reviewer)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(file).as("the page offers the reveal button").contains("/households/" + household + "/persons/" + headPerson + "/reveal");

        mvc.perform(post("/households/{id}/persons/{pid}/reveal", household, headPerson).with(user(reviewer)).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("revealedIdNumber", headId));
        assertThat(reveals("reviewer", headPerson)).isEqualTo(1);

        mvc.perform(post("/api/v1/households/{id}/persons/{pid}/id-number/reveal", household, childPerson)
                        .with(httpBasic("reviewer", DEMO_PASSWORD)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.idNumber").value(childId));
        assertThat(reveals("reviewer", childPerson)).isEqualTo(1);
    }

    @Test
    void theAuditorMayNotReveal() throws Exception {
        StaffPrincipal auditor = data.principal("auditor");
        long before = data.count("audit_event", "action = 'ID_NUMBER_REVEALED'");

        String file = mvc.perform(get("/households/{id}", household).with(user(auditor)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(file).doesNotContain(headId).doesNotContain("/reveal");

        String page = mvc.perform(post("/households/{id}/persons/{pid}/reveal", household, headPerson)
                        .with(user(auditor)).with(csrf()))
                .andExpect(status().isForbidden()).andReturn().getResponse().getContentAsString();
        assertThat(page).doesNotContain(headId);

        String api = mvc.perform(post("/api/v1/households/{id}/persons/{pid}/id-number/reveal", household, headPerson)
                        .with(httpBasic("auditor", DEMO_PASSWORD)))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(403))
                .andReturn().getResponse().getContentAsString();
        assertThat(api).doesNotContain(headId);

        assertThat(data.count("audit_event", "action = 'ID_NUMBER_REVEALED'")).isEqualTo(before);
    }

    @Test
    void noRevealOutsideTheScopeOrOfAStranger() throws Exception {
        long elsewhere = data.household("caseworker2", VILLAGE_B);
        long stranger = data.headPersonId(elsewhere);
        long before = data.count("audit_event", "action = 'ID_NUMBER_REVEALED'");

        mvc.perform(post("/households/{id}/persons/{pid}/reveal", elsewhere, stranger).with(user(caseworker)).with(csrf()))
                .andExpect(status().isNotFound());
        // a person of another household through this household's URL
        mvc.perform(post("/households/{id}/persons/{pid}/reveal", household, stranger).with(user(caseworker)).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/households/{id}/persons/{pid}/id-number/reveal", household, stranger)
                        .with(httpBasic("caseworker", DEMO_PASSWORD)))
                .andExpect(status().isNotFound());
        assertThat(data.count("audit_event", "action = 'ID_NUMBER_REVEALED'")).isEqualTo(before);
    }
}
