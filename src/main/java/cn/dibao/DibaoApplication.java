package cn.dibao;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class DibaoApplication {

    public static void main(String[] args) {
        SpringApplication.run(DibaoApplication.class, args);
    }
}
