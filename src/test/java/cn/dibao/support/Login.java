package cn.dibao.support;

import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** Real form logins through the page filter chain, as a browser does them. */
public final class Login {

    private Login() {
    }

    /** The POST a browser sends from the login form (with its CSRF token). */
    public static MockHttpServletRequestBuilder attempt(String username, String password) {
        return post("/login").with(csrf()).param("username", username).param("password", password);
    }

    /** Logs in and returns the session; fails unless the login redirects to {@code expectedTarget}. */
    public static MockHttpSession as(MockMvc mvc, String username, String password, String expectedTarget)
            throws Exception {
        MvcResult result = mvc.perform(attempt(username, password)).andReturn();
        assertThat(result.getResponse().getStatus()).as("login of %s", username).isEqualTo(302);
        assertThat(result.getResponse().getRedirectedUrl()).as("login of %s", username).isEqualTo(expectedTarget);
        MockHttpSession session = (MockHttpSession) result.getRequest().getSession(false);
        assertThat(session).as("session of %s", username).isNotNull();
        return session;
    }

    /** Logs in a user whose password needs no change; the login lands on the home page. */
    public static MockHttpSession as(MockMvc mvc, String username, String password) throws Exception {
        return as(mvc, username, password, "/");
    }

    /** Logs in one of the demo accounts (caseworker, caseworker2, reviewer, admin, auditor). */
    public static MockHttpSession demo(MockMvc mvc, String username) throws Exception {
        return as(mvc, username, Fixtures.DEMO_PASSWORD);
    }
}
