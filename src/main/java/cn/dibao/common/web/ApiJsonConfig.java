package cn.dibao.common.web;

import org.springframework.boot.http.converter.autoconfigure.ServerHttpMessageConvertersCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON the API reads. Spring Boot's mapper ignores a field the body's type does not have; the
 * API must never answer success while ignoring part of what it was sent, so the request bodies are
 * read with a copy of that mapper that refuses such a field by name (ApiExceptionHandler). A decimal
 * read into a tree (a body taken as JSON nodes) stays exact. The app's own {@link JsonMapper} bean,
 * which reads stored JSON of older shapes, stays lenient.
 */
@Configuration(proxyBeanMethods = false)
class ApiJsonConfig {

    /** Runs after Boot's own customizer (order 0), so this JSON converter is the one used. */
    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    ServerHttpMessageConvertersCustomizer strictRequestJson(JsonMapper json) {
        JsonMapper strict = json.rebuild()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .build();
        return builder -> builder.withJsonConverter(new JacksonJsonHttpMessageConverter(strict));
    }
}
