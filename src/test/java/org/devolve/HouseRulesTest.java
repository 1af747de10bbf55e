package org.devolve;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaFieldAccess;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The house rules of docs/architecture.md, over the compiled classes: features layered without cycles, thin
 * resources, and no feature writing another's entities.
 */
class HouseRulesTest {

    private static final JavaClasses SERVICE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.devolve");

    /** The layers, lowest first: a feature uses features of its own layer or below (ports excepted: none upward). */
    private static final List<List<String>> LAYERS = List.of(
            List.of("tally"),
            List.of("platform"),
            List.of("identity", "ledger"),
            List.of("circle"),
            List.of("integration"),
            List.of("proposal"),
            List.of("notification", "webhook"),
            List.of("invitation"),
            List.of("stake", "delegation"),
            List.of("ballot", "argument", "result"),
            List.of("audit", "live", "home"));

    @Test
    void featuresDependOnEachOtherWithoutCycles() {
        slices().matching("org.devolve.(*)..").should().beFreeOfCycles().check(SERVICE);
    }

    @Test
    void aFeatureUsesNoFeatureAboveIt() {
        for (int layer = 0; layer < LAYERS.size(); layer++) {
            List<String> above = LAYERS.subList(layer + 1, LAYERS.size()).stream()
                    .flatMap(List::stream)
                    .map(f -> "org.devolve." + f + "..")
                    .toList();
            if (above.isEmpty()) {
                continue;
            }
            for (String feature : LAYERS.get(layer)) {
                noClasses()
                        .that()
                        .resideInAPackage("org.devolve." + feature + "..")
                        .should()
                        .dependOnClassesThat()
                        .resideInAnyPackage(above.toArray(String[]::new))
                        .because(feature + " is below " + above)
                        .check(SERVICE);
            }
        }
    }

    @Test
    void aFeatureOnTheSameLayerIsUsedOnlyWhereTheMapSaysSo() {
        // participation: ballot and argument use stake; result uses stake and delegation; nothing else between them
        // (notification is a layer below: stake, delegation and argument tell people through its port Notices)
        for (String feature : List.of("stake", "delegation")) {
            List<String> others = List.of("stake", "delegation").stream()
                    .filter(f -> !f.equals(feature))
                    .map(f -> "org.devolve." + f + "..")
                    .toList();
            noClasses()
                    .that()
                    .resideInAPackage("org.devolve." + feature + "..")
                    .should()
                    .dependOnClassesThat()
                    .resideInAnyPackage(others.toArray(String[]::new))
                    .check(SERVICE);
        }
        noClasses()
                .that()
                .resideInAPackage("org.devolve.ballot..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.devolve.result..",
                        "org.devolve.delegation..",
                        "org.devolve.argument..",
                        "org.devolve.notification..")
                .check(SERVICE);
        noClasses()
                .that()
                .resideInAPackage("org.devolve.argument..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.devolve.result..", "org.devolve.delegation..", "org.devolve.ballot..")
                .check(SERVICE);
    }

    @Test
    void resourcesAreThin() {
        noClasses()
                .that()
                .haveSimpleNameEndingWith("Resource")
                .and()
                .resideOutsideOfPackage("org.devolve.platform..")
                .should()
                .dependOnClassesThat()
                .areAssignableTo(EntityManager.class)
                .orShould()
                .dependOnClassesThat()
                .haveFullyQualifiedName("io.quarkus.narayana.jta.QuarkusTransaction")
                .orShould()
                .callMethodWhere(ownerIsAnEntity())
                .because("a resource is DTO in, one use case or query, DTO out")
                .check(SERVICE);
        noMethods()
                .that()
                .areDeclaredInClassesThat()
                .haveSimpleNameEndingWith("Resource")
                .should()
                .beAnnotatedWith(Transactional.class)
                .because("the use case or the query is the transaction boundary")
                .check(SERVICE);
        noClasses()
                .that()
                .haveSimpleNameEndingWith("Resource")
                .should()
                .beAnnotatedWith(Transactional.class)
                .check(SERVICE);
    }

    @Test
    void noFeatureWritesAnotherFeaturesEntities() {
        noClasses()
                .should(new ArchCondition<>("write fields of another feature's entities") {
                    @Override
                    public void check(JavaClass origin, ConditionEvents events) {
                        for (JavaFieldAccess access : origin.getFieldAccessesFromSelf()) {
                            JavaClass owner = access.getTarget().getOwner();
                            if (access.getAccessType() == JavaFieldAccess.AccessType.SET
                                    && owner.isAnnotatedWith(Entity.class)
                                    && !feature(owner).equals(feature(origin))) {
                                events.add(SimpleConditionEvent.violated(access, access.getDescription()));
                            }
                        }
                    }
                })
                .check(SERVICE);
    }

    private static DescribedPredicate<com.tngtech.archunit.core.domain.JavaMethodCall> ownerIsAnEntity() {
        return DescribedPredicate.describe(
                "a method of an entity", call -> call.getTarget().getOwner().isAnnotatedWith(Entity.class));
    }

    /** The feature a class belongs to: the package right under org.devolve. */
    static String feature(JavaClass c) {
        String rest = c.getPackageName().substring("org.devolve".length());
        rest = rest.startsWith(".") ? rest.substring(1) : rest;
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }
}
