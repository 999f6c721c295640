package org.onewindow.hub;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

import java.time.Clock;

/** Assembles the routes, the department adapters and the hub's own services into one application. */
@SpringBootApplication(scanBasePackages = "org.onewindow")
@ConfigurationPropertiesScan("org.onewindow.hub")
public class OneWindowHubApplication {

    public static void main(String[] args) {
        SpringApplication.run(OneWindowHubApplication.class, args);
    }

    /** The one source of "now", so tests can move time. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
