package org.devolve.webhook;

import static org.devolve.testing.CircleFixture.aCircle;
import static org.devolve.testing.People.ALICE;
import static org.devolve.testing.People.BOB;
import static org.devolve.testing.People.CAROL;
import static org.devolve.testing.People.DAVE;
import static org.devolve.testing.People.ERIN;
import static org.devolve.testing.People.anonymous;
import static org.devolve.testing.People.as;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.devolve.testing.People;
import org.junit.jupiter.api.Test;

/**
 * Who manages a circle's webhooks (its facilitators and admins; members and outsiders get 403, another circle's
 * endpoint is not found), what a registration must hold (every offending field named at once, nothing written),
 * and the secret shown only in the answer that made it.
 */
@QuarkusTest
class WebhookEndpointsTest {

    private static final String URL = "https://127.0.0.1:9443/devolve";

    private static String circle() {
        return aCircle("Hooked").facilitatedBy(CAROL).withMembers(DAVE).create();
    }

    private static String register(String circle) {
        return as(CAROL)
                .body(Map.of("url", "http://127.0.0.1:9/hook", "events", List.of("proposal.closed")))
                .post("/api/v1/circles/" + circle + "/webhooks")
                .then()
                .statusCode(201)
                .extract()
                .path("endpoint.id");
    }

    @Test
    void onlyFacilitatorsAndAdminsRegisterListRotateAndRedeliver() {
        String circle = circle();
        String endpoint = register(circle);
        String base = "/api/v1/circles/" + circle + "/webhooks";
        Map<String, Object> body = Map.of("url", URL, "events", List.of("proposal.closed"));
        for (People.Person notAllowed : List.of(DAVE, ERIN)) { // a member, an outsider
            as(notAllowed)
                    .body(body)
                    .post(base)
                    .then()
                    .statusCode(403)
                    .body("type", org.hamcrest.Matchers.endsWith("forbidden"));
            as(notAllowed).get(base).then().statusCode(403);
            as(notAllowed).get(base + "/" + endpoint).then().statusCode(403);
            as(notAllowed).get(base + "/" + endpoint + "/deliveries").then().statusCode(403);
            as(notAllowed).post(base + "/" + endpoint + "/rotation").then().statusCode(403);
            as(notAllowed)
                    .body(Map.of("enabled", false))
                    .patch(base + "/" + endpoint)
                    .then()
                    .statusCode(403);
            as(notAllowed).delete(base + "/" + endpoint).then().statusCode(403);
            as(notAllowed)
                    .post(base + "/" + endpoint + "/deliveries/" + UUID.randomUUID() + "/redelivery")
                    .then()
                    .statusCode(403);
        }
        anonymous().get(base).then().statusCode(401);
        as(CAROL).get(base).then().statusCode(200).body("items", hasSize(1));
        as(ALICE).get(base).then().statusCode(200).body("items", hasSize(1)); // an admin
        // a facilitator of another circle: 403 here, and this circle's endpoint is not found under theirs
        String theirs = aCircle("Elsewhere").facilitatedBy(BOB).create();
        as(BOB).get(base).then().statusCode(403);
        as(BOB).get("/api/v1/circles/" + theirs + "/webhooks/" + endpoint)
                .then()
                .statusCode(404);
        as(BOB).post("/api/v1/circles/" + theirs + "/webhooks/" + endpoint + "/rotation")
                .then()
                .statusCode(404);
        as(BOB).delete("/api/v1/circles/" + theirs + "/webhooks/" + endpoint)
                .then()
                .statusCode(404);
        as(CAROL)
                .get("/api/v1/circles/" + UUID.randomUUID() + "/webhooks")
                .then()
                .statusCode(404);
        as(CAROL)
                .post(base + "/" + endpoint + "/deliveries/" + UUID.randomUUID() + "/redelivery")
                .then()
                .statusCode(404);
        as(CAROL).get(base + "/" + endpoint).then().statusCode(200).body("$", not(hasKey("secret")));
    }

