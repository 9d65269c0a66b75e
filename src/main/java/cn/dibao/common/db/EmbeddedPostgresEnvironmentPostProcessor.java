package cn.dibao.common.db;

import org.apache.commons.logging.Log;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Without {@code spring.datasource.url} (or {@code SPRING_DATASOURCE_URL}) the app runs on its
 * own embedded PostgreSQL and turns the {@code demo} profile on, so that
 * {@code ./mvnw spring-boot:run} works on a fresh machine. It runs after the config files are
 * read so it sees every way the URL can be set.
 */
public class EmbeddedPostgresEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    static final String PROPERTY_SOURCE = "dibaoEmbeddedPostgres";

    // Logging is not configured yet while the environment is prepared; Boot replays deferred logs.
    private final Log log;

    public EmbeddedPostgresEnvironmentPostProcessor(DeferredLogFactory logFactory) {
        this.log = logFactory.getLog(EmbeddedPostgresEnvironmentPostProcessor.class);
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
        if (StringUtils.hasText(env.getProperty("spring.datasource.url"))
                || !env.getProperty("dibao.db.embedded.enabled", Boolean.class, true)) {
            if (env.getProperty("dibao.demo.enabled", Boolean.class, false)) {
                env.addActiveProfile("demo");
            }
            return;
        }
        String dir = env.getProperty("dibao.db.embedded.data-dir", "./data/pg");
        boolean temporary = dir.isBlank() || "temporary".equals(dir);
        String sharedBuffers = env.getProperty("dibao.db.embedded.shared-buffers", temporary ? "128MB" : "512MB");
        EmbeddedPostgresServer server = EmbeddedPostgresServer.start(temporary ? null : Path.of(dir), !temporary,
                sharedBuffers);
        log.info("Using the embedded PostgreSQL on port " + server.port() + " (data: "
                + server.dataDirectory().map(Path::toString).orElse("temporary") + ")");

        Map<String, Object> props = new HashMap<>();
        props.put("spring.datasource.url", server.jdbcUrl());
        props.put("spring.datasource.username", "postgres");
        props.put("spring.datasource.password", "");
        props.put("dibao.db.embedded.active", "true");
        env.getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE, props));
        if (env.getProperty("dibao.demo.enabled", Boolean.class, true)) {
            env.addActiveProfile("demo");
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
