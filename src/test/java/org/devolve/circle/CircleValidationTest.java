package org.devolve.circle;

import static org.devolve.testing.People.ALICE;
import static org.devolve.testing.People.BOB;
import static org.devolve.testing.People.as;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Bad input gets a clear problem with every offending field, and changes nothing. */
@QuarkusTest
class CircleValidationTest {

    private int circleCount() {
        return as(BOB).queryParam("limit", 100)
                .get("/api/v1/circles")
                .then()
                .extract()
                .jsonPath()
                .getList("items")
                .size();
    }

    @Test
    void everyOffendingFieldIsReportedAtOnce() {
        int before = circleCount();
        as(ALICE)
                .body(Map.of("name", "", "slug", "Not A Slug", "description", "x".repeat(10001)))
                .post("/api/v1/circles")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/validation-failed"))
                .body("errors.field", containsInAnyOrder("name", "slug", "description", "kind"));
        assertEquals(before, circleCount());
    }

    @Test
    void wrongTypesUnknownEnumValuesAndUnknownFieldsAreNamed() {
        as(ALICE)
                .body("{\"name\": \"Typed\", \"kind\": \"PLANET\"}")
                .post("/api/v1/circles")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("kind"))
                .body("errors[0].message", containsString("CITY"));
        as(ALICE)
                .body("{\"name\": [1, 2], \"kind\": \"CITY\"}")
                .post("/api/v1/circles")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("name"));
        as(ALICE)
                .body("{\"name\": \"Typo\", \"kind\": \"CITY\", \"desription\": \"oops\"}")
                .post("/api/v1/circles")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("desription"))
                .body("errors[0].code", equalTo("UNKNOWN_FIELD"));
    }

    @Test
    void malformedJsonIsItsOwnProblemAndLeaksNothing() {
        as(ALICE)
                .body("{\"name\": \"Broken\", ")
                .post("/api/v1/circles")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/malformed-json"))
                .body("detail", not(containsString("com.fasterxml")))
                .body("detail", not(containsString("Exception")));
        as(ALICE).body("").post("/api/v1/circles").then().statusCode(400).contentType("application/problem+json");
        as(ALICE).body("[]").post("/api/v1/circles").then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void aTakenSlugIsAConflict() {
        String slug = "taken-" + System.nanoTime();
        as(ALICE)
                .body(Map.of("name", "First", "slug", slug, "kind", "CITY"))
                .post("/api/v1/circles")
                .then()
                .statusCode(201)
                .body("slug", equalTo(slug));
        as(ALICE)
                .body(Map.of("name", "Second", "slug", slug, "kind", "CITY"))
                .post("/api/v1/circles")
                .then()
                .statusCode(409)
                .body("type", equalTo("/problems/slug-taken"));
    }

    @Test
    void theSlugIsDerivedFromTheNameWhenAbsent() {
        String suffix = Long.toString(System.nanoTime());
        as(ALICE)
                .body(Map.of("name", "Ville de Genève — Quartiers " + suffix, "kind", "CITY"))
                .post("/api/v1/circles")
                .then()
                .statusCode(201)
                .body("slug", equalTo("ville-de-geneve-quartiers-" + suffix));
    }
}
