package org.silkgrant;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** The module boundaries of ARCHITECTURE.md hold, and the module documentation is written from the code. */
class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(SilkGrantApplication.class);

    @Test
    void modulesKeepTheirBoundaries() {
        modules.verify();
    }

    @Test
    void theModulesAreThoseOfTheMap() {
        assertThat(modules.stream().map(ApplicationModule::getBasePackage).map(p -> p.getName()))
                .containsExactlyInAnyOrder("org.silkgrant.account", "org.silkgrant.application", "org.silkgrant.audit", "org.silkgrant.call",
                        "org.silkgrant.document", "org.silkgrant.integrity",
                        "org.silkgrant.notification", "org.silkgrant.organization", "org.silkgrant.review", "org.silkgrant.award", "org.silkgrant.shared", "org.silkgrant.bench");
    }

    @Test
    void writesTheModuleDocumentation() throws java.io.IOException {
        java.nio.file.Path diagram = java.nio.file.Path.of("target", "spring-modulith-docs", "module-application.puml");
        java.nio.file.Files.deleteIfExists(diagram);
        Documenter documenter = new Documenter(modules);
        documenter.writeDocumentation();
        // Documenter writes to target/spring-modulith-docs by default.
        assertThat(diagram).exists();
    }
}
