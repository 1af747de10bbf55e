package org.devolve.tally;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The tally engine is plain Java: it depends on the JDK and on itself, nothing else. */
class ArchitectureTest {

    private final JavaClasses engine = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.devolve.tally");

    @Test
    void theEngineImportsNothingButTheJdk() {
        noClasses().that().resideInAPackage("org.devolve.tally..")
                .should().dependOnClassesThat().resideOutsideOfPackages("java..", "org.devolve.tally..")
                .check(engine);
    }
}
