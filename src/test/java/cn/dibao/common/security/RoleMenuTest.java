package cn.dibao.common.security;

import cn.dibao.support.IntegrationTest;
import cn.dibao.support.Login;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Each demo role sees exactly its menu entries, and the URLs behind them answer accordingly. */
@IntegrationTest
class RoleMenuTest {

    private static final Pattern MENU_ID = Pattern.compile("id=\"(menu-[a-z]+)\"");

    @Autowired
    MockMvc mvc;

    @ParameterizedTest(name = "{0} sees [{1}]")
    @CsvSource(delimiter = '|', textBlock = """
            caseworker  | menu-households menu-applications
            caseworker2 | menu-households menu-applications
            reviewer    | menu-households menu-applications menu-payouts
            admin       | menu-areas menu-users menu-standards menu-calendar menu-materials menu-audit menu-payouts
            auditor     | menu-households menu-applications menu-audit menu-payouts
            """)
    void homePageShowsExactlyTheRolesMenu(String username, String expectedMenu) throws Exception {
        MockHttpSession session = Login.demo(mvc, username);
        String home = mvc.perform(get("/").session(session)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        Set<String> shown = new TreeSet<>();
        Matcher m = MENU_ID.matcher(home);
        while (m.find()) {
            shown.add(m.group(1));
        }
        Set<String> expected = Arrays.stream(expectedMenu.trim().split("\\s+")).collect(Collectors.toCollection(TreeSet::new));
        assertThat(shown).as("menu of %s", username).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}: /admin/areas {1}, /admin/users {2}, /audit {3}")
    @CsvSource(delimiter = '|', textBlock = """
            caseworker  | 403 | 403 | 403
            caseworker2 | 403 | 403 | 403
            reviewer    | 403 | 403 | 403
            admin       | 200 | 200 | 200
            auditor     | 403 | 403 | 200
            """)
    void pagesAnswerPerRole(String username, int areas, int users, int audit) throws Exception {
        MockHttpSession session = Login.demo(mvc, username);
        assertThat(statusOf("/admin/areas", session)).as("%s on /admin/areas", username).isEqualTo(areas);
        assertThat(statusOf("/admin/areas/new", session)).as("%s on /admin/areas/new", username).isEqualTo(areas);
        assertThat(statusOf("/admin/users", session)).as("%s on /admin/users", username).isEqualTo(users);
        assertThat(statusOf("/admin/users/new", session)).as("%s on /admin/users/new", username).isEqualTo(users);
        assertThat(statusOf("/audit", session)).as("%s on /audit", username).isEqualTo(audit);
        assertThat(statusOf("/", session)).as("%s on /", username).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/admin/areas", "/admin/users", "/audit", "/account/password"})
    void anonymousVisitorsAreSentToTheLoginPage(String url) throws Exception {
        mvc.perform(get(url)).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
    }

    private int statusOf(String url, MockHttpSession session) throws Exception {
        return mvc.perform(get(url).session(session)).andReturn().getResponse().getStatus();
    }
}
