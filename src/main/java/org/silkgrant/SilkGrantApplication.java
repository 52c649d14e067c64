package org.silkgrant;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Entry point of SilkGrant: one JVM serving pages, the JSON API and scheduled work. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class SilkGrantApplication {

    public static void main(String[] args) {
        SpringApplication.run(SilkGrantApplication.class, args);
    }
}
