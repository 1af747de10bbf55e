package org.devolve.circle;

import static org.devolve.testing.CircleFixture.aCircle;
import static org.devolve.testing.People.ALICE;
import static org.devolve.testing.People.BOB;
import static org.devolve.testing.People.as;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Circles form a graph: several parents are fine, a cycle never is. */
@QuarkusTest
class CircleGraphTest {

    @Test
    void aCityBelongsToARegionalFederationAndToANetworkOfCities() {
        String region = aCircle("Lake Region").ofKind("FEDERATION").create();
        String network = aCircle("Cities for Climate").ofKind("NETWORK").create();
        String city = aCircle("Lakeside")
                .ofKind("CITY")
                .inside(region)
                .inside(network)
                .create();
        as(BOB).get("/api/v1/circles/" + city)
                .then()
                .statusCode(200)
                .body("parents.id", containsInAnyOrder(region, network));
        as(BOB).get("/api/v1/circles?parent=" + region)
                .then()
                .statusCode(200)
                .body("items.id", containsInAnyOrder(city));
    }

    @Test
    void aCircleCannotBelongToItself() {
        String circle = aCircle("Selfish").create();
        as(ALICE)
                .put("/api/v1/circles/" + circle + "/parents/" + circle)
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/circle-cycle"))
                .body("detail", equalTo("A circle cannot belong to itself"));
    }

    @Test
    void aLinkThatWouldCloseACycleThroughOtherCirclesIsRefused() {
        String world = aCircle("World").create();
        String continent = aCircle("Continent").inside(world).create();
        String country = aCircle("Country").inside(continent).create();
        as(ALICE)
                .put("/api/v1/circles/" + world + "/parents/" + country)
                .then()
                .statusCode(409)
                .body("code", equalTo("CIRCLE_CYCLE"))
                .body(
                        "detail",
                        matchesPattern("Country \\S+ already belongs, directly or through other circles, "
                                + "to World \\S+: it cannot also include it"));
        as(ALICE)
                .put("/api/v1/circles/" + continent + "/parents/" + country)
                .then()
                .statusCode(409);
        as(BOB).get("/api/v1/circles/" + world).then().body("parents.size()", equalTo(0));
    }

    @Test
    void creatingACircleInsideAnUnknownParentIsAValidationProblem() {
        as(ALICE)
                .body(Map.of(
                        "name", "Orphan", "kind", "OTHER", "parents", List.of("00000000-0000-0000-0000-000000000001")))
                .post("/api/v1/circles")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("parents[0]"))
                .body("errors[0].code", equalTo("UNKNOWN_CIRCLE"));
    }

    @Test
    void twoConcurrentOppositeLinksNeverBothSucceed() throws Exception {
        for (int round = 0; round < 5; round++) {
            String a = aCircle("A").create();
            String b = aCircle("B").create();
            List<CompletableFuture<Integer>> tries = new ArrayList<>();
            tries.add(CompletableFuture.supplyAsync(() -> as(ALICE)
                    .put("/api/v1/circles/" + a + "/parents/" + b)
                    .then()
                    .extract()
                    .statusCode()));
            tries.add(CompletableFuture.supplyAsync(() -> as(ALICE)
                    .put("/api/v1/circles/" + b + "/parents/" + a)
                    .then()
                    .extract()
                    .statusCode()));
            List<Integer> statuses =
                    tries.stream().map(CompletableFuture::join).sorted().toList();
            org.junit.jupiter.api.Assertions.assertEquals(
                    List.of(200, 409), statuses, "exactly one of two opposite links succeeds");
        }
    }
}
