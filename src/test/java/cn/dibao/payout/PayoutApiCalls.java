package cn.dibao.payout;

import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

/** Calls the payout and benefit API over HTTP Basic as a test user; every answer is checked for leaks. */
final class PayoutApiCalls {

    private final MockMvc mvc;
    private final ObjectMapper json;

    PayoutApiCalls(MockMvc mvc, ObjectMapper json) {
        this.mvc = mvc;
        this.json = json;
    }

    record Answer(int status, String contentType, String body, JsonNode json, MvcResult result) {

        /** The fields named in a problem's errors. */
        List<String> fields() {
            List<String> fields = new ArrayList<>();
            json.path("errors").forEach(e -> fields.add(e.path("field").asString()));
            return fields;
        }

        Answer ok() {
            assertThat(status).as(body).isEqualTo(200);
            return this;
        }

        /** An RFC 9457 problem with this status, a type, a title and readable messages. */
        Answer problem(int expected) {
            cn.dibao.support.Problems.assertProblem(status, contentType, json, body, expected);
            return this;
        }

        /** A problem whose errors name exactly these fields. */
        Answer problem(int expected, String... fields) {
            problem(expected);
            assertThat(fields()).as(body).containsExactlyInAnyOrder(fields);
            return this;
        }
    }

    Answer call(AbstractMockHttpServletRequestBuilder<?> request, String user) throws Exception {
        if (user != null) {
            request.with(httpBasic(user, PayoutTestCounty.PASSWORD));
        }
        MvcResult r = mvc.perform(request).andReturn();
        String body = r.getResponse().getContentAsString(StandardCharsets.UTF_8);
        String type = r.getResponse().getContentType();
        boolean isJson = type != null && type.contains("json") && !body.isBlank();
        Answer a = new Answer(r.getResponse().getStatus(), type, body, isJson ? json.readTree(body) : json.nullNode(), r);
        assertThat(a.status()).as("never a server error: %s", body).isLessThan(500);
        assertThat(body).as("no internals in the answer").doesNotContain("Exception").doesNotContain("at cn.dibao")
                .doesNotContain("\"trace\"").doesNotContain("java.").doesNotContain("org.springframework");
        return a;
    }

    Answer get(String user, String path) throws Exception {
        return call(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(path), user);
    }

    Answer post(String user, String path, String body) throws Exception {
        MockHttpServletRequestBuilder r = org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(path);
        if (body != null) {
            r.contentType(MediaType.APPLICATION_JSON).content(body);
        }
        return call(r, user);
    }

    Answer upload(String user, String path, MockMultipartFile file) throws Exception {
        var r = multipart(path);
        if (file != null) {
            r.file(file);
        }
        return call(r, user);
    }
}
