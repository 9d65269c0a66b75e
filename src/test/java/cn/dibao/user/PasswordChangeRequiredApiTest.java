package cn.dibao.user;

import cn.dibao.support.Fixtures;
import cn.dibao.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** An initial or reset password opens no API until it has been changed on the page. */
@IntegrationTest
class PasswordChangeRequiredApiTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aTemporaryPasswordIsRefusedByTheApi() throws Exception {
        String username = fixtures.user(Fixtures.TOWNSHIP_A, "Temp-pass-123", "CASEWORKER");
        mvc.perform(get("/api/v1/areas").with(httpBasic(username, "Temp-pass-123"))).andExpect(status().isOk());
        jdbc.update("update staff_user set must_change_password = true where username = ?", username);
        mvc.perform(get("/api/v1/areas").with(httpBasic(username, "Temp-pass-123")))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:dibao:problem:password-change-required"));
    }
}
