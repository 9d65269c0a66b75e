package cn.dibao;

import java.util.TimeZone;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class DibaoApplication {

    public static void main(String[] args) {
        // staff read times in China Standard Time whatever zone the server is set to: pages format
        // instants in the JVM's zone (the app Clock and the database session are Asia/Shanghai already)
        TimeZone.setDefault(TimeZone.getTimeZone("Asia/Shanghai"));
        SpringApplication.run(DibaoApplication.class, args);
    }
}
