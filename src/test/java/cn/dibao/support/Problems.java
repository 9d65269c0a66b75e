package cn.dibao.support;

import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** What every API error must be: an RFC 9457 problem with the status, a Dibao type, a title and readable messages. */
public final class Problems {

    private Problems() {
    }

    public static void assertProblem(int status, String contentType, JsonNode json, String body, int expected) {
        assertThat(status).as(body).isEqualTo(expected);
        assertThat(MediaType.parseMediaType(contentType).isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .as(contentType).isTrue();
        assertThat(json.path("status").asInt()).isEqualTo(expected);
        assertThat(json.path("type").asString()).startsWith("urn:dibao:problem:");
        assertThat(json.path("title").asString()).isNotBlank();
        // messages are sentences, never a message key or a placeholder
        json.path("errors").forEach(e -> assertThat(e.path("message").asString()).as(body).isNotBlank()
                .doesNotContain("{").doesNotMatch("[a-zA-Z]+(\\.[a-zA-Z0-9]+)+"));
    }
}
