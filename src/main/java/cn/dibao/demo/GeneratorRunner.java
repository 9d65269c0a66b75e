package cn.dibao.demo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;

/**
 * Bulk synthetic data for benchmarks:
 * {@code ./mvnw spring-boot:run -Dspring-boot.run.arguments="--dibao.generate.households=1000000"}.
 * Generates into the demo district, prints the figures and stops the app.
 */
@Component
@ConditionalOnProperty("dibao.generate.households")
@Order(10)
class GeneratorRunner implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(GeneratorRunner.class);

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final ConfigurableApplicationContext context;

    GeneratorRunner(DataSource dataSource, JdbcClient jdbc, ConfigurableApplicationContext context) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        int n = Integer.parseInt(context.getEnvironment().getRequiredProperty("dibao.generate.households"));
        String address = context.getEnvironment().getProperty("dibao.generate.id-address-code", "370283");
        DemoDataSeeder.seedAreas(jdbc);
        HouseholdGenerator.Result r = new HouseholdGenerator(dataSource).generate(n, System.nanoTime(),
                DemoAreas.villages().stream().map(DemoAreas.Village::code).toList(), address);
        log.info("GENERATED households={} persons={} incomeItems={} seconds={}", r.households(), r.persons(),
                r.incomeItems(), r.millis() / 1000.0);
        if (context.getEnvironment().getProperty("dibao.generate.exit", Boolean.class, true)) {
            System.exit(SpringApplication.exit(context, () -> 0));
        }
    }
}
