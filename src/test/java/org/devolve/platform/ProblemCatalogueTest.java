package org.devolve.platform;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.devolve.platform.problem.FieldCode;
import org.devolve.platform.problem.ProblemCode;
import org.devolve.tally.Reason;
import org.junit.jupiter.api.Test;

/**
 * Every reason the API can answer with is in docs/problems.md, with its status: the catalogue integrators
 * read is complete, and stays so when a feature adds a reason.
 */
class ProblemCatalogueTest {

    @Test
    void everyProblemCodeIsDocumentedWithItsStatus() throws IOException, ClassNotFoundException {
        String catalogue = Files.readString(Path.of("docs/problems.md"));
        List<String> missing = new ArrayList<>();
        int codes = 0;
        for (JavaClass type : new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.devolve")) {
            if (!type.isEnum() || !type.isAssignableTo(ProblemCode.class)) {
                continue;
            }
            for (Object constant : Class.forName(type.getName()).getEnumConstants()) {
                ProblemCode code = (ProblemCode) constant;
                codes++;
                if (!catalogue.contains("| `" + code.name() + "` | " + code.status() + " |")) {
                    missing.add(code.name() + " (" + code.status() + ")");
                }
            }
        }
        assertTrue(codes > 30, "found only " + codes + " problem codes");
        assertTrue(missing.isEmpty(), "docs/problems.md lacks " + missing);
    }

    /**
     * Every violation code (a constant of an enum implementing {@link FieldCode}: there is no other way to make one)
     * is in the violation codes section of docs/problems.md.
     */
    @Test
    void everyViolationCodeIsDocumented() throws IOException, ClassNotFoundException {
        String catalogue = Files.readString(Path.of("docs/problems.md"));
        String section = catalogue.substring(catalogue.indexOf("## Violation codes"));
        List<String> missing = new ArrayList<>();
        int codes = 0;
        for (JavaClass type : new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.devolve")) {
            if (!type.isEnum() || !type.isAssignableTo(FieldCode.class)) {
                continue;
            }
            for (Object constant : Class.forName(type.getName()).getEnumConstants()) {
                codes++;
                String name = ((FieldCode) constant).name();
                if (!section.contains("`" + name + "`")) {
                    missing.add(type.getSimpleName() + "." + name);
                }
            }
        }
        assertTrue(codes > 25, "found only " + codes + " violation codes");
        assertTrue(missing.isEmpty(), "docs/problems.md lacks the violation codes " + missing);
    }

    /** The engine's reason codes are a ballot's violation codes too: every one is documented. */
    @Test
    void everyReasonOfTheTallyEngineIsDocumented() throws IOException {
        String catalogue = Files.readString(Path.of("docs/problems.md"));
        List<String> missing = new ArrayList<>();
        for (Reason reason : Reason.values()) {
            if (!catalogue.contains("| `" + reason.name() + "` |")) {
                missing.add(reason.name());
            }
        }
        assertTrue(missing.isEmpty(), "docs/problems.md lacks the engine's reasons " + missing);
    }
}
