package org.devolve.tally;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The tally engine is plain Java: its counting core ({@code org.devolve.tally}) depends on the JDK and on itself,
 * nothing else; reading and writing documents and results ({@code org.devolve.tally.io}) adds jackson-core's
 * streaming API and nothing more; the recount command uses those two.
 */
class ArchitectureTest {

    private final JavaClasses engine = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.devolve.tally");

    @Test
    void theCountingCoreImportsNothingButTheJdk() {
        noClasses()
                .that()
                .resideInAPackage("org.devolve.tally")
                .should()
                .dependOnClassesThat()
                .resideOutsideOfPackages("java..", "org.devolve.tally")
                .check(engine);
    }

    @Test
    void theEngineIoUsesJacksonCoreAlone() {
        noClasses()
                .that()
                .resideInAPackage("org.devolve.tally..")
                .should()
                .dependOnClassesThat()
                .resideOutsideOfPackages("java..", "org.devolve.tally..", "com.fasterxml.jackson.core..")
                .check(engine);
    }
}
