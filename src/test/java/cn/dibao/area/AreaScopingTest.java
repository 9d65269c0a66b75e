package cn.dibao.area;

import cn.dibao.support.Fixtures;
import cn.dibao.support.IntegrationTest;
import cn.dibao.support.Login;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/** Every area read is limited to the user's scope; areas outside it do not exist for them. */
@IntegrationTest
class AreaScopingTest {

    private static final RequestPostProcessor CASEWORKER = httpBasic("caseworker", Fixtures.DEMO_PASSWORD);
    private static final RequestPostProcessor ADMIN = httpBasic("admin", Fixtures.DEMO_PASSWORD);

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void caseworkerCannotOpenAnotherTownship() throws Exception {
        String outside = mvc.perform(get("/api/v1/areas/{code}", Fixtures.TOWNSHIP_B).with(CASEWORKER))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(404))
                .andExpect(jsonPath("$.type").value("urn:dibao:problem:not-found"))
                .andReturn().getResponse().getContentAsString();
        assertThat(outside).doesNotContain("张家楼");

        mvc.perform(get("/api/v1/areas/{code}", Fixtures.VILLAGE_B).with(CASEWORKER)).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/areas/{code}", Fixtures.COUNTY).with(CASEWORKER)).andExpect(status().isNotFound());

        // An area outside the scope answers exactly like one that does not exist.
        String missing = mvc.perform(get("/api/v1/areas/{code}", "370211001999").with(CASEWORKER))
                .andExpect(status().isNotFound()).andReturn().getResponse().getContentAsString();
        assertThat(withoutInstance(outside)).isEqualTo(withoutInstance(missing));
    }

    @Test
    void caseworkerOpensOwnVillage() throws Exception {
        mvc.perform(get("/api/v1/areas/{code}", Fixtures.VILLAGE_A).with(CASEWORKER))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.code").value(Fixtures.VILLAGE_A))
                .andExpect(jsonPath("$.name").value("滨海新村社区"))
                .andExpect(jsonPath("$.level").value("VILLAGE"))
                .andExpect(jsonPath("$.parentCode").value(Fixtures.TOWNSHIP_A));
    }

    @Test
    void caseworkerListsOnlyOwnTownship() throws Exception {
        List<String> codes = codes(mvc.perform(get("/api/v1/areas").with(CASEWORKER)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
        assertThat(codes).isNotEmpty().allSatisfy(c -> assertThat(c).startsWith("370211001"));
        assertThat(codes).contains(Fixtures.TOWNSHIP_A, Fixtures.VILLAGE_A)
                .containsExactlyInAnyOrderElementsOf(dbCodes("370211001%"));
    }

    @Test
    void countyAdminListsTheWholeCounty() throws Exception {
        List<String> codes = codes(mvc.perform(get("/api/v1/areas").with(ADMIN)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
        assertThat(codes).allSatisfy(c -> assertThat(c).startsWith("370211"));
        assertThat(codes).contains(Fixtures.COUNTY, Fixtures.TOWNSHIP_A, Fixtures.TOWNSHIP_B, Fixtures.VILLAGE_B)
                .containsExactlyInAnyOrderElementsOf(dbCodes("370211%"));
    }

    @Test
    void townshipAdminCannotEditAnotherTownship() throws Exception {
        String admin = fixtures.user(Fixtures.TOWNSHIP_A, "Town-admin-1", "ADMIN");
        MockHttpSession session = Login.as(mvc, admin, "Town-admin-1");

        String page = mvc.perform(get("/admin/areas/{code}/edit", Fixtures.TOWNSHIP_B).session(session))
                .andExpect(status().isNotFound())
                .andExpect(view().name("error/404"))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).doesNotContain("Exception").doesNotContain("at cn.dibao").doesNotContain("张家楼");

        mvc.perform(get("/admin/areas/{code}/edit", Fixtures.TOWNSHIP_A).session(session))
                .andExpect(status().isOk())
                .andExpect(view().name("area/rename"));

        String list = mvc.perform(get("/admin/areas").session(session)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(list).contains(Fixtures.VILLAGE_A).doesNotContain(Fixtures.TOWNSHIP_B)
                .doesNotContain(Fixtures.COUNTY);
    }

    private List<String> dbCodes(String pattern) {
        return jdbc.queryForList("select code from area where code like ?", String.class, pattern);
    }

    private static List<String> codes(String json) {
        return JsonPath.read(json, "$[*].code");
    }

    private static String withoutInstance(String problem) {
        return problem.replaceAll("\"instance\":\"[^\"]*\",?", "");
    }
}
