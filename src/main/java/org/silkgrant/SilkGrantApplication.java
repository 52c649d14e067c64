package org.silkgrant;

import java.util.Arrays;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Entry point of SilkGrant: one JVM serving pages, the JSON API and scheduled work. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class SilkGrantApplication {

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(SilkGrantApplication.class);
        if (Arrays.stream(args).anyMatch(a -> a.startsWith("--silkgrant.bootstrap.admin="))) {
            // The first-start command migrates, creates the first system admin and exits: it serves nothing.
            application.setWebApplicationType(WebApplicationType.NONE);
        }
        application.run(args);
    }
}
