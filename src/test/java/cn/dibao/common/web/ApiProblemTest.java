package cn.dibao.common.web;

import cn.dibao.support.Fixtures;
import cn.dibao.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Every API failure is an RFC 9457 problem document: never an HTML page, never a stack trace. */
@IntegrationTest
class ApiProblemTest {

    private static final RequestPostProcessor CASEWORKER = httpBasic("caseworker", Fixtures.DEMO_PASSWORD);

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MessageSource messages;

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/nope", "/api/v1/areas/370211001001/children", "/api/v2/areas", "/api",
            "/api/v1/areas/abc", "/api/v1/areas/" + Fixtures.TOWNSHIP_B})
    void unknownOrOutOfScopeResourcesAreNotFoundProblems(String url) throws Exception {
        MvcResult result = problem(mvc.perform(get(url).with(CASEWORKER)), 404)
                .andExpect(jsonPath("$.type").value("urn:dibao:problem:not-found"))
                .andExpect(jsonPath("$.title").value(text("error.404.title")))
                .andReturn();
        assertThat(result.getResponse().getHeader(HttpHeaders.WWW_AUTHENTICATE)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"POST", "PUT", "PATCH", "DELETE"})
    void methodsTheApiDoesNotOfferAreProblemsToo(String method) throws Exception {
        MvcResult result = mvc.perform(request(org.springframework.http.HttpMethod.valueOf(method), "/api/v1/areas/{c}",
                        Fixtures.VILLAGE_A).with(CASEWORKER).contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andReturn();
        assertThat(result.getResponse().getStatus()).isBetween(400, 499);
        assertNoLeak(result);
        assertThat(jdbc.queryForObject("select count(*) from area where code = ?", Integer.class, Fixtures.VILLAGE_A))
                .isEqualTo(1);
    }

    @Test
    void aBrowserAskingForHtmlStillGetsAProblem() throws Exception {
        problem(mvc.perform(get("/api/v1/nope").with(CASEWORKER).accept(MediaType.TEXT_HTML)), 404);
        problem(mvc.perform(get("/api/v1/areas/{c}", Fixtures.TOWNSHIP_B).with(CASEWORKER).accept(MediaType.TEXT_HTML)),
                404);
        problem(mvc.perform(get("/api/v1/nope").accept(MediaType.TEXT_HTML)), 401);
        problem(mvc.perform(get("/api/v1/areas").with(CASEWORKER).accept(MediaType.APPLICATION_XML)), 406);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/areas", "/api/v1/areas/" + Fixtures.VILLAGE_A, "/api/v1/nope"})
    void withoutCredentialsTheAnswerIsAnUnauthorizedProblemWithAChallenge(String url) throws Exception {
        problem(mvc.perform(get(url)), 401)
                .andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, org.hamcrest.Matchers.startsWith("Basic realm=")))
                .andExpect(jsonPath("$.type").value("urn:dibao:problem:unauthorized"))
                .andExpect(jsonPath("$.title").value(text("error.401.title")));
    }

    @Test
    void badCredentialsOfEveryKindLookTheSame() throws Exception {
        String disabled = fixtures.user(Fixtures.TOWNSHIP_A, "Disabled-pass-1", "CASEWORKER");
        jdbc.update("update staff_user set enabled = false where username = ?", disabled);

        String wrongPassword = body(problem(mvc.perform(get("/api/v1/areas")
                .with(httpBasic(fixtures.user(Fixtures.TOWNSHIP_A, "Right-pass-1", "CASEWORKER"), "Wrong-pass-1"))), 401));
        String unknownUser = body(problem(mvc.perform(get("/api/v1/areas")
                .with(httpBasic(Fixtures.unique("ghost"), "Wrong-pass-1"))), 401));
        String disabledUser = body(problem(mvc.perform(get("/api/v1/areas")
                .with(httpBasic(disabled, "Disabled-pass-1"))), 401));
        String garbage = body(problem(mvc.perform(get("/api/v1/areas")
                .header(HttpHeaders.AUTHORIZATION, "Basic !!not-base64!!")), 401));
        String noColon = body(problem(mvc.perform(get("/api/v1/areas").header(HttpHeaders.AUTHORIZATION,
                "Basic " + Base64.getEncoder().encodeToString("caseworker".getBytes(StandardCharsets.UTF_8)))), 401));

        assertThat(unknownUser).isEqualTo(wrongPassword);
        assertThat(disabledUser).isEqualTo(wrongPassword);
        assertThat(garbage).isEqualTo(wrongPassword);
        assertThat(noColon).isEqualTo(wrongPassword);
    }

    private ResultActions problem(ResultActions actions, int status) throws Exception {
        MvcResult result = actions.andExpect(status().is(status))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(status))
                .andExpect(jsonPath("$.type").isString())
                .andExpect(jsonPath("$.title").isString())
                .andReturn();
        assertNoLeak(result);
        return actions;
    }

    private static void assertNoLeak(MvcResult result) throws Exception {
        String body = body(result);
        assertThat(body).doesNotContain("Exception").doesNotContain("at cn.dibao").doesNotContain("at org.")
                .doesNotContain("<html").doesNotContain("trace");
    }

    private static String body(ResultActions actions) throws Exception {
        return body(actions.andReturn());
    }

    private static String body(MvcResult result) throws Exception {
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private String text(String key) {
        return messages.getMessage(key, null, Locale.SIMPLIFIED_CHINESE);
    }
}