    @Test
    void aRegistrationNamesEveryOffendingFieldAndWritesNothing() {
        String circle = circle();
        String base = "/api/v1/circles/" + circle + "/webhooks";
        as(CAROL)
                .body(Map.of(
                        "url", "ftp://hooks.example.org/x",
                        "events", List.of("proposal.closed", "ballot.cast"),
                        "description", "d".repeat(201)))
                .post(base)
                .then()
                .statusCode(400)
                .body("errors.field", containsInAnyOrder("url", "events[1]", "description"))
                .body("errors.code", containsInAnyOrder("SCHEME_NOT_ALLOWED", "UNKNOWN_EVENT", "SIZE"));
        as(CAROL)
                .body(Map.of("events", List.of()))
                .post(base)
                .then()
                .statusCode(400)
                .body("errors.field", containsInAnyOrder("url", "events"))
                .body("errors.code", containsInAnyOrder("REQUIRED", "REQUIRED"));
        for (String bad : List.of(
                "hooks.example.org/x", "javascript:alert(1)", "https://user:pw@hooks.example.org/", "http:///x")) {
            as(CAROL)
                    .body(Map.of("url", bad, "events", List.of("proposal.closed")))
                    .post(base)
                    .then()
                    .statusCode(400)
                    .body("errors.field", equalTo(List.of("url")));
        }
        as(CAROL)
                .body(Map.of("url", URL, "events", List.of("proposal.closed"), "secret", "mine"))
                .post(base)
                .then()
                .statusCode(400)
                .body("errors.field", equalTo(List.of("secret")));
        as(CAROL).get(base).then().statusCode(200).body("items", hasSize(0));
        String endpoint = register(circle);
        as(CAROL)
                .body(Map.of("url", "gopher://x.example.org", "events", List.of("nope")))
                .patch(base + "/" + endpoint)
                .then()
                .statusCode(400)
                .body("errors.field", containsInAnyOrder("url", "events[0]"));
        as(CAROL).get(base + "/" + endpoint).then().body("url", equalTo("http://127.0.0.1:9/hook"));
    }

    @Test
    void anEndpointIsChangedDisabledAndDeleted() {
        String circle = circle();
        String base = "/api/v1/circles/" + circle + "/webhooks";
        var created = as(CAROL)
                .body(Map.of("url", URL, "events", List.of("proposal.closed", "proposal.voting_opened")))
                .post(base)
                .then()
                .statusCode(201)
                .body("secret", org.hamcrest.Matchers.startsWith("whsec_"))
                .body("endpoint.events", equalTo(List.of("proposal.voting_opened", "proposal.closed")))
                .body("endpoint.enabled", equalTo(true))
                .extract()
                .jsonPath();
        String endpoint = created.getString("endpoint.id");
        assertEquals(24, Base64.getDecoder().decode(created.getString("secret").substring(6)).length);
        as(CAROL)
                .body(Map.of("enabled", false, "events", List.of("challenge.raised")))
                .patch(base + "/" + endpoint)
                .then()
                .statusCode(200)
                .body("enabled", equalTo(false))
                .body("events", equalTo(List.of("challenge.raised")))
                .body("url", equalTo(URL));
        as(CAROL).delete(base + "/" + endpoint).then().statusCode(204);
        as(CAROL).get(base + "/" + endpoint).then().statusCode(404);
        as(CAROL).get(base).then().body("items", hasSize(0));
    }

    @Test
    void aCircleHasAtMostTenEndpoints() {
        String circle = circle();
        for (int i = 0; i < 10; i++) {
            register(circle);
        }
        as(CAROL)
                .body(Map.of("url", URL, "events", List.of("proposal.closed")))
                .post("/api/v1/circles/" + circle + "/webhooks")
                .then()
                .statusCode(409)
                .body("type", org.hamcrest.Matchers.endsWith("endpoint-limit"))
                .body("limit", equalTo(10));
    }
}
