package cn.dibao.common.web;

import cn.dibao.support.Fixtures;
import cn.dibao.support.IntegrationTest;
import cn.dibao.support.JsonApi;
import cn.dibao.support.JsonApi.Answer;
import cn.dibao.support.Login;
import io.swagger.v3.oas.annotations.media.Schema;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static cn.dibao.support.Fixtures.DEMO_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The OpenAPI document: readable by another system with HTTP Basic (and by the Swagger UI with a
 * page session), and every schema named apart, so that no record hides another of the same simple
 * name (the preview's Member and the household file's Member were one schema, without `ref`).
 */
@IntegrationTest
class ApiDocsTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    ObjectMapper json;

    @Test
    void anApiClientReadsTheDocumentWithHttpBasic() throws Exception {
        String body = mvc.perform(get("/v3/api-docs").with(httpBasic("caseworker", DEMO_PASSWORD)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        JsonNode doc = json.readTree(body);
        JsonNode schemas = doc.path("components").path("schemas");

        JsonNode member = schemas.path("PreviewMember").path("properties");
        assertThat(member.has("ref")).isTrue();
        assertThat(member.has("memberId")).isFalse();
        assertThat(schemas.path("PreviewIncome").path("properties").has("memberRef")).isTrue();
        assertThat(schemas.path("PreviewDeduction").path("properties").has("memberRef")).isTrue();
        assertThat(schemas.path("PreviewObligor").path("properties").has("supportedMemberRef")).isTrue();
        assertThat(schemas.path("PreviewRequest").path("properties").path("members").path("items").path("$ref")
                .asString()).isEqualTo("#/components/schemas/PreviewMember");
        // the household file keeps its own, and a case step's input is not the case's view
        assertThat(schemas.path("ReviewInput").path("properties").has("month")).isTrue();
        assertThat(schemas.path("Review").path("properties").has("checkId")).isTrue();
        assertThat(schemas.path("Member").path("properties").has("memberId")).isTrue();
        assertThat(schemas.path("Member").path("properties").has("ref")).isFalse();
        assertThat(schemas.path("Income").path("properties").has("personId")).isTrue();

        // the operations of this issue are documented
        JsonNode paths = doc.path("paths");
        assertThat(paths.path("/api/v1/standards").has("post")).isTrue();
        assertThat(paths.path("/api/v1/standards/{id}").has("put")).isTrue();
        assertThat(paths.path("/api/v1/areas").has("post")).isTrue();
        assertThat(paths.path("/api/v1/standards/{areaCode}/simulations").has("post")).isTrue();
        assertThat(paths.path("/api/v1/payout-grants").has("post")).isTrue();
        assertThat(paths.path("/api/v1/eligibility-checks/household-preview").has("post")).isTrue();
    }

    @Test
    void withoutValidCredentialsItIsAProblemAndTheSwaggerUiSessionStillWorks() throws Exception {
        JsonApi api = new JsonApi(mvc, json);
        Answer none = api.get("/v3/api-docs", null, null).problem(401);
        assertThat(none.result().getResponse().getHeader("WWW-Authenticate")).startsWith("Basic");
        api.get("/v3/api-docs", "caseworker", "Wrong-pass-1").problem(401);

        MockHttpSession session = Login.demo(mvc, "reviewer");
        mvc.perform(get("/v3/api-docs").session(session)).andExpect(status().isOk());
        // the API itself stays session-less: the page session opens nothing there
        mvc.perform(get("/api/v1/areas").session(session)).andExpect(status().isUnauthorized());
    }

    /**
     * Every class an API operation takes or answers (and the classes inside them) has a schema name
     * of its own: its {@code @Schema(name)} or its simple name. Two records of the same name and
     * shape (e.g. two controllers' {@code Created(long id)}) are the same schema and may share it.
     */
    @Test
    void noTwoApiTypesShareASchemaName() throws Exception {
        ClassPathScanningCandidateComponentProvider scan = new ClassPathScanningCandidateComponentProvider(false);
        scan.addIncludeFilter(new AnnotationTypeFilter(RestController.class));
        Set<Class<?>> seen = new HashSet<>();
        for (var bean : scan.findCandidateComponents("cn.dibao")) {
            for (Method m : Class.forName(bean.getBeanClassName()).getDeclaredMethods()) {
                collect(m.getGenericReturnType(), seen);
                Arrays.stream(m.getGenericParameterTypes()).forEach(t -> collect(t, seen));
            }
        }
        Map<String, Class<?>> byName = new HashMap<>();
        List<String> clashes = new ArrayList<>();
        for (Class<?> c : seen) {
            Schema s = c.getAnnotation(Schema.class);
            String name = s != null && !s.name().isEmpty() ? s.name() : c.getSimpleName();
            Class<?> other = byName.putIfAbsent(name, c);
            if (other != null && !sameShape(c, other)) {
                clashes.add(name + ": " + c.getName() + " and " + other.getName());
            }
        }
        assertThat(seen).as("the scan finds the API's types").hasSizeGreaterThan(30);
        assertThat(clashes).isEmpty();
    }

    private static void collect(Type t, Set<Class<?>> seen) {
        if (t instanceof ParameterizedType p) {
            collect(p.getRawType(), seen);
            Arrays.stream(p.getActualTypeArguments()).forEach(a -> collect(a, seen));
        } else if (t instanceof WildcardType w) {
            Arrays.stream(w.getUpperBounds()).forEach(a -> collect(a, seen));
        } else if (t instanceof Class<?> c && c.isArray()) {
            collect(c.getComponentType(), seen);
        } else if (t instanceof Class<?> c && c.getName().startsWith("cn.dibao.") && !c.isEnum()
                && !c.isInterface() && seen.add(c) && c.isRecord()) {
            for (RecordComponent rc : c.getRecordComponents()) {
                collect(rc.getGenericType(), seen);
            }
        }
    }

    private static boolean sameShape(Class<?> a, Class<?> b) {
        if (!a.isRecord() || !b.isRecord()) {
            return false;
        }
        return Arrays.stream(a.getRecordComponents()).map(c -> c.getName() + ":" + c.getGenericType()).toList()
                .equals(Arrays.stream(b.getRecordComponents()).map(c -> c.getName() + ":" + c.getGenericType()).toList());
    }
}
