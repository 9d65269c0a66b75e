package cn.dibao.common.security;

import cn.dibao.support.Fixtures;
import cn.dibao.support.IntegrationTest;
import cn.dibao.support.Login;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Pages refuse state changes without the session's CSRF token; the stateless API needs none. */
@IntegrationTest
class CsrfTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    JdbcTemplate jdbc;

    MockHttpSession admin;

    @BeforeEach
    void logIn() throws Exception {
        admin = Login.demo(mvc, "admin");
    }

    @Test
    void pagePostWithoutTokenIsRefusedAndChangesNothing() throws Exception {
        String code = fixtures.freeTownshipCode();
        mvc.perform(post("/admin/areas/new").session(admin)
                        .param("level", "TOWNSHIP").param("parentCode", Fixtures.COUNTY)
                        .param("code", code).param("name", "无令牌街道"))
                .andExpect(status().isForbidden());
        assertThat(areaCount(code)).isZero();

        mvc.perform(post("/admin/areas/new").session(admin).with(csrf().useInvalidToken())
                        .param("level", "TOWNSHIP").param("parentCode", Fixtures.COUNTY)
                        .param("code", code).param("name", "假令牌街道"))
                .andExpect(status().isForbidden());
        assertThat(areaCount(code)).isZero();

        mvc.perform(post("/admin/areas/new").session(admin).with(csrf())
                        .param("level", "TOWNSHIP").param("parentCode", Fixtures.COUNTY)
                        .param("code", code).param("name", "有令牌街道"))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/admin/areas"));
        assertThat(jdbc.queryForObject("select name from area where code = ?", String.class, code))
                .isEqualTo("有令牌街道");
    }

    @Test
    void otherPagePostsNeedTheTokenToo() throws Exception {
        String code = fixtures.freeTownshipCode();
        jdbc.update("insert into area (code, name, level, parent_code) values (?, ?, 'TOWNSHIP', ?)", code,
                "待撤销街道", Fixtures.COUNTY);
        mvc.perform(post("/admin/areas/{code}/retire", code).session(admin).param("version", "0"))
                .andExpect(status().isForbidden());
        assertThat(jdbc.queryForObject("select retired from area where code = ?", Boolean.class, code)).isFalse();

        String user = fixtures.user(Fixtures.TOWNSHIP_A, "Some-pass-123", "CASEWORKER");
        jdbc.update("update staff_user set failed_attempts = 0, locked_until = now() + interval '1 hour' where username = ?",
                user);
        mvc.perform(post("/admin/users/{id}/unlock", fixtures.userId(user)).session(admin))
                .andExpect(status().isForbidden());
        assertThat(jdbc.queryForObject("select locked_until is not null from staff_user where username = ?",
                Boolean.class, user)).isTrue();

        // Logging out needs the token too (no forced logout from another site); the session survives.
        mvc.perform(post("/logout").session(admin)).andExpect(status().isForbidden());
        mvc.perform(get("/").session(admin)).andExpect(status().isOk());
    }

    @Test
    void apiNeedsAuthenticationButNoToken() throws Exception {
        mvc.perform(get("/api/v1/areas")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/areas").with(httpBasic("admin", Fixtures.DEMO_PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON));

        mvc.perform(post("/api/v1/areas").contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        // Authenticated without a token: the request reaches the API (no CSRF 403).
        MvcResult result = mvc.perform(post("/api/v1/areas").with(httpBasic("admin", Fixtures.DEMO_PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andReturn();
        assertThat(result.getResponse().getStatus()).isNotEqualTo(403).isNotEqualTo(401).isLessThan(500);
    }

    /** The API takes no CSRF token, so it must not accept the pages' session cookie either. */
    @Test
    void apiIgnoresThePageSession() throws Exception {
        mvc.perform(get("/api/v1/areas").session(admin))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    private int areaCount(String code) {
        return jdbc.queryForObject("select count(*) from area where code = ?", Integer.class, code);
    }
}
