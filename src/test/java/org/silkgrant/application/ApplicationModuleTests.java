package org.silkgrant.application;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.silkgrant.SilkGrantApplication;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;

/** The application module uses only the modules ARCHITECTURE.md allows it (shared, call, organization). */
class ApplicationModuleTests {

    @Test
    void dependsOnlyOnTheModulesItDeclares() {
        ApplicationModules modules = ApplicationModules.of(SilkGrantApplication.class);
        ApplicationModule application = modules.getModuleByName("application").orElseThrow();

        application.verifyDependencies(modules);
        assertThat(application.getBasePackage().getName()).isEqualTo("org.silkgrant.application");
    }
}
