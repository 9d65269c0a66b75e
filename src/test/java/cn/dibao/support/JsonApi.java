package cn.dibao.support;

import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

/**
 * Calls the JSON API over HTTP Basic as another system would, and checks what every answer must
 * be: never a server error, no internals; a refusal an RFC 9457 problem ({@link Problems}).
 */
public final class JsonApi {

    private final MockMvc mvc;
    private final ObjectMapper json;

    public JsonApi(MockMvc mvc, ObjectMapper json) {
        this.mvc = mvc;
        this.json = json;
    }

    /** An answer: status, body and its JSON. */
    public record Answer(int status, String contentType, String body, JsonNode json, MvcResult result) {

        /** The fields of the problem's errors, in order. */
        public List<String> fields() {
            List<String> fields = new ArrayList<>();
            json.path("errors").forEach(e -> fields.add(e.path("field").asString()));
            return fields;
        }

        /** The message of the error on this field. */
        public String message(String field) {
            for (JsonNode e : json.path("errors")) {
                if (field.equals(e.path("field").asString())) {
                    return e.path("message").asString();
                }
            }
            throw new AssertionError("no error on " + field + ": " + body);
        }

        public Answer status(int expected) {
            assertThat(status).as(body).isEqualTo(expected);
            return this;
        }

        public Answer problem(int expected) {
            Problems.assertProblem(status, contentType, json, body, expected);
            return this;
        }
    }

    public Answer get(String url, String user, String password) throws Exception {
        return call(request(HttpMethod.GET, url), user, password);
    }

    public Answer send(HttpMethod method, String url, String user, String password, String body) throws Exception {
        return call(request(method, url).contentType(MediaType.APPLICATION_JSON).content(body), user, password);
    }

    public Answer call(MockHttpServletRequestBuilder request, String user, String password) throws Exception {
        if (user != null) {
            request.with(httpBasic(user, password));
        }
        MvcResult r = mvc.perform(request).andReturn();
        String body = r.getResponse().getContentAsString();
        Answer a = new Answer(r.getResponse().getStatus(), r.getResponse().getContentType(), body,
                body.isBlank() ? json.nullNode() : json.readTree(body), r);
        assertThat(a.status()).as("never a server error: %s", body).isLessThan(500);
        assertThat(body).as("no internals in the answer").doesNotContain("Exception").doesNotContain("at cn.dibao")
                .doesNotContain("\"trace\"").doesNotContain("org.springframework");
        return a;
    }

    /** The programme of a check report (as the API answers it) by its code. */
    public static JsonNode programme(JsonNode report, String code) {
        for (JsonNode p : report.path("programmes")) {
            if (p.path("programme").asString().equals(code)) {
                return p;
            }
        }
        throw new AssertionError("no programme " + code + " in the report");
    }
}
